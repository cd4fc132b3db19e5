package org.standalonecredit.commercehub;

import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.journal.Reconciler;
import org.standalonecredit.api.journal.Resolution;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;

/** End to end over HTTP against the testkit's Commerce Hub simulator, which verifies the HMAC like Commerce Hub. */
class CommerceHubSimulatorTest {
    private static final String CREDITS = "/payments/v1/credits";
    private final MutableClock clock = MutableClock.at(TestGateways.START);
    private final AtomicInteger ids = new AtomicInteger();
    private CommerceHubSimulator sim = CommerceHubSimulator.builder().clock(clock).magicAmounts(false).start();
    private final Map<String, String> config = new HashMap<>();

    CommerceHubSimulatorTest() {
        config.put("credit.gateway", "commerce-hub");
        config.put("credit.commerce-hub.api-key", CommerceHubSimulator.DEFAULT_API_KEY);
        config.put("credit.commerce-hub.api-secret", CommerceHubSimulator.DEFAULT_API_SECRET);
        config.put("credit.commerce-hub.merchant-id", "123456789789567");
        config.put("credit.commerce-hub.terminal-id", "123456");
        config.put("credit.commerce-hub.base-url", sim.baseUrl());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CreditGateway gateway() {
        return ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit", GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000))
                .clock(clock)
                .ids(() -> String.format("00000000-0000-4000-8000-%012d", ids.incrementAndGet()))
                .sleeper(clock::advance)
                .build());
    }

    private CreditResult credit(CreditRequest request) {
        try (CreditGateway gateway = gateway()) {
            return gateway.credit(request);
        }
    }

    private static CreditRequest seedCredit() {
        return CreditRequest.builder().amount("12.04", "USD")
                .source(PaymentSource.card("4005550000000019", CardExpiry.of(2, 2035), "123", null))
                .idempotencyKey("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60").build();
    }

