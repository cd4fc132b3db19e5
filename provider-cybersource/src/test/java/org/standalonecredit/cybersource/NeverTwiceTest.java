package org.standalonecredit.cybersource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * The reproductions of the credit-journal issue: Cybersource does not deduplicate credits without a transactionId,
 * so only the journal stands between a request sent twice and two credits. Gateways here are opened as an
 * application opens them, with the default (JVM-wide, in-memory) journal.
 */
class NeverTwiceTest {
    private final CybersourceSimulator sim = CybersourceSimulator.builder().clock(TestGateways.CLOCK).magicAmounts(false).start();

    @AfterEach
    void close() {
        sim.close();
    }

    private CreditGateway open() {
        Map<String, String> config = TestGateways.config("cybersource", Map.of("credit.cybersource.base-url", sim.baseUrl()));
        return StandaloneCredit.open(ConfigSource.fromMap(config), "credit", GatewayOptions.builder().clock(TestGateways.CLOCK).build());
    }

    /** No transactionId: nothing on the wire lets the gateway see the second as a duplicate. A fresh random key per test. */
    private static CreditRequest request() {
        return CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"))
                .idempotencyKey(UUID.randomUUID().toString()).build();
    }

    @Test
    void theSameRequestSentTwiceOneAfterTheOtherCreditsOnce() {
        CreditRequest request = request();
        try (CreditGateway gateway = open()) {
            CreditResult first = gateway.credit(request);
            CreditResult second = gateway.credit(request);
            assertEquals(CreditOutcome.PENDING_SETTLEMENT, first.outcome(), first.toString());
            assertEquals(first.outcome(), second.outcome());
            assertEquals(first.gatewayTransactionId(), second.gatewayTransactionId());
        }
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void theSameRequestFromTwoThreadsCreditsOnce() throws Exception {
        CreditRequest request = request();
        try (CreditGateway gateway = open()) {
            CompletableFuture<CreditResult> a = CompletableFuture.supplyAsync(() -> gateway.credit(request));
            CompletableFuture<CreditResult> b = CompletableFuture.supplyAsync(() -> gateway.credit(request));
            List<CreditOutcome> outcomes = List.of(a.get().outcome(), b.get().outcome());
            assertEquals(true, outcomes.contains(CreditOutcome.PENDING_SETTLEMENT), outcomes.toString());
        }
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aCreditWhoseAnswerWasLostIsNotSentAgainThroughANewGatewayInstance() {
        CreditRequest request = request();
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        try (CreditGateway gateway = open()) {
            assertEquals(CreditOutcome.UNKNOWN, gateway.credit(request).outcome());
        }
        try (CreditGateway another = open()) {
            CreditResult again = another.credit(request);
            assertEquals(CreditOutcome.UNKNOWN, again.outcome(), again.toString());
            assertEquals(0, again.attempts());
        }
        assertEquals(1, sim.journal().forPath("/pts/v2/credits").size());
    }
}
