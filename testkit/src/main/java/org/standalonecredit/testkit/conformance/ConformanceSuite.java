package org.standalonecredit.testkit.conformance;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.testkit.reliability.support.Canaries;

/**
 * The conformance suite every provider runs, ours or a third party's. Use it from a test class:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> conformance() {
 *     return ConformanceSuite.of(new MySubject()).tests();
 * }
 * }</pre>
 *
 * Each check starts its own simulator, so checks are independent and can run in any order. A provider with a
 * subject per configuration mode ({@link ConformanceSubject#variant()}) runs the suite once per subject, each in
 * its own container ({@link #named()}).
 */
public final class ConformanceSuite {
    static final String CANARY_PAN = Canaries.PAN;
    static final String CANARY_SECURITY_CODE = Canaries.SECURITY_CODE;
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    private final ConformanceSubject subject;
    /** Stated with {@link #withFeatures}, or null: derived from the provider's capabilities when a check needs them. */
    private final Set<ConformanceFeature> statedFeatures;
    private final Set<String> suppressed;

    private ConformanceSuite(ConformanceSubject subject, Set<ConformanceFeature> statedFeatures, Set<String> suppressed) {
        this.subject = subject;
        this.statedFeatures = statedFeatures;
        this.suppressed = suppressed;
    }

    public static ConformanceSuite of(ConformanceSubject subject) {
        return new ConformanceSuite(subject, null, Set.of());
    }

    /**
     * States the subject's features instead of deriving them from the provider's declared capabilities;
     * checks needing a feature not listed are skipped.
     */
    public ConformanceSuite withFeatures(ConformanceFeature... features) {
        Set<ConformanceFeature> stated = EnumSet.noneOf(ConformanceFeature.class);
        stated.addAll(List.of(features));
        return new ConformanceSuite(subject, stated, suppressed);
    }

    /**
     * Skips the named checks (their display name, e.g. {@code "[wire] amounts at minor units: KWD"}), for a known
     * gap the author tracks elsewhere. A suppressed check is reported as skipped, never as passed.
     */
    public ConformanceSuite suppressing(String... checkNames) {
        Set<String> names = new HashSet<>(suppressed);
        names.addAll(List.of(checkNames));
        return new ConformanceSuite(subject, statedFeatures, Set.copyOf(names));
    }

    /** The features the checks run with: stated, or derived from the provider (none if it cannot be found). */
    public Set<ConformanceFeature> features() {
        if (statedFeatures != null) {
            return Set.copyOf(statedFeatures);
        }
        ProviderRegistry registry = ProviderRegistry.load();
        if (!registry.ids().contains(subject.providerId())) {
            return Set.of();
        }
        return ConformanceFeature.derive(registry.get(subject.providerId()).capabilities(), subject.gatewayDeduplicates());
    }

