package org.standalonecredit.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;
import org.standalonecredit.testkit.reliability.support.Journal;
import org.standalonecredit.testkit.reliability.support.OpenGateway;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * The fault matrix: one provider against every fault, each produced on loopback against the subject's simulator.
 * Use it from a test class, next to the conformance suite:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> faultMatrix() {
 *     return FaultMatrix.of(new MySubject()).cells();
 * }
 * }</pre>
 *
 * Each cell ({@code "[fault] <description>"}) asserts the neutral outcome and detail, how often the library tried,
 * how many requests the gateway received and how many credits it really made, that a re-send was byte-identical
 * under the same idempotency value, that an UNKNOWN carries its reconciliation keys, resolves through the status
 * follow-up and can then be voided, that no connection stays leased, and that no canary (the canary card, its
 * security code, the simulators' and the subject's configured secrets) appeared in a console line, an event, a
 * result, a message or the gateway's {@code toString}. What a cell may expect is read from the subject:
 * {@link ConformanceSubject#gatewayDeduplicates()} decides whether a lost answer may be re-sent, the provider's
 * declared follow-ups how an UNKNOWN is looked up and undone. The subject must start its simulator as a
 * {@link org.standalonecredit.testkit.conformance.SimulatorBackedGateway} over a
 * {@link org.standalonecredit.simulator.GatewaySimulator}: the matrix scripts it directly.
 *
 * <p>The last node, {@code "[leak scan] ..."}, prints the measured matrix and checks the scan over all cells. While
 * a cell runs, {@code System.out} and {@code System.err} are captured and scanned line by line. Whether the scan
 * must also have seen the library's DEBUG log lines (or it proves nothing about logs) depends on the logging of the
 * build: by default it is required only when slf4j-simple is the binding and the library's logger
 * {@code org.standalonecredit.kit.GatewayExchange} is at DEBUG, the set-up under which the library's DEBUG lines
 * reach the console; {@link #withLogScan()} requires them in any case. The other leak checks always run.
 * Cells run one after the other, not in parallel: the console capture is process-wide.
 */
public final class FaultMatrix {
    /** Short enough for a quick matrix, long enough that a loaded machine does not time out a normal answer. */
    static final Map<String, String> TIMEOUTS = Map.of(
            "credit.http.connect-timeout", "300ms",
            "credit.http.response-timeout", "1s",
            "credit.http.deadline", "2s",
            "credit.http.max-response-bytes", "16384",
            "credit.retry.max-attempts", String.valueOf(Expectation.MAX_ATTEMPTS),
            "credit.retry.max-resends-after-sent", "2",
            "credit.retry.backoff", "50ms");

    private final ConformanceSubject subject;
    private final boolean requireDebugLines;

    private FaultMatrix(ConformanceSubject subject, boolean requireDebugLines) {
        this.subject = subject;
        this.requireDebugLines = requireDebugLines;
    }

    public static FaultMatrix of(ConformanceSubject subject) {
        return new FaultMatrix(subject, LogScan.libraryDebugReachesConsole());
    }

    /**
     * Requires that the console capture saw the library's DEBUG log lines whatever the logging set-up looks like:
     * for a build that routes them to the console (slf4j-simple at DEBUG for {@code org.standalonecredit}, say)
     * and wants the leak scan of the logs proven to have run.
     */
    public FaultMatrix withLogScan() {
        return new FaultMatrix(subject, true);
    }

    /** One dynamic test per fault, then the leak-scan summary. */
    public Stream<DynamicNode> cells() {
        Run run = new Run(ProviderUnderTest.of(subject));
        List<DynamicNode> nodes = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            nodes.add(DynamicTest.dynamicTest("[fault] " + fault, () -> run.cell(fault)));
        }
        nodes.add(DynamicTest.dynamicTest("[leak scan] no canary in any console line, event, result or message"
                + (requireDebugLines ? "; the library's DEBUG lines seen" : ""), run::leakScan));
        return nodes.stream();
    }

    /** One run of the matrix: its scanner, console counts and measured table are shared by its cells. */
    private final class Run {
        private final ProviderUnderTest provider;
        private final CanaryScanner scanner;
        private final MatrixTable table = new MatrixTable();
        private final AtomicLong consoleLines = new AtomicLong();
        private final AtomicLong libraryDebugLines = new AtomicLong();

        Run(ProviderUnderTest provider) {
            this.provider = provider;
            this.scanner = new CanaryScanner(provider.configuredSecrets());
        }

        void leakScan() {
            System.out.println("Fault matrix " + provider + " (measured):\n" + table.render());
            System.out.println("Fault matrix " + provider + " leak scan: " + scanner.scanned() + " texts and " + consoleLines.get()
                    + " console lines scanned (" + libraryDebugLines.get() + " library DEBUG lines), canary hits: " + scanner.hits());
            assertEquals(0, scanner.hits(), "canaries found: " + scanner.describeHits());
            if (requireDebugLines) {
                assertTrue(libraryDebugLines.get() > 0, LogScan.NO_DEBUG_LINES);
            }
        }

        void cell(Fault fault) throws Exception {
            try (ConsoleTap tap = new ConsoleTap(scanner)) {
                try {
                    check(fault);
                } finally {
                    consoleLines.addAndGet(tap.lines());
                    libraryDebugLines.addAndGet(tap.libraryDebugLines());
                }
            }
        }

        private void check(Fault fault) throws Exception {
            Expectation expected = Expectation.of(provider, fault);
            List<ExchangeEvent> events = new CopyOnWriteArrayList<>();
            CreditListener listener = e -> {
                scanner.onEvent(e);
                events.add(e);
            };
            CountingSleeper sleeper = new CountingSleeper();
            try (GatewaySimulator sim = provider.startSimulator(); Fault.Setup setup = fault.arrange(sim)) {
                CreditRequest request = provider.request("10.00", "M" + provider.index() + "-" + fault.ordinal());
                CreditResult result;
                int leased;
                try (OpenGateway open = OpenGateway.open(config(provider, setup.baseUrl()), listener, sleeper)) {
                    result = open.gateway().credit(request);
                    leased = open.leasedConnections();
                    scanner.scan("the gateway's toString", open.gateway());
                }
                ResultTexts.scan(scanner, request, result);
                List<RecordedRequest> received = Journal.credits(sim);
                String followUp = followUp(provider, sim, request, result);
                table.add(provider.id(), fault, result.outcome() + "/" + result.detail(), result.attempts(), received.size(),
                        sim.ledger().size(), followUp);

                String cell = provider + " × " + fault + ": " + result + " (expected " + expected + ")";
                assertAll(cell,
                        () -> assertEquals(expected.outcome(), result.outcome(), "outcome"),
                        () -> assertEquals(expected.detail(), result.detail(), "detail"),
                        () -> assertEquals(expected.attempts(), result.attempts(), "attempts"),
                        () -> assertEquals(expected.journal(), received.size(), "credit requests the gateway received"),
                        () -> assertEquals(expected.ledger(), sim.ledger().size(), "credits the gateway made"),
                        () -> assertEquals(request.idempotencyKey(), result.idempotencyKey(), "idempotency key"),
                        () -> assertEquals(result.attempts() - 1, sleeper.pauses(), "a pause before every further attempt"),
                        () -> assertEquals(result.attempts(), requestEvents(events), "one REQUEST event per attempt"),
                        () -> assertEquals(expected.lastFailure(), lastFailure(events), "the last attempt's transport failure"),
                        () -> assertEquals(0, leased, "connections still leased after the credit returned"),
                        () -> assertResentIdentically(provider, received),
                        () -> assertReconciliation(provider, request, result),
                        () -> assertEquals(0, scanner.hits(), "canaries found: " + scanner.describeHits()));
            }
        }

        /**
         * For an UNKNOWN, asks the gateway what happened, as the caller must, through a gateway sending to
         * the simulator directly: it must find the credit exactly once if the ledger has it, else nothing.
         */
        private String followUp(ProviderUnderTest provider, GatewaySimulator sim, CreditRequest request, CreditResult result) {
            if (result.outcome() != CreditOutcome.UNKNOWN) {
                return "-";
            }
            Map<String, String> config = provider.configuration(sim.baseUrl()); // default timeouts
            long inLedger = sim.ledger().count(e -> request.merchantReference().orElseThrow().equals(e.merchantReference()));
            Optional<StatusQuery> query = provider.followUp(request);
            if (query.isEmpty()) {
                return inLedger == 0 ? "no follow-up declared; not credited" : "no follow-up declared; credited once";
            }
            try (OpenGateway direct = OpenGateway.open(config, scanner, Sleeper.REAL)) {
                StatusResult status = direct.gateway().status(query.get());
                ResultTexts.scan(scanner, status);
                if (inLedger == 0) {
                    assertTrue(status.foundNone(), "the follow-up must find nothing when no credit was made: " + status);
                    return "not found";
                }
                assertEquals(1, status.credits().size(), "the follow-up must find the credit exactly once: " + status);
                CreditStatus found = status.credits().get(0);
                assertEquals(0, found.amount().compareTo(request.amount().amount()), "the credit found has the amount sent");
                // the caller decides the credit must not stand: a timeout void on the transactionId for a gateway without
                // idempotency, else a void of the transaction the look-up found
                Optional<VoidRequest> undo = provider.undo(request, found.gatewayTransactionId());
                if (undo.isEmpty()) {
                    return "found once";
                }
                VoidResult voided = direct.gateway().voidCredit(undo.get());
                scanner.scan("a void result", voided);
                assertEquals(FollowUpOutcome.DONE, voided.outcome(), "the credit found can be voided: " + voided);
                assertEquals(1, sim.ledger().count(LedgerEntry::voided), "the gateway voided that one credit");
                return "found once, voided";
            }
        }
    }

    private static Map<String, String> config(ProviderUnderTest provider, String baseUrl) {
        Map<String, String> config = provider.configuration(baseUrl);
        config.putAll(TIMEOUTS);
        return config;
    }

    /** Every request that reached the gateway for this credit carried the same bytes and, for a gateway that deduplicates, the same idempotency value. */
    private static void assertResentIdentically(ProviderUnderTest provider, List<RecordedRequest> received) {
        for (RecordedRequest r : received) {
            assertArrayEquals(received.get(0).body(), r.body(), "a re-sent credit must carry the identical body");
            if (provider.deduplicates()) {
                assertTrue(provider.idempotencyValueOnWire(r).isPresent(), "a deduplicated credit must carry its idempotency value");
                assertEquals(provider.idempotencyValueOnWire(received.get(0)), provider.idempotencyValueOnWire(r),
                        "a re-sent credit must carry the same idempotency value");
            }
        }
    }

    private static void assertReconciliation(ProviderUnderTest provider, CreditRequest request, CreditResult result) {
        if (result.outcome() != CreditOutcome.UNKNOWN) {
            return;
        }
        Reconciliation r = result.reconciliation().orElseThrow(() -> new AssertionError("an UNKNOWN result must carry a Reconciliation"));
        assertEquals(request.idempotencyKey(), r.idempotencyKey(), "the reconciliation's idempotency key");
        assertEquals(request.merchantReference().orElseThrow(), r.merchantReference(), "the reconciliation's merchant reference");
        // ProviderUnderTest gives a request a transactionId when the provider looks credits up or voids them by it
        if (!provider.deduplicates() && request.transactionId().isPresent()) {
            assertEquals(request.transactionId().get(), r.transactionId(), "a gateway without idempotency is reconciled by transactionId");
        }
        assertTrue(r.advice() != null && !r.advice().isBlank(), "an UNKNOWN result must say how to resolve it");
    }

    private static long requestEvents(List<ExchangeEvent> events) {
        return events.stream().filter(e -> e.operation().equals("credit") && e.phase() == ExchangeEvent.Phase.REQUEST).count();
    }

    private static String lastFailure(List<ExchangeEvent> events) {
        ExchangeEvent last = null;
        for (ExchangeEvent e : events) {
            if (e.operation().equals("credit") && e.phase() != ExchangeEvent.Phase.REQUEST) {
                last = e;
            }
        }
        return last == null ? "no answer event" : last.failure();
    }
}
