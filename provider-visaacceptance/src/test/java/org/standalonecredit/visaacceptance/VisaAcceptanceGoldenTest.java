package org.standalonecredit.visaacceptance;

import org.standalonecredit.testkit.fakes.ScriptedTransport;
import org.standalonecredit.testkit.fakes.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;

/** Seed 003, the Visa Acceptance mass-transit stand-alone credit with a token, on the wire and back. */
class VisaAcceptanceGoldenTest {
    private final ScriptedTransport transport = new ScriptedTransport();

    private CreditResult creditSeed003() {
        transport.answer(201, Seeds.text("003-mass-transit-response.json"));
        // the seed document was signed with HTTP Signature: its headers are compared as they were captured
        try (CreditGateway gateway = TestGateways.create(TestGateways.config(Map.of("credit.visa-acceptance.authentication", "http-signature")),
                transport)) {
            return gateway.credit(TestGateways.seed003().build());
        }
    }

    @Test
    void sendsExactlyTheSeedRequestToTheVisaAcceptanceTestHost() {
        creditSeed003();
        assertEquals(Seeds.json("003-mass-transit-request.json"), Seeds.tree(transport.body(0)));
        assertEquals("https://apitest.visaacceptance.com/pts/v2/credits", transport.last().uri().toString());
        assertEquals("apitest.visaacceptance.com", transport.header(0, "Host"));
        assertTrue(transport.header(0, "Signature").contains("headers=\"host date request-target digest v-c-merchant-id\""));
    }

    @Test
    void readsTheSeedAnswer() {
        CreditResult result = creditSeed003();
        assertEquals("visa-acceptance", result.providerId());
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome());
        assertEquals(Optional.of("6502828338426145304001"), result.gatewayTransactionId());
        assertEquals(Optional.of("6502828338426145304001"), result.reconciliationId());
        assertEquals(Optional.of(new BigDecimal("200.00")), result.creditedAmount());
        assertEquals(Optional.of("THB"), result.creditedCurrency());
        assertEquals(Map.of("instrumentIdentifier", "DCED1B858116F177E053AF598E0AA10A"), result.tokenIds());
        assertEquals(Optional.of("6502828338426145304001"), result.voidReference());
        assertEquals(CardBrand.VISA, result.card().orElseThrow().brand());
        assertEquals(Optional.of(Instant.parse("2022-04-18T11:53:54Z")), result.submittedAt());
        assertEquals("key-003", result.idempotencyKey());
    }
}