    public Stream<DynamicNode> tests() {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(test("discovery", "is found by its id through ServiceLoader", this::isDiscovered));
        nodes.add(test("capabilities", "refuses an undeclared payment source before any HTTP call", this::refusesUndeclaredSources));
        nodes.add(test("wire", "amounts at minor units: JPY", () -> amountReachesTheWire("1500", "JPY", "1500")));
        nodes.add(test("wire", "amounts at minor units: USD", () -> amountReachesTheWire("10.5", "USD", "10.50")));
        nodes.add(test("wire", "amounts at minor units: KWD", () -> amountReachesTheWire("1.25", "KWD", "1.250")));
        for (Behaviour b : Behaviour.values()) {
            nodes.add(test("outcomes", "maps simulator behaviour: " + b.name(), () -> mapsBehaviour(b)));
        }
        nodes.add(test("transport", "reports a refused connection as not sent", this::refusedConnectionIsNotSent));
        nodes.add(test("idempotency", "carries the idempotency key to the gateway's own field", this::carriesIdempotencyKey));
        nodes.add(test("idempotency", "a re-submission with the same key credits once", () -> {
            requireFeature(ConformanceFeature.DEDUPLICATION);
            resubmissionCreditsOnce();
        }));
        for (Behaviour b : Behaviour.values()) {
            if (b.processedByDefault() && b.kind() != Behaviour.Kind.SUCCESS) {
                nodes.add(test("idempotency", "never credits twice when the answer is lost: " + b.name(), () -> neverCreditsTwice(b)));
            }
        }
        nodes.add(test("idempotency", "never hides a credit behind a refused re-send: 401",
                () -> neverHidesACreditBehindARefusedResend(Behaviour.AUTH_FAILURE)));
        nodes.add(test("idempotency", "never hides a credit behind a refused re-send: 400",
                () -> neverHidesACreditBehindARefusedResend(Behaviour.INVALID_REQUEST)));
        nodes.add(test("privacy", "leaks no card number, security code or secret", this::leaksNothing));
        nodes.add(test("concurrency", "gives 64 concurrent credits 64 correct, distinct results", this::concurrentCredits));
        nodes.add(test("echo", "flags an echoed amount that differs from the request", this::flagsEchoMismatch));
        nodes.add(test("follow-ups", "refuses an undeclared void before any HTTP call", () -> {
            requireNoFeature(ConformanceFeature.VOID);
            refusesUndeclared(List.of(VoidRequest.ofCredit("undeclared-void"), VoidRequest.timeout("undeclared-void")), null);
        }));
        nodes.add(test("follow-ups", "refuses an undeclared status look-up before any HTTP call", () -> {
            requireNoFeature(ConformanceFeature.STATUS_LOOKUP);
            refusesUndeclared(List.of(), List.of(StatusQuery.byGatewayTransactionId("x"), StatusQuery.byMerchantReference("x"),
                    StatusQuery.byTransactionId("x"), StatusQuery.byIdempotencyKey("x")));
        }));
        return nodes.stream();
    }

    /**
     * The checks in one container named after the subject ({@link ConformanceSubject#displayName()}, e.g.
     * {@code cybersource[jwt+mle]}), for a test class that runs several subjects of one provider:
     * {@code subjects.stream().map(s -> ConformanceSuite.of(s).named())}. Check names inside are as in {@link #tests()}.
     */
    public DynamicContainer named() {
        return DynamicContainer.dynamicContainer(subject.displayName(), tests());
    }

    /** Every check's display name carries its group: {@code "[wire] amounts at minor units: JPY"}. */
    private DynamicTest test(String group, String title, org.junit.jupiter.api.function.Executable body) {
        String name = "[" + group + "] " + title;
        return DynamicTest.dynamicTest(name, () -> {
            if (suppressed.contains(name)) {
                Assumptions.abort("suppressed by the subject's suite (ConformanceSuite.suppressing)");
            }
            body.execute();
        });
    }

    private void requireFeature(ConformanceFeature feature) {
        if (!features().contains(feature)) {
            Assumptions.abort("does not apply: the subject does not have feature " + feature + " (" + featureSource() + ")");
        }
    }

    private void requireNoFeature(ConformanceFeature feature) {
        if (features().contains(feature)) {
            Assumptions.abort("does not apply: the subject has feature " + feature + " (" + featureSource() + ")");
        }
    }

    private String featureSource() {
        return statedFeatures != null ? "stated with withFeatures" : "derived from the provider's declared capabilities";
    }

    // --- checks ---------------------------------------------------------------------------------

    private void isDiscovered() {
        ProviderRegistry registry = ProviderRegistry.load();
        assertTrue(registry.ids().contains(subject.providerId()),
                "provider '" + subject.providerId() + "' is not registered in META-INF/services; found " + registry.ids());
        CreditProvider provider = registry.get(subject.providerId());
        assertFalse(provider.displayName() == null || provider.displayName().isBlank(), "the provider needs a display name");
        assertFalse(provider.capabilities().sources().isEmpty(), "the provider declares no payment source");
    }

