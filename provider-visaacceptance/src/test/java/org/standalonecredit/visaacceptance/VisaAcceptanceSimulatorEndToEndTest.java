package org.standalonecredit.visaacceptance;

import org.standalonecredit.testkit.fakes.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Gateway;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/** The Visa Acceptance provider against the testkit simulator in its mass-transit mode, real signatures. */
class VisaAcceptanceSimulatorEndToEndTest {
    private final CybersourceSimulator sim = CybersourceSimulator.builder().visaAcceptanceMassTransit()
            .clock(TestGateways.CLOCK).magicAmounts(false).start();
    private final CreditGateway gateway = TestGateways.create(TestGateways.config(Map.of("credit.visa-acceptance.base-url", sim.baseUrl())), null);

    @AfterEach
    void close() {
        gateway.close();
        sim.close();
    }

    @Test
    void seed003MassTransitCredit() {
        CreditResult result = gateway.credit(TestGateways.seed003().build());
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome(), result.toString());
        assertEquals(Seeds.json("003-mass-transit-request.json"), Seeds.tree(sim.journal().get(0).bodyAsString()));
        assertEquals(1, sim.ledger().size());
        assertEquals(Gateway.VISA_ACCEPTANCE, sim.ledger().entries().get(0).gateway());
        assertEquals("43987654321", sim.ledger().entries().get(0).clientTransactionId());
    }

    @Test
    void theMassTransitRulesRefuseARequestBeforeItReachesTheGateway() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> gateway.credit(CreditRequest.builder()
                .amount("200.00", "THB").source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).build()));
        assertEquals(3, e.errors().size(), e.getMessage());
        assertEquals(0, sim.journal().size(), "nothing may reach the gateway");
    }

    @Test
    void aLostAnswerIsUnknownOnceAndATimeoutVoidReversesIt() {
        sim.script().nextRequests(1).respond(Behaviour.DELAY).delay(java.time.Duration.ofSeconds(30));
        CreditResult lost;
        try (CreditGateway impatient = TestGateways.create(TestGateways.config(Map.of("credit.visa-acceptance.base-url", sim.baseUrl(),
                "credit.http.response-timeout", "300ms")), null)) {
            lost = impatient.credit(TestGateways.seed003().build());
        }
        assertEquals(CreditOutcome.UNKNOWN, lost.outcome());
        assertEquals(1, sim.journal().forPath("/pts/v2/credits").size());
        assertEquals(1, sim.ledger().size());
        assertEquals(FollowUpOutcome.DONE, gateway.voidCredit(VoidRequest.timeout(lost.reconciliation().orElseThrow().transactionId())).outcome());
        assertTrue(sim.ledger().entries().get(0).voided());
    }

    @Test
    void findsTheCreditByItsTransactionId() {
        CreditResult credit = gateway.credit(TestGateways.seed003().build());
        var found = gateway.status(StatusQuery.byTransactionId("43987654321"));
        assertEquals(1, found.credits().size(), found.toString());
        assertEquals(credit.gatewayTransactionId().orElseThrow(), found.credits().get(0).gatewayTransactionId());
    }
}
