package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.transport.OutboundRequest;

/**
 * Seed 004 (Commerce Hub "Credit"): a neutral request produces the documented request body, and the
 * documented response reads as the expected neutral result. The seed's JSON is in src/test/resources/seed004.
 */
class GoldenSeed004Test {
    /** Numbers compared as decimals, never as doubles. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final TestGateways env = new TestGateways()
            .with("credit.commerce-hub.merchant-id", "123456789789567")
            .with("credit.commerce-hub.terminal-id", "123456")
            .with("credit.commerce-hub.transaction-interaction", "none");

    private CreditResult sendSeedCredit() throws IOException {
        env.transport.answer(201, resource("credit-response.json"));
        try (CreditGateway gateway = env.gateway()) {
            return gateway.credit(CreditRequest.builder()
                    .amount("12.04", "USD")
                    .source(PaymentSource.card("4005550000000019", CardExpiry.of(2, 2035), "123", null))
                    .idempotencyKey("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60")
                    .build());
        }
    }

    @Test
    void neutralRequestProducesTheSeedRequestBody() throws IOException {
        sendSeedCredit();
        OutboundRequest sent = env.transport.sent().get(0);
        assertEquals("POST", sent.method());
        assertEquals("https://connect-cert.fiservapis.com/ch/payments/v1/credits", sent.uri().toString());

        ObjectNode expected = (ObjectNode) JSON.readTree(resource("credit-request.json"));
        // The seed's example quotes the total ("12.04"); the seed's own table types it as a number and current
        // Commerce Hub examples send a number, so the library sends the JSON number 12.04. Only that differs.
        assertTrue(expected.at("/amount/total").isTextual());
        ((ObjectNode) expected.get("amount")).put("total", new BigDecimal(expected.at("/amount/total").asText()));
        JsonNode actual = JSON.readTree(sent.body());
        assertEquals(expected, actual);
        assertTrue(new String(sent.body(), StandardCharsets.UTF_8).startsWith("{\"amount\":{\"total\":12.04,\"currency\":\"USD\"}"));
    }

    @Test
    void seedResponseReadsAsAnApprovedCredit() throws IOException {
        CreditResult result = sendSeedCredit();
        assertEquals(CreditOutcome.APPROVED, result.outcome());
        assertEquals(201, result.httpStatus());
        assertEquals("84356531338", result.gatewayTransactionId().orElseThrow());
        assertEquals("84356531338", result.voidReference().orElseThrow());
        assertEquals("84356531338", result.statusReference().orElseThrow());
        assertEquals("RKOrdID-525133851837", result.references().get("orderId"));
        assertEquals("362866ac81864d7c9d1ff8b5aa6e98db", result.references().get("apiTraceId"));
        assertEquals("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60", result.references().get("clientRequestId"));
        assertEquals("4345791", result.references().get("echoedClientRequestId"));
        assertEquals("CREDIT", result.references().get("transactionType"));
        assertEquals("OK5882", result.approvalCode().orElseThrow());
        assertEquals("000", result.responseCode().orElseThrow());
        assertEquals("APPROVAL", result.responseMessage().orElseThrow());
        assertEquals("00", result.references().get("hostResponseCode"));
        assertEquals("AUTHORIZED", result.gatewayStatus().orElseThrow());
        assertEquals(new BigDecimal("12.04"), result.creditedAmount().orElseThrow());
        assertEquals("USD", result.creditedCurrency().orElseThrow());
        assertEquals(CardBrand.VISA, result.card().orElseThrow().brand());
        assertEquals("0019", result.card().orElseThrow().lastFour());
        assertEquals(1, result.attempts());
        assertTrue(result.maskedResponseBody().orElseThrow().contains("84356531338"));
    }

    @Test
    void anApprovedAmountOtherThanRequestedIsNotACleanSuccess() {
        env.transport.answer(201, TestGateways.approved("12.40", "USD"));
        try (CreditGateway gateway = env.gateway()) {
            CreditResult result = gateway.credit(TestGateways.cardCredit("12.04").build());
            assertEquals(CreditOutcome.UNKNOWN, result.outcome());
            assertEquals(org.standalonecredit.api.OutcomeDetail.ECHO_MISMATCH, result.detail());
            assertEquals(new BigDecimal("12.40"), result.creditedAmount().orElseThrow());
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = GoldenSeed004Test.class.getResourceAsStream("/seed004/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