    private void refusesUndeclaredSources() {
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, Map.of(), CreditListener.NONE)) {
            Set<SourceKind> declared = gateway.capabilities().sources();
            for (SourceKind kind : EnumSet.complementOf(EnumSet.copyOf(declared))) {
                CreditRequest request = request("10.00", "USD", "undeclared-" + kind).source(sampleOf(kind)).build();
                InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> gateway.credit(request),
                        "an undeclared " + kind + " source must be refused with InvalidRequestException");
                assertTrue(e.hasErrorFor("source"), "the error must name the field 'source': " + e.getMessage());
            }
            assertEquals(0, sim.creditRequests().size(), "a refused request must never reach the gateway");
        }
    }

    private void amountReachesTheWire(String amount, String currency, String expectedOnWire) {
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, Map.of(), CreditListener.NONE)) {
            CreditResult result = gateway.credit(request(amount, currency, "amount-" + currency).build());
            assertTrue(result.outcome().isSuccess(), "expected a success, got " + result);
            assertEquals(1, sentCredits(sim).size());
            assertEquals(expectedOnWire, subject.amountOnWire(sentCredits(sim).get(0)),
                    "the amount must reach the wire at " + currency + "'s minor units");
            assertEquals(1, creditsInLedger(sim));
        }
    }

    private void mapsBehaviour(Behaviour behaviour) {
        Map<String, String> noResend = Map.of("credit.retry.max-resends-after-sent", "0",
                "credit.http.response-timeout", SHORT_TIMEOUT.toMillis() + "ms");
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, noResend, CreditListener.NONE)) {
            sim.respondNext(behaviour);
            CreditRequest request = request("10.00", "USD", "behaviour-" + behaviour).build();
            CreditResult result = gateway.credit(request);
            String got = " (got " + result.outcome() + "/" + result.detail() + ")";
            switch (behaviour) {
                case APPROVE, PENDING -> assertTrue(result.outcome().isSuccess(), behaviour + " must be a success" + got);
                case DECLINE -> assertEquals(CreditOutcome.DECLINED, result.outcome(), "DECLINE" + got);
                case INVALID_REQUEST -> assertEquals(CreditOutcome.REJECTED, result.outcome(), "INVALID_REQUEST" + got);
                case AUTH_FAILURE -> {
                    assertEquals(CreditOutcome.REJECTED, result.outcome(), "AUTH_FAILURE" + got);
                    assertEquals(OutcomeDetail.AUTHENTICATION_FAILED, result.detail(), "AUTH_FAILURE" + got);
                }
                default -> {
                    assertEquals(CreditOutcome.UNKNOWN, result.outcome(), behaviour + " after sending must be UNKNOWN" + got);
                    assertTrue(result.reconciliation().isPresent(), "an unknown outcome must say how to reconcile");
                    assertEquals(request.idempotencyKey(), result.reconciliation().get().idempotencyKey());
                }
            }
            assertEquals(request.idempotencyKey(), result.idempotencyKey(), "the result must return the idempotency key");
            int expectedCredits = behaviour.processedByDefault() ? 1 : 0;
            assertEquals(expectedCredits, creditsInLedger(sim), "credits in the simulator's ledger after " + behaviour);
            assertEquals(1, sentCredits(sim).size(), "with resends off, exactly one request must reach the gateway");
        }
    }

    private void refusedConnectionIsNotSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> config = new HashMap<>(subject.configuration("http://127.0.0.1:" + closedPort));
        config.put("credit.gateway", subject.providerId());
        config.put("credit.retry.max-attempts", "2");
        try (CreditGateway gateway = ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit", options(CreditListener.NONE))) {
            CreditResult result = gateway.credit(request("10.00", "USD", "refused").build());
            assertEquals(CreditOutcome.NOT_SENT, result.outcome(), "a refused connection never reached the gateway: " + result);
            assertEquals(2, result.attempts(), "a not-sent request may be retried up to credit.retry.max-attempts");
        }
    }

    private void carriesIdempotencyKey() {
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, Map.of(), CreditListener.NONE)) {
            CreditRequest first = request("10.00", "USD", "idem-1").idempotencyKey("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60").build();
            gateway.credit(first);
            gateway.credit(request("10.00", "USD", "idem-2").idempotencyKey("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0").build());
            Optional<String> firstValue = subject.idempotencyValueOnWire(sentCredits(sim).get(0));
            Optional<String> secondValue = subject.idempotencyValueOnWire(sentCredits(sim).get(1));
            assertEquals(firstValue.isPresent(), secondValue.isPresent());
            if (features().contains(ConformanceFeature.DEDUPLICATION)) {
                assertTrue(firstValue.isPresent(), "a gateway that deduplicates must receive the idempotency key in its own field");
            }
            firstValue.ifPresent(v -> assertNotEquals(v, secondValue.orElseThrow(), "different idempotency keys must give different wire values"));
        }
    }

    /** The caller re-submits the very same request: the gateway must see the same value and credit nothing new. */
    private void resubmissionCreditsOnce() {
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, Map.of(), CreditListener.NONE)) {
            CreditRequest first = request("10.00", "USD", "resubmit").idempotencyKey("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f61").build();
            gateway.credit(first);
            Optional<String> firstValue = subject.idempotencyValueOnWire(sentCredits(sim).get(0));
            assertTrue(firstValue.isPresent(), "a gateway that deduplicates must receive the idempotency key in its own field");
            CreditResult again = gateway.credit(first);
            if (sentCredits(sim).size() > 1) {
                assertEquals(firstValue, subject.idempotencyValueOnWire(sentCredits(sim).get(1)), "the same key must give the same wire value");
            }
            assertEquals(1, creditsInLedger(sim), "a re-submission with the same key must not credit again: " + again);
        }
    }

    /** Each undeclared follow-up is refused with UnsupportedFollowUpException, and nothing reaches the gateway. */
    private void refusesUndeclared(List<VoidRequest> voids, List<StatusQuery> queries) {
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, Map.of(), CreditListener.NONE)) {
            for (VoidRequest v : voids) {
                if (!gateway.capabilities().supports(v.reason() == VoidRequest.Reason.TIMEOUT ? FollowUp.TIMEOUT_VOID : FollowUp.VOID)) {
                    assertThrows(UnsupportedFollowUpException.class, () -> gateway.voidCredit(v), "an undeclared void must be refused: " + v.reason());
                }
            }
            for (StatusQuery q : queries == null ? List.<StatusQuery>of() : queries) {
                if (!gateway.capabilities().supports(q.requiredFollowUp())) {
                    assertThrows(UnsupportedFollowUpException.class, () -> gateway.status(q), "an undeclared look-up must be refused: " + q.by());
                }
            }
            assertEquals(List.of(), sim.allRequests(), "a refused follow-up must never reach the gateway");
        }
    }

    private void neverCreditsTwice(Behaviour behaviour) {
        Map<String, String> shortTimeout = Map.of("credit.http.response-timeout", SHORT_TIMEOUT.toMillis() + "ms");
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, shortTimeout, CreditListener.NONE)) {
            sim.respondNext(behaviour);
            CreditResult result = gateway.credit(request("10.00", "USD", "twice-" + behaviour).build());
            assertEquals(1, creditsInLedger(sim), "the simulator processed the credit once; after " + result.attempts()
                    + " attempt(s) its ledger must hold exactly one credit, not " + creditsInLedger(sim));
            if (result.outcome().isSuccess()) {
                assertTrue(subject.gatewayDeduplicates(), "only a gateway that deduplicates may be re-sent a lost credit: " + result);
            } else {
                assertEquals(CreditOutcome.UNKNOWN, result.outcome(), "a lost answer must be UNKNOWN: " + result);
            }
        }
    }

    /**
     * The first attempt is processed and its answer lost; a re-send, if the provider makes one, is refused. The
     * refusal says nothing about the first attempt, which credited: the only honest result is UNKNOWN.
     */
    private void neverHidesACreditBehindARefusedResend(Behaviour refusal) {
        Map<String, String> shortTimeout = Map.of("credit.http.response-timeout", SHORT_TIMEOUT.toMillis() + "ms");
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, shortTimeout, CreditListener.NONE)) {
            sim.respondNext(Behaviour.CLOSE_CONNECTION);
            sim.respondNext(refusal);
            CreditRequest request = request("10.00", "USD", "refused-resend-" + refusal).build();
            CreditResult result = gateway.credit(request);
            assertEquals(1, creditsInLedger(sim), "the first attempt credited");
            assertEquals(CreditOutcome.UNKNOWN, result.outcome(), "a credit was made, and a refused re-send must not hide it: " + result);
            assertTrue(result.reconciliation().isPresent(), "an unknown outcome must say how to reconcile");
            assertEquals(request.idempotencyKey(), result.reconciliation().get().idempotencyKey());
        }
    }

    private void leaksNothing() {
        Set<String> canaries = new HashSet<>();
        try (SimulatedGateway sim = subject.startSimulator()) {
            boolean cards;
            try (CreditGateway probe = gateway(sim, Map.of(), CreditListener.NONE)) {
                // the configured gateway may accept fewer sources than its provider declares (Visa Acceptance mass transit)
                cards = features().contains(ConformanceFeature.CARD_SOURCE) && probe.capabilities().supports(SourceKind.CARD);
            }
            canaries.addAll(Canaries.secretsIn(subject.configuration(sim.baseUrl())));
            if (cards) {
                canaries.add(CANARY_PAN);
                canaries.add(CANARY_SECURITY_CODE);
            }
            try (CanaryCapture capture = new CanaryCapture();
                 CreditGateway gateway = gateway(sim, Map.of("credit.http.response-timeout", SHORT_TIMEOUT.toMillis() + "ms",
                         "credit.retry.max-resends-after-sent", "0"), capture)) {
                for (Behaviour b : List.of(Behaviour.APPROVE, Behaviour.INVALID_REQUEST, Behaviour.DECLINE, Behaviour.MALFORMED_BODY, Behaviour.DELAY)) {
                    sim.respondNext(b);
                    CreditRequest.Builder builder = request("10.00", "USD", "canary-" + b);
                    if (cards) {
                        builder.source(PaymentSource.card(CANARY_PAN, CardExpiry.of(12, 2031), CANARY_SECURITY_CODE, CardBrand.VISA));
                    }
                    CreditRequest request = builder.build();
                    capture.add(request);
                    capture.add(request.source());
                    CreditResult result = gateway.credit(request);
                    capture.add(result);
                    result.maskedResponseBody().ifPresent(capture::add);
                    result.errors().forEach(capture::add);
                    result.reconciliation().ifPresent(capture::add);
                    capture.add(result.references());
                    capture.add(result.tokenIds());
                }
                if (cards) {
                    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> request("10.00", "USD", "r".repeat(60))
                            .source(PaymentSource.card(CANARY_PAN, CardExpiry.of(12, 2031), CANARY_SECURITY_CODE + "x", CardBrand.VISA)).build());
                    capture.add(e.getMessage());
                }
                capture.add(gateway);
                List<String> leaks = capture.leaks(canaries);
                if (!leaks.isEmpty()) {
                    fail("sensitive values leaked: " + String.join("; ", leaks));
                }
            }
        }
    }

    private void concurrentCredits() throws Exception {
        int n = 64;
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, Map.of(), CreditListener.NONE)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<CreditResult>> futures = new ArrayList<>();
                List<CreditRequest> requests = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    CreditRequest r = request((i + 1) + ".00", "USD", "concurrent-" + i).build();
                    requests.add(r);
                    futures.add(pool.submit(() -> gateway.credit(r)));
                }
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    CreditResult result = futures.get(i).get();
                    CreditRequest r = requests.get(i);
                    assertTrue(result.outcome().isSuccess(), "credit " + i + ": " + result);
                    assertEquals(r.idempotencyKey(), result.idempotencyKey(), "credit " + i + " got another request's result");
                    String label = "credit " + i + " amount";
                    result.creditedAmount().ifPresent(a -> assertEquals(0, a.compareTo(r.amount().amount()), label));
                    ids.add(result.gatewayTransactionId().orElseThrow(() -> new AssertionError("no gateway transaction id")));
                }
                assertEquals(n, ids.size(), "every credit must get its own gateway transaction id");
                assertEquals(n, creditsInLedger(sim));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private void flagsEchoMismatch() {
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = gateway(sim, Map.of(), CreditListener.NONE)) {
            sim.echoWrongAmountNext();
            CreditResult result = gateway.credit(request("10.00", "USD", "echo").build());
            assertFalse(result.outcome().isSuccess(), "an answer echoing another amount must not be a clean success: " + result);
            assertEquals(OutcomeDetail.ECHO_MISMATCH, result.detail(), result.toString());
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /**
     * The credit requests received. When requests arrived but none counted as a credit, the subject's
     * simulator does not recognise the provider's credit path, and every count would fail with a bare 0: say so.
     */
    static List<RecordedRequest> sentCredits(SimulatedGateway sim) {
        List<RecordedRequest> credits = sim.creditRequests();
        if (credits.isEmpty()) {
            List<RecordedRequest> all = sim.allRequests();
            if (!all.isEmpty()) {
                fail("the simulator received " + all.size() + " request(s) but none matched its credit path predicate"
                        + " (GatewaySimulator.isCreditRequest, or SimulatedGateway.creditRequests): received "
                        + all.stream().map(r -> r.method() + " " + r.pathWithoutQuery()).distinct().limit(5).toList()
                        + "; make the predicate recognise the path the provider posts credits to");
            }
        }
        return credits;
    }

    private static int creditsInLedger(SimulatedGateway sim) {
        sentCredits(sim);
        return sim.creditsInLedger();
    }

    private CreditRequest.Builder request(String amount, String currency, String reference) {
        CreditRequest.Builder b = subject.validRequest(amount, currency);
        return b.merchantReference(reference.length() > 40 ? reference : reference.replace('_', '-'));
    }

    private CreditGateway gateway(SimulatedGateway sim, Map<String, String> overrides, CreditListener listener) {
        Map<String, String> config = new HashMap<>(subject.configuration(sim.baseUrl()));
        config.put("credit.gateway", subject.providerId());
        config.putAll(overrides);
        return ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit", options(listener));
    }

    private static GatewayOptions options(CreditListener listener) {
        return GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000)).listener(listener).sleeper(d -> { }).build();
    }

    private static PaymentSource sampleOf(SourceKind kind) {
        CardExpiry expiry = CardExpiry.of(12, 2031);
        return switch (kind) {
            case CUSTOMER_TOKEN -> PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF");
            case PAYMENT_INSTRUMENT_TOKEN -> PaymentSource.paymentInstrument("F45FE45E7993C7DBE053A2598D0AED19");
            case INSTRUMENT_IDENTIFIER_TOKEN -> PaymentSource.instrumentIdentifier("7030000000014831523", expiry, CardBrand.VISA);
            case CARD -> PaymentSource.card(org.standalonecredit.simulator.fixtures.SeedCredits.COMMERCE_HUB_TEST_CARD, expiry, "123", CardBrand.VISA);
            case GATEWAY_TOKEN -> PaymentSource.gatewayToken("1234560000000019", "TRANSARMOR", expiry);
        };
    }
}
