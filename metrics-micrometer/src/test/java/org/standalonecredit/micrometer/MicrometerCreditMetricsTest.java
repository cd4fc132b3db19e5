package org.standalonecredit.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.journal.JournalException;
import org.standalonecredit.api.observe.CreditEvent;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.fixtures.TestCards;

/**
 * Real credits through the real Cybersource and Commerce Hub providers, against the testkit's simulators, with the
 * listener given as an application gives it: one line in {@link GatewayOptions}.
 */
class MicrometerCreditMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:02:31Z");
    private static final String PAN = TestCards.VISA;
    private static final String CVV = "737";

    private final CybersourceSimulator sim = CybersourceSimulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).magicAmounts(false)
            .start();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    /** Moved on by each answer a listener hears, so every elapsed time is known: 5 ms an exchange. */
    private final MutableClock clock = MutableClock.at(NOW);
    private final List<CreditEvent> ended = new ArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        sim.close();
    }

    private CreditGateway cybersource(CreditListener metrics) {
        return cybersource(metrics, Map.of(), new InMemoryCreditJournal(1000));
    }

    private CreditGateway cybersource(CreditListener metrics, Map<String, String> extra, CreditJournal journal) {
        Map<String, String> config = new HashMap<>(Map.of("credit.gateway", "cybersource", "credit.cybersource.base-url", sim.baseUrl(),
                "credit.cybersource.merchant-id", CybersourceSimulator.DEFAULT_MERCHANT_ID, "credit.cybersource.key-id",
                CybersourceSimulator.DEFAULT_KEY_ID, "credit.cybersource.secret-key", CybersourceSimulator.DEFAULT_SHARED_SECRET));
        config.putAll(extra);
        return open(config, metrics, journal);
    }

    private CreditGateway open(Map<String, String> config, CreditListener metrics, CreditJournal journal) {
        CreditListener recorder = new CreditListener() {
            @Override
            public void onEvent(ExchangeEvent event) {
                if (event.phase() != ExchangeEvent.Phase.REQUEST) {
                    clock.advance(Duration.ofMillis(5));
                }
            }

            @Override
            public void onCallEnded(CreditEvent event) {
                ended.add(event);
            }
        };
        CreditGateway gateway = StandaloneCredit.open(ConfigSource.fromMap(config), "credit", GatewayOptions.builder().journal(journal)
                .clock(clock).sleeper(d -> { }).listener(CreditListener.all(metrics, recorder)).build());
        opened.add(gateway);
        return gateway;
    }

    private MicrometerCreditMetrics metrics() {
        return MicrometerCreditMetrics.of(meters, observations);
    }

    private static CreditRequest.Builder token(String key) {
        return CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"))
                .merchantReference("REF-" + key).transactionId("T-" + key).idempotencyKey(key);
    }

    private long calls(String outcome) {
        return meters.find(MicrometerCreditMetrics.CALLS).tag("outcome", outcome).timers().stream().mapToLong(Timer::count).sum();
    }

    private double count(String counter) {
        return meters.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private List<Observation.Context> contexts() {
        List<Observation.Context> contexts = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts::addAll);
        return contexts;
    }

    private List<Observation.Context> named(String name) {
        return contexts().stream().filter(c -> name.equals(c.getName())).toList();
    }

    private static String key(Observation.Context context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    @Test
    void aCreditIsTimedOnceWithLowCardinalityTagsAndItsAttemptsCounted() {
        CreditResult result = cybersource(metrics()).credit(token("k-1").build());

        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome(), result.toString());
        Timer timer = meters.find(MicrometerCreditMetrics.CALLS).tags("operation", "credit", "provider", "cybersource", "gateway", "credit",
                "outcome", "PENDING_SETTLEMENT", "detail", "NONE", "source", "GATEWAY", "exception", "none").timer();
        assertNotNull(timer, meters.getMetersAsString());
        assertEquals(1, timer.count());
        assertEquals(Duration.ofMillis(5), ended.get(0).elapsed());
        assertEquals(5.0, timer.totalTime(TimeUnit.MILLISECONDS), "the gateway clock's elapsed time");
        assertEquals(1.0, count(MicrometerCreditMetrics.ATTEMPTS));
        assertEquals(0.0, count(MicrometerCreditMetrics.UNKNOWN));
    }

    @Test
    void aCreditIsOneObservationWithItsExchangeAsAChildAndNothingStaysOpen() {
        cybersource(metrics()).credit(token("k-2").build());

        TestObservationRegistryAssert.assertThat(observations).hasNumberOfObservationsWithNameEqualTo(DefaultCreditObservationConvention.NAME, 1)
                .hasNumberOfObservationsWithNameEqualTo(DefaultExchangeObservationConvention.NAME, 1);
        Observation.Context credit = named(DefaultCreditObservationConvention.NAME).get(0);
        Observation.Context exchange = named(DefaultExchangeObservationConvention.NAME).get(0);
        assertEquals("credit cybersource", credit.getContextualName());
        assertEquals("PENDING_SETTLEMENT", key(credit, "outcome"));
        assertEquals("GATEWAY", key(credit, "source"));
        assertEquals("credit", key(exchange, "operation"));
        assertEquals("POST", key(exchange, "method"));
        assertEquals("201", key(exchange, "status"));
        assertEquals("none", key(exchange, "failure"));
        assertSame(credit, exchange.getParentObservation().getContextView(), "the exchange is a child of its credit");
        TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo(DefaultCreditObservationConvention.NAME).that().hasBeenStarted()
                .hasBeenStopped();
        TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo(DefaultExchangeObservationConvention.NAME).that().hasBeenStarted()
                .hasBeenStopped();
        assertNull(observations.getCurrentObservation(), "no scope left open on the caller's thread");
    }

    @Test
    void aDeclineIsTimedAsDeclined() {
        sim.script().nextRequests(1).respond(Behaviour.DECLINE);
        cybersource(metrics()).credit(token("k-3").build());

        assertEquals(1, calls("DECLINED"), meters.getMetersAsString());
        assertEquals("DECLINED_BY_ISSUER", meters.get(MicrometerCreditMetrics.CALLS).tag("outcome", "DECLINED").timer().getId().getTag("detail"));
    }

    @Test
    void aLostAnswerIsCountedUnknownAndItsExchangeEndsInAFailure() {
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        CreditResult result = cybersource(metrics()).credit(token("k-4").build());

        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(1, calls("UNKNOWN"));
        Counter unknown = meters.find(MicrometerCreditMetrics.UNKNOWN).tags("operation", "credit", "detail", result.detail().name()).counter();
        assertNotNull(unknown, meters.getMetersAsString());
        assertEquals(1.0, unknown.count());
        assertEquals(0.0, count(MicrometerCreditMetrics.ECHO_MISMATCHES));
        Observation.Context exchange = named(DefaultExchangeObservationConvention.NAME).get(0);
        assertEquals("none", key(exchange, "status"));
        assertTrue(key(exchange, "failure").endsWith("/SENT"), key(exchange, "failure"));
    }

    @Test
    void anAnswerEchoingAnotherAmountIsCountedAsAnEchoMismatchAndAsUnknown() {
        sim.script().nextRequests(1).echoAmountOffBy("1.00").respond(Behaviour.APPROVE);
        CreditGateway gateway = cybersource(metrics());
        CreditResult result = gateway.credit(token("k-5").build());
        gateway.credit(token("k-5").build()); // the recorded UNKNOWN, replayed: not a second mismatch

        assertEquals(OutcomeDetail.ECHO_MISMATCH, result.detail(), result.toString());
        assertEquals(1.0, count(MicrometerCreditMetrics.ECHO_MISMATCHES), meters.getMetersAsString());
        assertEquals(2.0, count(MicrometerCreditMetrics.UNKNOWN), "the caller got UNKNOWN twice");
        assertEquals(1, meters.find(MicrometerCreditMetrics.CALLS).tags("outcome", "UNKNOWN", "detail", "ECHO_MISMATCH", "source",
                "JOURNAL_REPLAY").timer().count());
    }

    @Test
    void aCreditThatCouldNotConnectIsNotSentWithEveryAttemptCountedAndEachAChildObservation() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CreditGateway gateway = cybersource(metrics(), Map.of("credit.cybersource.base-url", "http://127.0.0.1:" + closedPort),
                new InMemoryCreditJournal(10));
        CreditResult result = gateway.credit(token("k-6").build());

        assertEquals(CreditOutcome.NOT_SENT, result.outcome(), result.toString());
        assertEquals(3, result.attempts());
        assertEquals(1, calls("NOT_SENT"));
        assertEquals(3.0, count(MicrometerCreditMetrics.ATTEMPTS));
        List<Observation.Context> exchanges = named(DefaultExchangeObservationConvention.NAME);
        assertEquals(3, exchanges.size());
        Observation.Context credit = named(DefaultCreditObservationConvention.NAME).get(0);
        for (Observation.Context exchange : exchanges) {
            assertSame(credit, exchange.getParentObservation().getContextView());
            assertTrue(key(exchange, "failure").endsWith("/NOT_SENT"), key(exchange, "failure"));
        }
    }

    @Test
    void aReplayedKeyIsTimedFromTheJournalWithNoAttemptAndNoExchange() {
        CreditGateway gateway = cybersource(metrics());
        gateway.credit(token("k-7").build());
        gateway.credit(token("k-7").build());

        assertEquals(2, calls("PENDING_SETTLEMENT"));
        assertEquals(1, meters.find(MicrometerCreditMetrics.CALLS).tag("source", "JOURNAL_REPLAY").timer().count());
        assertEquals(1.0, count(MicrometerCreditMetrics.ATTEMPTS), "the replay sent nothing");
        TestObservationRegistryAssert.assertThat(observations).hasNumberOfObservationsWithNameEqualTo(DefaultCreditObservationConvention.NAME, 2)
                .hasNumberOfObservationsWithNameEqualTo(DefaultExchangeObservationConvention.NAME, 1);
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aJournalThatCannotRecordTheAttemptIsTimedNotSentFromTheJournal() {
        CreditResult result = cybersource(metrics(), Map.of(), unreachableJournal()).credit(token("k-8").build());

        assertEquals(OutcomeDetail.JOURNAL_UNAVAILABLE, result.detail());
        Timer timer = meters.find(MicrometerCreditMetrics.CALLS).tags("outcome", "NOT_SENT", "source", "JOURNAL_UNAVAILABLE").timer();
        assertNotNull(timer, meters.getMetersAsString());
        assertEquals(0.0, count(MicrometerCreditMetrics.ATTEMPTS));
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void aRequestRefusedBeforeSendingIsTimedWithItsExceptionAndItsObservationMarkedInError() {
        CreditGateway gateway = cybersource(metrics());
        gateway.credit(token("k-9").build());
        try {
            gateway.credit(token("k-9").amount("11.00", "USD").build()); // the key, reused for another amount
        } catch (RuntimeException expected) {
            assertEquals("InvalidRequestException", expected.getClass().getSimpleName());
        }

        Timer refused = meters.find(MicrometerCreditMetrics.CALLS).tags("outcome", "NONE", "source", "REFUSED", "exception",
                "InvalidRequestException").timer();
        assertNotNull(refused, meters.getMetersAsString());
        Observation.Context failed = named(DefaultCreditObservationConvention.NAME).get(1);
        assertNotNull(failed.getError());
        assertEquals("the call threw InvalidRequestException", failed.getError().getMessage());
        assertNull(observations.getCurrentObservation());
    }

    @Test
    void aStatusLookUpIsTimedAsAStatusCall() {
        CreditGateway gateway = cybersource(metrics());
        gateway.credit(token("k-10").build());
        gateway.status(StatusQuery.byTransactionId("T-k-10"));

        Timer status = meters.find(MicrometerCreditMetrics.CALLS).tags("operation", "status", "outcome", "DONE").timer();
        assertNotNull(status, meters.getMetersAsString());
        assertEquals(1, status.count());
        Observation.Context lookUp = named(DefaultCreditObservationConvention.NAME).get(1);
        assertEquals("status cybersource", lookUp.getContextualName());
        assertEquals(lookUp, named(DefaultExchangeObservationConvention.NAME).get(1).getParentObservation().getContextView());
    }

    @Test
    void commerceHubReSendsALostAnswerAndBothAttemptsAreCountedUnderOneCredit() {
        try (CommerceHubSimulator hub = CommerceHubSimulator.builder().clock(clock).magicAmounts(false).start()) {
            hub.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
            CreditGateway gateway = open(Map.of("credit.gateway", "commerce-hub", "credit.commerce-hub.base-url", hub.baseUrl(),
                    "credit.commerce-hub.api-key", CommerceHubSimulator.DEFAULT_API_KEY, "credit.commerce-hub.api-secret",
                    CommerceHubSimulator.DEFAULT_API_SECRET, "credit.commerce-hub.merchant-id", "100008000003683",
                    "credit.commerce-hub.terminal-id", "10000001", "credit.commerce-hub.inquire-unseen-keys", "false"), metrics(),
                    new InMemoryCreditJournal(10));
            CreditResult result = gateway.credit(card("k-11").build());

            assertEquals(CreditOutcome.APPROVED, result.outcome(), result.toString());
            assertEquals(2, result.attempts());
            assertEquals(2.0, meters.find(MicrometerCreditMetrics.ATTEMPTS).tag("provider", "commerce-hub").counter().count());
            assertEquals(1, hub.ledger().size());
            List<Observation.Context> exchanges = named(DefaultExchangeObservationConvention.NAME);
            assertEquals(2, exchanges.size());
            Observation.Context credit = named(DefaultCreditObservationConvention.NAME).get(0);
            assertEquals("credit commerce-hub", credit.getContextualName());
            exchanges.forEach(e -> assertSame(credit, e.getParentObservation().getContextView()));
        }
    }

    @Test
    void noTagKeyValueOrNameCarriesCardDataOrAnyId() {
        CreditGateway gateway = cybersource(metrics());
        CreditResult card = gateway.credit(card("idem-4111-key").build());
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        CreditResult lost = gateway.credit(token("idem-lost-key").build());
        gateway.status(StatusQuery.byTransactionId("T-idem-lost-key"));

        List<String> forbidden = new ArrayList<>(List.of(PAN, PAN.substring(0, 6), PAN.substring(12), CVV, "idem-4111-key", "idem-lost-key",
                "REF-idem", "T-idem", "10.00", "F45FB3E443AC3C57E053A2598D0A9CFF", CybersourceSimulator.DEFAULT_SHARED_SECRET,
                CybersourceSimulator.DEFAULT_KEY_ID));
        card.gatewayTransactionId().ifPresent(forbidden::add);
        lost.reconciliation().map(r -> r.gatewayRequestId()).ifPresent(forbidden::add);
        StringBuilder shown = new StringBuilder();
        for (Meter meter : meters.getMeters()) {
            shown.append(meter.getId().getName()).append(' ');
            for (Tag tag : meter.getId().getTags()) {
                shown.append(tag.getKey()).append('=').append(tag.getValue()).append(' ');
            }
        }
        for (Observation.Context context : contexts()) {
            shown.append(context.getName()).append(' ').append(context.getContextualName()).append(' ');
            context.getAllKeyValues().forEach(kv -> shown.append(kv.getKey()).append('=').append(kv.getValue()).append(' '));
        }
        String everything = shown.toString();
        assertTrue(everything.contains("cybersource"), everything);
        for (String value : forbidden) {
            assertFalse(everything.contains(value), "a tag carries " + value + ": " + everything);
        }
    }

    @Test
    void anObservationHandlerThatThrowsChangesNothingAboutTheCredit() {
        TestObservationRegistry failing = TestObservationRegistry.create();
        failing.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                throw new IllegalStateException("a broken tracing handler");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        CreditResult result = cybersource(MicrometerCreditMetrics.of(meters, failing)).credit(token("k-12").build());

        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome());
        assertEquals(1, sim.ledger().size());
        assertEquals(1, calls("PENDING_SETTLEMENT"), "the meters are recorded still");
        assertNull(failing.getCurrentObservation());
    }

    @Test
    void metersAloneNeedNoObservationRegistry() {
        MeterRegistry only = new SimpleMeterRegistry();
        cybersource(MicrometerCreditMetrics.of(only)).credit(token("k-13").build());

        assertEquals(1, only.find(MicrometerCreditMetrics.CALLS).timer().count());
        assertFalse(MicrometerCreditMetrics.of(only).readsExchangeContent(), "no body or header is masked for it");
        TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
    }

    private static CreditRequest.Builder card(String key) {
        return CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.card(PAN, CardExpiry.of(12, 2031), CVV, null))
                .merchantReference("REF-" + key).transactionId("T-" + key).idempotencyKey(key);
    }

    /** A journal whose database went away: every call fails. */
    private static CreditJournal unreachableJournal() {
        return (CreditJournal) Proxy.newProxyInstance(CreditJournal.class.getClassLoader(), new Class<?>[] {CreditJournal.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return "an unreachable journal";
                    }
                    throw new JournalException("database unreachable");
                });
    }
}