    private CreditGateway gateway(CreditJournal journal) {
        return ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit", GatewayOptions.builder().journal(journal)
                .clock(clock).sleeper(clock::advance).build());
    }

    private List<RecordedRequest> creditRequests() {
        return sim.journal().matching(r -> r.pathWithoutQuery().startsWith("/payments/v1/credits")
                || r.pathWithoutQuery().startsWith("/payments/v1/refunds"));
    }

    @Test
    void seed004IsAcceptedWithARealSignature() {
        config.put("credit.commerce-hub.transaction-interaction", "none");
        CreditResult result = credit(seedCredit());
        assertEquals(CreditOutcome.APPROVED, result.outcome(), result.toString());
        assertEquals(0, new BigDecimal("12.04").compareTo(result.creditedAmount().orElseThrow()));
        assertEquals(CardBrand.VISA, result.card().orElseThrow().brand());
        assertEquals("0019", result.card().orElseThrow().lastFour());
        LedgerEntry entry = sim.ledger().entries().get(0);
        assertEquals(result.gatewayTransactionId().orElseThrow(), entry.gatewayTransactionId());
        assertEquals("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60", entry.clientTransactionId());
        assertEquals("12.04", entry.amount().toPlainString());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aClosedConnectionIsResentUnderTheSameIdAndCreditsOnce() {
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        CreditResult result = credit(seedCredit());
        assertEquals(CreditOutcome.APPROVED, result.outcome(), result.toString());
        assertEquals(2, result.attempts());
        assertResentIdentically();
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aDelayPastTheResponseTimeoutIsResentAndCreditsOnce() {
        config.put("credit.http.response-timeout", "300ms");
        sim.script().nextRequests(1).respond(Behaviour.DELAY).delay(Duration.ofSeconds(5));
        CreditResult result = credit(seedCredit());
        assertEquals(CreditOutcome.APPROVED, result.outcome(), result.toString());
        assertResentIdentically();
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aGatewayTimeoutThenSuccessCreditsOnce() {
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        CreditResult result = credit(seedCredit());
        assertEquals(CreditOutcome.APPROVED, result.outcome(), result.toString());
        assertResentIdentically();
        assertEquals(1, sim.ledger().size());
    }

    private void assertResentIdentically() {
        List<RecordedRequest> sent = creditRequests();
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).header("Client-Request-Id"), sent.get(1).header("Client-Request-Id"));
        assertArrayEquals(sent.get(0).body(), sent.get(1).body());
    }

    @Test
    void aLostAnswerWithResendsOffIsUnknownAndTheSimulatorHoldsOneCredit() {
        config.put("credit.retry.max-resends-after-sent", "0");
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        CreditResult result = credit(seedCredit());
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.NO_RESPONSE, result.detail());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aResubmissionAfterTheReplayWindowFindsTheCreditInsteadOfCreditingAgain() {
        config.put("credit.retry.max-resends-after-sent", "0");
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        try (CreditGateway gateway = ((JournaledCreditGateway) gateway()).delegate()) { // the provider's own rule, no journal
            CreditRequest request = seedCredit();
            assertEquals(CreditOutcome.UNKNOWN, gateway.credit(request).outcome());
            clock.advance(Duration.ofMinutes(6));
            CreditResult again = gateway.credit(request);
            assertEquals(CreditOutcome.APPROVED, again.outcome(), again.toString());
            assertEquals(sim.ledger().entries().get(0).gatewayTransactionId(), again.gatewayTransactionId().orElseThrow());
        }
        assertEquals(1, creditRequests().size());
        assertEquals(1, sim.ledger().size());
    }

    /** The reproduction: a library-generated key, the answer lost, re-submitted six minutes later through a new instance. */
    @Test
    void aGeneratedKeysCreditWhoseAnswerWasLostIsNotCreditedAgainThroughANewGatewayInstance() {
        config.put("credit.retry.max-resends-after-sent", "0");
        CreditJournal journal = new InMemoryCreditJournal(100_000); // as the JVM-wide default is, for an application
        CreditRequest request = CreditRequest.builder().amount("12.04", "USD")
                .source(PaymentSource.card("4005550000000019", CardExpiry.of(2, 2035), "123", null)).build();
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        try (CreditGateway gateway = gateway(journal)) {
            assertEquals(CreditOutcome.UNKNOWN, gateway.credit(request).outcome());
        }
        clock.advance(Duration.ofMinutes(6));
        try (CreditGateway another = gateway(journal)) {
            CreditResult again = another.credit(request);
            assertEquals(CreditOutcome.UNKNOWN, again.outcome(), again.toString());
        }
        assertEquals(1, creditRequests().size());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void withTheJournalAResubmissionOfAnUnknownCreditSendsNothingAndTheReconcilerFindsIt() {
        config.put("credit.retry.max-resends-after-sent", "0");
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        try (CreditGateway gateway = gateway()) {
            CreditRequest request = seedCredit();
            assertEquals(CreditOutcome.UNKNOWN, gateway.credit(request).outcome());
            clock.advance(Duration.ofMinutes(6));
            CreditResult again = gateway.credit(request);
            assertEquals(CreditOutcome.UNKNOWN, again.outcome(), again.toString());
            assertEquals(0, again.attempts(), "nothing was sent");

            List<Resolution> found = Reconciler.forGateway(gateway).clock(clock).build().reconcileDue(10);
            assertEquals(1, found.size(), found.toString());
            assertEquals(Resolution.Verdict.CREDITED, found.get(0).verdict(), found.toString());

            CreditResult third = gateway.credit(request);
            assertEquals(CreditOutcome.APPROVED, third.outcome(), third.toString());
            assertEquals(sim.ledger().entries().get(0).gatewayTransactionId(), third.gatewayTransactionId().orElseThrow());
        }
        assertEquals(1, creditRequests().size());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aCallersKeySentBeforeARestartAndBeyondTheReplayWindowIsFoundNotCreditedTwice() {
        CreditResult first = credit(seedCredit());                    // one gateway instance (process) ...
        assertEquals(CreditOutcome.APPROVED, first.outcome(), first.toString());
        clock.advance(Duration.ofMinutes(10));
        CreditResult again = credit(seedCredit());                    // ... and a new one, which never sent this key
        assertEquals(CreditOutcome.APPROVED, again.outcome(), again.toString());
        assertEquals("transaction-inquiry", again.references().get("resolvedBy"));
        assertEquals(first.gatewayTransactionId(), again.gatewayTransactionId());
        assertEquals(1, creditRequests().size());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void withoutTheInquiryOfUnseenKeysThatResubmissionWouldCreditTwice() {
        config.put("credit.commerce-hub.inquire-unseen-keys", "false"); // for applications that keep their own send records
        credit(seedCredit());
        clock.advance(Duration.ofMinutes(10));
        credit(seedCredit());
        assertEquals(2, sim.ledger().size(), "the risk the default inquiry removes: Commerce Hub has forgotten the id");
    }

    @Test
    void aCallersNewKeyIsInquiredOnceThenSentAndAGeneratedKeyIsSentStraightAway() {
        CreditResult given = credit(seedCredit());
        assertEquals(CreditOutcome.APPROVED, given.outcome(), given.toString());
        List<String> paths = sim.journal().matching(r -> true).stream().map(RecordedRequest::pathWithoutQuery).toList();
        assertEquals(List.of(CommerceHubRequests.INQUIRY_PATH, CREDITS), paths);

        sim.reset();
        CreditRequest generated = seedCredit().toBuilder().idempotencyKey(null).build();
        assertTrue(generated.idempotencyKeyGenerated());
        assertEquals(CreditOutcome.APPROVED, credit(generated).outcome());
        assertEquals(List.of(CREDITS), sim.journal().matching(r -> true).stream().map(RecordedRequest::pathWithoutQuery).toList());
    }

    @Test
    void declinesAndPendingAnswersMap() {
        sim.script().nextRequests(1).respond(Behaviour.DECLINE);
        sim.script().nextRequests(1).respond(Behaviour.PENDING);
        try (CreditGateway gateway = gateway()) {
            CreditResult declined = gateway.credit(seedCredit().toBuilder().idempotencyKey("d-1").build());
            assertEquals(CreditOutcome.DECLINED, declined.outcome());
            assertEquals("007", declined.responseCode().orElseThrow());
            assertEquals(CreditOutcome.PENDING_SETTLEMENT, gateway.credit(seedCredit().toBuilder().idempotencyKey("p-1").build()).outcome());
        }
    }

    @Test
    void aBadRequestIsRejectedAndNotResent() {
        sim.script().nextRequests(1).respond(Behaviour.INVALID_REQUEST);
        CreditResult result = credit(seedCredit());
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals(OutcomeDetail.INVALID_REQUEST, result.detail());
        assertEquals("100", result.errors().get(0).code());
        assertEquals(1, creditRequests().size());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void aWrongSecretIsAnAuthenticationFailure() {
        config.put("credit.commerce-hub.api-secret", "not-the-secret");
        CreditResult result = credit(seedCredit());
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals(OutcomeDetail.AUTHENTICATION_FAILED, result.detail());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void anEncryptedCardRoundTripsThroughTheSimulatorsPrivateKey() {
        sim.close();
        sim = CommerceHubSimulator.builder().clock(clock).environment(CommerceHubSimulator.Environment.PRODUCTION).start();
        config.put("credit.commerce-hub.base-url", sim.baseUrl());
        config.put("credit.commerce-hub.environment", "production");
        CreditResult result = credit(seedCredit());
        assertEquals(CreditOutcome.APPROVED, result.outcome(), result.toString());
        LedgerEntry entry = sim.ledger().entries().get(0);
        assertTrue(entry.paymentSource().encrypted());
        assertEquals("0019", entry.paymentSource().last4());
        assertEquals("02", entry.paymentSource().expirationMonth());
        String body = new String(creditRequests().get(0).body(), StandardCharsets.UTF_8);
        assertFalse(body.contains("4005550000000019"));
        assertTrue(body.contains("\"keyId\":\"" + sim.encryptionKeyId() + "\""));
    }

    @Test
    void plainCardDataAgainstProductionIsRefusedBeforeAnyCall() {
        config.put("credit.commerce-hub.environment", "production");
        config.put("credit.commerce-hub.card-encryption", "plain");
        assertThrows(ConfigurationException.class, this::gateway);
        assertEquals(0, sim.journal().size());
    }

    @Test
    void theOpenRefundPathIsUsedWhenConfigured() {
        config.put("credit.commerce-hub.credit-path", "/payments/v1/refunds");
        CreditResult result = credit(seedCredit());
        assertEquals(CreditOutcome.APPROVED, result.outcome());
        assertEquals("REFUND", result.references().get("transactionType"));
        assertEquals("/payments/v1/refunds", creditRequests().get(0).pathWithoutQuery());
    }

    @Test
    void aCreditCanBeLookedUpAndVoided() {
        try (CreditGateway gateway = gateway()) {
            CreditRequest request = seedCredit().toBuilder().transactionId("txn-42").merchantReference("INV-42").build();
            CreditResult credit = gateway.credit(request);
            String id = credit.gatewayTransactionId().orElseThrow();

            StatusResult byKey = gateway.status(StatusQuery.byIdempotencyKey(request.idempotencyKey()));
            assertEquals(FollowUpOutcome.DONE, byKey.outcome());
            assertEquals(id, byKey.credits().get(0).gatewayTransactionId());
            assertEquals(CreditOutcome.APPROVED, byKey.credits().get(0).outcome());
            assertEquals(id, gateway.status(StatusQuery.byTransactionId("txn-42")).credits().get(0).gatewayTransactionId());
            assertEquals("txn-42", gateway.status(StatusQuery.byGatewayTransactionId(id)).credits().get(0).transactionId());
            assertTrue(gateway.status(StatusQuery.byIdempotencyKey("never-used")).foundNone());

            assertTrue(gateway.voidCredit(VoidRequest.ofCredit(id)).voided());
            assertTrue(sim.ledger().find(id).orElseThrow().voided());
            assertTrue(gateway.status(StatusQuery.byGatewayTransactionId(id)).credits().get(0).voided());
            assertEquals(FollowUpOutcome.NOT_FOUND, gateway.voidCredit(VoidRequest.ofCredit("000000000000")).outcome());
        }
    }

    @Test
    void aTimeoutVoidReversesACreditByTheMerchantTransactionId() {
        try (CreditGateway gateway = gateway()) {
            CreditResult credit = gateway.credit(seedCredit().toBuilder().transactionId("txn-43").build());
            assertTrue(gateway.voidCredit(VoidRequest.timeout("txn-43")).voided());
            assertTrue(sim.ledger().find(credit.gatewayTransactionId().orElseThrow()).orElseThrow().voided());
        }
    }

    @Test
    void aGatewayTokenIsCredited() {
        CreditResult result = credit(seedCredit().toBuilder()
                .source(PaymentSource.gatewayToken("1234560000000019", "TRANSARMOR", CardExpiry.of(10, 2030))).build());
        assertEquals(CreditOutcome.APPROVED, result.outcome(), result.toString());
        assertEquals(1, sim.ledger().size());
    }
}
