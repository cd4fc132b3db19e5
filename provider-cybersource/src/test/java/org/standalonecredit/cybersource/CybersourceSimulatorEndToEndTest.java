package org.standalonecredit.cybersource;

import org.standalonecredit.testkit.fakes.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/** The real HTTP path, real signatures, against the testkit's Cybersource simulator. */
class CybersourceSimulatorEndToEndTest {
    private final CybersourceSimulator sim = CybersourceSimulator.builder().clock(TestGateways.CLOCK).magicAmounts(false).start();
    private final List<CreditGateway> gateways = new ArrayList<>();

    @AfterEach
    void close() {
        gateways.forEach(CreditGateway::close);
        sim.close();
    }

    private CreditGateway gateway(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("credit.cybersource.base-url", sim.baseUrl()));
        config.putAll(extra);
        CreditGateway gateway = TestGateways.create(TestGateways.config("cybersource", config), null, new ArrayList<>());
        gateways.add(gateway);
        return gateway;
    }

    private CreditGateway gateway() {
        return gateway(Map.of());
    }

    private List<RecordedRequest> credits() {
        return sim.journal().forPath("/pts/v2/credits");
    }

    private static CreditRequest.Builder customerToken(String amount, String reference) {
        return CreditRequest.builder().amount(amount, "USD").merchantReference(reference).idempotencyKey("key-" + reference + "-" + amount)
                .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"));
    }

    @Test
    void seed000CustomerTokenCredit() {
        CreditResult result = gateway().credit(customerToken("10.00", "12345678").build());
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome(), result.toString());
        assertEquals(Seeds.json("000-customer-token-request.json"), Seeds.tree(credits().get(0).bodyAsString()));
        assertEquals(1, sim.ledger().size());
        assertEquals(sim.ledger().entries().get(0).gatewayTransactionId(), result.gatewayTransactionId().orElseThrow());
        assertEquals(0, new BigDecimal("10.00").compareTo(result.creditedAmount().orElseThrow()));
        assertEquals("F45FB3E443AC3C57E053A2598D0A9CFF", result.tokenIds().get("customer"));
        assertTrue(result.reconciliationId().isPresent());
    }

    @Test
    void seed001CustomerTokenCreditWithProcessingOptions() {
        CreditResult result = gateway().credit(customerToken("1.00", "RTS-Auth")
                .extension(CybersourceCreditOptions.builder().capture(false).commerceIndicator("internet").build()).build());
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome(), result.toString());
        assertEquals(Seeds.json("001-customer-token-options-request.json"), Seeds.tree(credits().get(0).bodyAsString()));
    }

    @Test
    void seed002InstrumentIdentifierCredit() {
        CreditResult result = gateway().credit(CreditRequest.builder().amount("200.00", "THB").idempotencyKey("key-002")
                .source(PaymentSource.instrumentIdentifier("DCED1B858116F177E053AF598E0AA10A", CardExpiry.of(3, 2031), CardBrand.VISA))
                .transactionId("43987654321").partner(PartnerIds.certification("123456789012")).build());
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome(), result.toString());
        assertEquals(Seeds.json("002-instrument-identifier-request.json"), Seeds.tree(credits().get(0).bodyAsString()));
        assertEquals("DCED1B858116F177E053AF598E0AA10A", result.tokenIds().get("instrumentIdentifier"));
        assertEquals("THB", result.creditedCurrency().orElseThrow());
    }

    @Test
    void aPlainCardCreditIsApprovedWhenTheGatewayCompletesIt() {
        sim.script().nextRequests(1).respond(Behaviour.APPROVE);
        CreditResult result = gateway().credit(CreditRequest.builder().amount("25.00", "EUR").merchantReference("card-1").idempotencyKey("key-card-1")
                .source(PaymentSource.card("4111111111111111", CardExpiry.of(12, 2031), "123", null)).build());
        assertEquals(CreditOutcome.APPROVED, result.outcome(), result.toString());
        assertEquals(CardBrand.VISA, result.card().orElseThrow().brand());
        assertEquals("1111", result.card().get().lastFour());
    }

    @Test
    void aDeclineIsDeclined() {
        sim.script().nextRequests(1).respond(Behaviour.DECLINE);
        CreditResult result = gateway().credit(customerToken("10.00", "decline").build());
        assertEquals(CreditOutcome.DECLINED, result.outcome());
        assertEquals("INVALID_ACCOUNT", result.responseCode().orElseThrow());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void aValidationErrorIsRejectedWithTheFieldsTheGatewayNamed() {
        sim.script().nextRequests(1).respond(Behaviour.INVALID_REQUEST);
        CreditResult result = gateway().credit(customerToken("10.00", "invalid").build());
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals(OutcomeDetail.INVALID_REQUEST, result.detail());
        assertEquals(List.of("orderInformation.amountDetails.totalAmount"), result.errors().stream().map(GatewayError::field).toList());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void aWrongSecretIsAnAuthenticationFailure() {
        CreditResult result = gateway(Map.of("credit.cybersource.secret-key", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")).credit(customerToken("10.00", "auth").build());
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals(OutcomeDetail.AUTHENTICATION_FAILED, result.detail());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void aServerTimeoutIsUnknownAndNotResent() {
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        CreditResult result = gateway().credit(customerToken("10.00", "server-timeout").build());
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.GATEWAY_TIMEOUT, result.detail());
        assertEquals(1, credits().size());
        assertEquals(1, sim.ledger().size(), "the simulator processed it: that is why the outcome is unknown");
    }

    @Test
    void aReadTimeoutIsUnknownAndTheCreditIsInTheLedgerOnce() {
        sim.script().nextRequests(1).respond(Behaviour.DELAY).delay(Duration.ofSeconds(30));
        CreditResult result = gateway(Map.of("credit.http.response-timeout", "300ms", "credit.retry.max-resends-after-sent", "3"))
                .credit(customerToken("10.00", "read-timeout").transactionId("T-READ").build());
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.NO_RESPONSE, result.detail());
        assertEquals(1, result.attempts());
        assertEquals(1, credits().size(), "the library did not send the credit again");
        assertEquals(1, sim.ledger().size());
        assertEquals("T-READ", result.reconciliation().orElseThrow().transactionId());
    }

    @Test
    void aDroppedConnectionIsUnknownAndNotResent() {
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        CreditResult result = gateway().credit(customerToken("10.00", "dropped").build());
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(1, credits().size());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aRefusedConnectionIsNotSentAfterTheConfiguredAttempts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CreditResult result = gateway(Map.of("credit.cybersource.base-url", "http://127.0.0.1:" + closedPort, "credit.retry.max-attempts", "2"))
                .credit(customerToken("10.00", "refused").build());
        assertEquals(CreditOutcome.NOT_SENT, result.outcome());
        assertEquals(2, result.attempts());
    }

    @Test
    void aReusedTransactionIdIsAnUnknownDuplicate() {
        CreditGateway gateway = gateway();
        assertTrue(gateway.credit(customerToken("10.00", "dup-1").transactionId("T-DUP").build()).outcome().isSuccess());
        CreditResult second = gateway.credit(customerToken("10.00", "dup-2").transactionId("T-DUP").build());
        assertEquals(CreditOutcome.UNKNOWN, second.outcome());
        assertEquals(OutcomeDetail.DUPLICATE_TRANSACTION_ID, second.detail());
        assertEquals(1, sim.ledger().size());
        assertTrue(second.reconciliation().orElseThrow().advice().contains("StatusQuery.byTransactionId(\"T-DUP\")"));
    }

    @Test
    void voidsACreditByItsVoidReference() {
        CreditGateway gateway = gateway();
        CreditResult credit = gateway.credit(customerToken("10.00", "to-void").build());
        VoidResult result = gateway.voidCredit(VoidRequest.ofCredit(credit.voidReference().orElseThrow()).withMerchantReference("void-1"));
        assertEquals(FollowUpOutcome.DONE, result.outcome(), result.toString());
        assertTrue(sim.ledger().find(credit.gatewayTransactionId().orElseThrow()).orElseThrow().voided());
    }

    @Test
    void aTimeoutVoidReversesACreditWhoseAnswerWasLost() {
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        CreditGateway gateway = gateway();
        CreditResult lost = gateway.credit(customerToken("10.00", "lost").transactionId("T-LOST").build());
        assertEquals(CreditOutcome.UNKNOWN, lost.outcome());
        VoidResult result = gateway.voidCredit(VoidRequest.timeout(lost.reconciliation().orElseThrow().transactionId()));
        assertEquals(FollowUpOutcome.DONE, result.outcome(), result.toString());
        assertEquals(1, sim.ledger().size());
        assertTrue(sim.ledger().entries().get(0).voided());
    }

    @Test
    void looksACreditUpByItsId() {
        CreditGateway gateway = gateway();
        CreditResult credit = gateway.credit(customerToken("12.34", "lookup").transactionId("T-LOOK").build());
        StatusResult result = gateway.status(StatusQuery.byGatewayTransactionId(credit.statusReference().orElseThrow()));
        assertEquals(FollowUpOutcome.DONE, result.outcome(), result.toString());
        CreditStatus found = result.credits().get(0);
        assertEquals(credit.gatewayTransactionId().orElseThrow(), found.gatewayTransactionId());
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, found.outcome());
        assertEquals(0, new BigDecimal("12.34").compareTo(found.amount()));
        assertEquals("lookup", found.merchantReference());
        assertEquals("T-LOOK", found.transactionId());
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertEquals(FollowUpOutcome.NOT_FOUND, gateway().status(StatusQuery.byGatewayTransactionId("1234567890123456789012")).outcome());
    }

    @Test
    void findsCreditsByMerchantReferenceAndByTransactionId() {
        CreditGateway gateway = gateway();
        gateway.credit(customerToken("10.00", "search-ref").transactionId("T-S1").build());
        gateway.credit(customerToken("11.00", "search-ref").transactionId("T-S2").build());
        gateway.credit(customerToken("12.00", "other-ref").build());
        StatusResult byReference = gateway.status(StatusQuery.byMerchantReference("search-ref"));
        assertEquals(FollowUpOutcome.DONE, byReference.outcome(), byReference.toString());
        assertEquals(2, byReference.credits().size());
        StatusResult byTransactionId = gateway.status(StatusQuery.byTransactionId("T-S2"));
        assertEquals(1, byTransactionId.credits().size());
        assertEquals(0, new BigDecimal("11.00").compareTo(byTransactionId.credits().get(0).amount()));
        assertTrue(gateway.status(StatusQuery.byTransactionId("T-NONE")).foundNone());
    }

    @Test
    void aVoidedCreditShowsAsVoidedInASearch() {
        CreditGateway gateway = gateway();
        CreditResult credit = gateway.credit(customerToken("10.00", "voided-search").build());
        gateway.voidCredit(VoidRequest.ofCredit(credit.voidReference().orElseThrow()));
        StatusResult result = gateway.status(StatusQuery.byMerchantReference("voided-search"));
        assertTrue(result.credits().get(0).voided(), result.toString());
    }
}
