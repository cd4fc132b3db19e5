package org.standalonecredit.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;
import org.standalonecredit.testkit.reliability.support.Journal;
import org.standalonecredit.testkit.reliability.support.OpenGateway;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * The soak: a simulator with ~5 % seeded faults (delays, lost and cut answers, 5xx, garbled bodies), a gateway with
 * retries on and short timeouts, many credits from several callers at once, then the audit against the simulator's
 * ledger and the leak checks. Use it from a test class, next to the conformance suite and the {@link FaultMatrix}:
 *
 * <pre>{@code
 * @TestFactory
 * DynamicTest soak() {
 *     return Soak.of(new MySubject()).credits(300).callers(8).test();
 * }
 * }</pre>
 *
 * It fails if a credit broke the rules (a success not in the ledger exactly once, an UNKNOWN the status follow-up
 * does not resolve, a credit in the ledger twice or sent more often than the gateway allows, an outcome no fault
 * explains), if the credit journal's record of a credit does not say what its caller was told (left ATTEMPTED,
 * in doubt for a settled credit or settled for an UNKNOWN one, CREDITED for a credit the ledger does not have), if
 * the {@link org.standalonecredit.api.journal.Reconciler} does not settle every record in doubt as the ledger says,
 * if a planned fault did not hit its credit, if a connection stays leased or a thread alive, or if a canary appeared
 * in a console line, an event, a result, a journal record or the gateway's {@code toString}. The same seed gives the
 * same faults on the same credits. As in the {@link FaultMatrix}, the library's DEBUG log lines must have been seen
 * on the console only when slf4j-simple logs the library at DEBUG, or always with {@link #withLogScan()}.
 */
public final class Soak {
    static final double FAULT_RATE = 0.05;
    /** Past the response timeout, short enough that a soak takes minutes. */
    static final Duration DELAY = Duration.ofMillis(800);
    static final Map<String, String> SETTINGS = Map.of(
            "credit.http.connect-timeout", "1s",
            "credit.http.response-timeout", "300ms",
            "credit.http.deadline", "3s",
            "credit.http.max-connections", "64",
            "credit.retry.max-attempts", "3",
            "credit.retry.max-resends-after-sent", "2",
            "credit.retry.backoff", "20ms");
    static final long DEFAULT_SEED = 20_261_123L;

    private final ConformanceSubject subject;
    private final int credits;
    private final int callers;
    private final long seed;
    private final boolean requireDebugLines;
    /** Opens the run's journal; null: a fresh in-memory one. */
    private final Supplier<? extends CreditJournal> journal;

    private Soak(ConformanceSubject subject, int credits, int callers, long seed, boolean requireDebugLines,
                 Supplier<? extends CreditJournal> journal) {
        this.subject = subject;
        this.credits = credits;
        this.callers = callers;
        this.seed = seed;
        this.requireDebugLines = requireDebugLines;
        this.journal = journal;
    }

    /** 300 credits from 8 callers, seed {@value #DEFAULT_SEED}, a fresh in-memory journal, until changed. */
    public static Soak of(ConformanceSubject subject) {
        return new Soak(subject, 300, 8, DEFAULT_SEED, LogScan.libraryDebugReachesConsole(), null);
    }

    /** How many credits to send; enough that a 5 % fault rate lands some faults (the soak fails without any). */
    public Soak credits(int credits) {
        if (credits < 1) {
            throw new IllegalArgumentException("a soak needs at least one credit: " + credits);
        }
        return new Soak(subject, credits, callers, seed, requireDebugLines, journal);
    }

    /** How many threads send at once through the one gateway. */
    public Soak callers(int callers) {
        if (callers < 1) {
            throw new IllegalArgumentException("a soak needs at least one caller: " + callers);
        }
        return new Soak(subject, credits, callers, seed, requireDebugLines, journal);
    }

    /** The seed that picks which credits get which fault. */
    public Soak seed(long seed) {
        return new Soak(subject, credits, callers, seed, requireDebugLines, journal);
    }

    /** Requires that the console capture saw the library's DEBUG log lines whatever the logging set-up looks like. */
    public Soak withLogScan() {
        return new Soak(subject, credits, callers, seed, true, journal);
    }

    /**
     * The credit journal of each run: {@code journal} is asked for one when a run starts, and the soak closes it at
     * the end (the records stay where the journal keeps them, for the test to look at after). It must hold no record
     * of the subject's gateway yet: an empty table, or one of its own. Without it, a fresh in-memory journal.
     */
    public Soak journal(Supplier<? extends CreditJournal> journal) {
        return new Soak(subject, credits, callers, seed, requireDebugLines, Objects.requireNonNull(journal, "journal"));
    }

    /** The soak as one dynamic test, named {@code "[soak] <credits> credits from <callers> callers, seed <seed>"}. */
    public DynamicTest test() {
        return DynamicTest.dynamicTest("[soak] " + credits + " credits from " + callers + " callers, seed " + seed, this::run);
    }

    /** Runs the soak and asserts; prints its summary to the console. */
    public void run() throws Exception {
        Supplier<? extends CreditJournal> journals = journal != null ? journal : () -> new InMemoryCreditJournal(Math.max(10_000, credits));
        run(ProviderUnderTest.of(subject), credits, callers, seed, requireDebugLines, journals);
    }

    static SoakFigures run(ProviderUnderTest provider, int credits, int callers, long seed, boolean requireDebugLines,
                           Supplier<? extends CreditJournal> journals) throws Exception {
        SoakFigures f = new SoakFigures();
        f.provider = provider.id();
        f.credits = credits;
        f.callers = callers;
        f.seed = seed;
        CanaryScanner scanner = new CanaryScanner(provider.configuredSecrets());
        FaultPlan plan = new FaultPlan(seed, FAULT_RATE, credits);
        f.faultsPlanned = plan.planned();
        ThreadWatch threads = ThreadWatch.start();
        f.threadsBefore = threads.countBefore();
        long libraryDebugLines;
        try (ConsoleTap tap = new ConsoleTap(scanner)) {
            // opened after the thread watch started, so that a journal's own threads (a connection pool's) must end too
            try (CreditJournal journal = journals.get(); GatewaySimulator sim = provider.startSimulator()) {
                f.journal = journal.getClass().getSimpleName();
                plan.install(sim, DELAY);
                Map<String, String> config = provider.configuration(sim.baseUrl());
                config.putAll(SETTINGS);
                try (OpenGateway open = OpenGateway.open(config, scanner, Sleeper.REAL, null, journal)) {
                    long start = System.nanoTime();
                    List<SoakRun.Sent> sent = SoakRun.run(provider, open.gateway(), credits, callers, scanner);
                    f.wallMillis = (System.nanoTime() - start) / 1_000_000;
                    long auditStart = System.nanoTime();
                    List<LedgerEntry> ledger = sim.ledger().entries();
                    SoakAudit.audit(provider, open.gateway(), sent, ledger, scanner, f);
                    SoakAudit.countSends(provider, Journal.credits(sim), f);
                    SoakJournalAudit.audit(open.journaled(), sent, ledger, scanner, f);
                    SoakJournalAudit.reconcile(provider, open.journaled(), sent, ledger, scanner, f);
                    f.auditMillis = (System.nanoTime() - auditStart) / 1_000_000;
                    f.leasedConnections = open.leasedConnections();
                    scanner.scan("the gateway's toString", open.gateway());
                }
                f.faultsInjected = plan.injected();
            }
            f.leakedThreads = threads.leaked();
            f.logLinesScanned = tap.lines();
            libraryDebugLines = tap.libraryDebugLines();
            f.canaryHits = scanner.hits();
            f.textsScanned = scanner.scanned();
            tap.report(f.render());
        }
        List<String> where = scanner.describeHits();
        assertAll("soak " + provider,
                () -> assertEquals(List.of(), f.problems, "credits that broke the rules"),
                () -> assertEquals(0, f.duplicates, "credits in the ledger twice"),
                () -> assertEquals(0, f.sentTooOften, "credits sent more often than the gateway allows"),
                () -> assertEquals(0, f.unresolved, "UNKNOWN outcomes the follow-up did not resolve"),
                () -> assertEquals(credits, f.journalRecords, "credits with a journal record"),
                () -> assertEquals(0, f.journalAttempted, "journal records left ATTEMPTED after every caller had its result"),
                () -> assertEquals(f.unknown, f.journalInDoubt, "journal records in doubt: exactly the credits whose caller got UNKNOWN"),
                () -> assertEquals(f.journalInDoubt, f.reconciledCredited + f.reconciledNotCredited + f.reconciledUnknown,
                        "journal records in doubt the reconciler looked at"),
                () -> assertEquals(f.faultsPlanned, f.injectedTotal(), "every planned fault hit its credit"),
                () -> assertTrue(f.injectedTotal() > 0, "a soak without faults proves little"),
                () -> assertEquals(0, f.leasedConnections, "connections still leased after the soak"),
                () -> assertEquals(List.of(), f.leakedThreads, "threads still alive after everything was closed"),
                () -> assertEquals(0, f.canaryHits, "canaries found: " + where),
                () -> assertTrue(!requireDebugLines || libraryDebugLines > 0, LogScan.NO_DEBUG_LINES));
        return f;
    }
}
