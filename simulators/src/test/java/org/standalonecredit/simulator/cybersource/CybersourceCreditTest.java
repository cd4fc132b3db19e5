package org.standalonecredit.simulator.cybersource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.CardScheme;
import org.standalonecredit.simulator.Gateway;
import org.standalonecredit.simulator.SimulatorIds;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.PaymentSourceSummary.SourceType;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.SimHttp;

class CybersourceCreditTest {
    final MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"));
    CybersourceSimulator sim = CybersourceSimulator.builder().clock(clock).idGenerator(SimulatorIds.sequential()).start();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void cardCreditAnswersLikeTheSeedsAndIsRecordedOnce() throws Exception {
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, Bodies.CYBERSOURCE_VECTOR_BODY);
        assertEquals(201, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/hal+json"));
        JsonNode b = SimHttp.json(r);
        String id = b.get("id").asText();
        assertTrue(id.matches("\\d{22}"), id);
        assertEquals("PENDING", b.get("status").asText());
        assertEquals("2026-01-05T03:04:05Z", b.get("submitTimeUtc").asText());
        assertTrue(b.get("reconciliationId").asText().matches("[0-9A-Z]{16}"));
        assertEquals("/pts/v2/credits/" + id + "/voids", b.at("/_links/void/href").asText());
        assertEquals("POST", b.at("/_links/void/method").asText());
        assertEquals("/pts/v2/credits/" + id, b.at("/_links/self/href").asText());
        assertEquals("refund-0001", b.at("/clientReferenceInformation/code").asText());
        assertEquals("10.00", b.at("/creditAmountDetails/creditAmount").asText());
        assertEquals("USD", b.at("/creditAmountDetails/currency").asText());
        assertEquals("USD", b.at("/orderInformation/amountDetails/currency").asText());
        assertEquals("001", b.at("/paymentAccountInformation/card/type").asText());
        assertEquals("888888", b.at("/processorInformation/approvalCode").asText());
        assertEquals("100", b.at("/processorInformation/responseCode").asText());
        assertFalse(r.body().contains("4111111111111111"), "never echo the PAN");
        assertEquals(id, r.headers().firstValue("x-requestid").orElseThrow());

        assertEquals(1, sim.ledger().size());
        LedgerEntry e = sim.ledger().entries().get(0);
        assertEquals(Gateway.CYBERSOURCE, e.gateway());
        assertEquals(id, e.gatewayTransactionId());
        assertEquals(new BigDecimal("10.00"), e.amount());
        assertEquals(2, e.amount().scale(), "amount exactly as received");
        assertEquals("USD", e.currency());
        assertEquals("refund-0001", e.merchantReference());
        assertEquals("testmerchant", e.merchantId());
        assertEquals(SourceType.CARD, e.paymentSource().type());
        assertEquals("411111", e.paymentSource().bin());
        assertEquals("1111", e.paymentSource().last4());
        assertEquals(CardScheme.VISA, e.paymentSource().brand());
        assertFalse(e.toString().contains("4111111111111111"));
        assertEquals(Instant.parse("2026-01-05T03:04:05Z"), e.time());
    }

    @Test
    void journalHoldsTheExactWire() throws Exception {
        SimHttp.cybersourceCredit(sim, Bodies.CYBERSOURCE_VECTOR_BODY);
        RecordedRequest req = sim.journal().last().orElseThrow();
        assertEquals("POST", req.method());
        assertEquals("/pts/v2/credits", req.path());
        assertEquals(Bodies.CYBERSOURCE_VECTOR_BODY, req.bodyAsString());
        assertEquals("127.0.0.1:" + sim.port(), req.header("host"));
        assertEquals("Mon, 5 Jan 2026 03:04:05 GMT", req.header("DATE"));
        assertTrue(req.header("Signature").contains("headers=\"host date request-target digest v-c-merchant-id\""));
        assertFalse(req.toString().contains("4111"));
    }

    @Test
    void customerTokenCreditEchoesTheToken() throws Exception {
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, Bodies.CYBERSOURCE_CUSTOMER_TOKEN);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode b = SimHttp.json(r);
        assertEquals("F45FB3E443AC3C57E053A2598D0A9CFF", b.at("/paymentInformation/customer/id").asText());
        assertEquals("12345678", b.at("/clientReferenceInformation/code").asText());
        LedgerEntry e = sim.ledger().entries().get(0);
        assertEquals(SourceType.CUSTOMER_TOKEN, e.paymentSource().type());
        assertEquals("F45FB3E443AC3C57E053A2598D0A9CFF", e.paymentSource().tokenId());
    }

    @Test
    void seedMassTransitRequestSucceedsOnVisaAcceptance() throws Exception {
        sim.close();
        sim = CybersourceSimulator.builder().clock(clock).visaAcceptanceMassTransit().start();
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, Bodies.MASS_TRANSIT);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode b = SimHttp.json(r);
        assertEquals("43987654321", b.at("/clientReferenceInformation/transactionId").asText());
        assertEquals("DCED1B858116F177E053AF598E0AA10A", b.at("/paymentInformation/instrumentIdentifier/id").asText());
        assertEquals("ACTIVE", b.at("/paymentInformation/instrumentIdentifier/state").asText());
        assertEquals("200.00", b.at("/creditAmountDetails/creditAmount").asText());
        assertEquals("THB", b.at("/creditAmountDetails/currency").asText());
        LedgerEntry e = sim.ledger().entries().get(0);
        assertEquals(Gateway.VISA_ACCEPTANCE, e.gateway());
        assertEquals("43987654321", e.clientTransactionId());
        assertEquals(SourceType.INSTRUMENT_IDENTIFIER, e.paymentSource().type());
        assertEquals("03", e.paymentSource().expirationMonth());
    }

    @Test
    void massTransitRequiresAllDocumentedFields() throws Exception {
        sim.close();
        sim = CybersourceSimulator.builder().clock(clock).visaAcceptanceMassTransit().start();
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim,
                "{\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"200.00\",\"currency\":\"THB\"}}}");
        assertEquals(400, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("INVALID_REQUEST", b.get("status").asText());
        assertEquals("MISSING_FIELD", b.get("reason").asText());
        List<String> fields = new ArrayList<>();
        b.get("details").forEach(d -> {
            assertEquals("MISSING_FIELD", d.get("reason").asText());
            fields.add(d.get("field").asText());
        });
        assertTrue(fields.containsAll(List.of("clientReferenceInformation.transactionId",
                "clientReferenceInformation.partner.thirdPartyCertificationNumber",
                "paymentInformation.instrumentIdentifier.id", "paymentInformation.card.expirationMonth",
                "paymentInformation.card.expirationYear", "paymentInformation.card.type")), fields.toString());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void massTransitAppliesWhenTheRequestSaysTransit() throws Exception {
        String transit = "{\"processingInformation\":{\"industryDataType\":\"transit\"},"
                + Bodies.CYBERSOURCE_CUSTOMER_TOKEN.substring(1);
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, transit);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("thirdPartyCertificationNumber"));
    }

    @Test
    void missingAmountIsMissingField() throws Exception {
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim,
                Bodies.CYBERSOURCE_VECTOR_BODY.replace("\"totalAmount\":\"10.00\",", ""));
        assertEquals(400, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("MISSING_FIELD", b.get("reason").asText());
        assertEquals("orderInformation.amountDetails.totalAmount", b.at("/details/0/field").asText());
        assertEquals("MISSING_FIELD", b.at("/details/0/reason").asText());
        assertTrue(b.get("submitTimeUtc").isTextual());
        assertTrue(b.get("message").asText().startsWith("Declined"));
    }

    @Test
    void numericOrMalformedAmountIsInvalidData() throws Exception {
        for (String amount : new String[] {"10.00", "\"-1.00\"", "\"1,00\"", "\"abc\"", "\"0.00\""}) {
            String body = Bodies.CYBERSOURCE_VECTOR_BODY.replace("\"10.00\"", amount);
            HttpResponse<String> r = SimHttp.cybersourceCredit(sim, body);
            assertEquals(400, r.statusCode(), amount);
            JsonNode b = SimHttp.json(r);
            assertEquals("INVALID_DATA", b.get("reason").asText(), amount);
            assertEquals("orderInformation.amountDetails.totalAmount", b.at("/details/0/field").asText());
        }
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void exactlyOnePaymentSource() throws Exception {
        String none = "{\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"1.00\",\"currency\":\"USD\"}}}";
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, none);
        assertEquals(400, r.statusCode());
        assertEquals("MISSING_FIELD", SimHttp.json(r).get("reason").asText());

        String two = "{\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"1.00\",\"currency\":\"USD\"}},"
                + "\"paymentInformation\":{\"customer\":{\"id\":\"C1\"},\"paymentInstrument\":{\"id\":\"P1\"}}}";
        r = SimHttp.cybersourceCredit(sim, two);
        assertEquals(400, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("INVALID_DATA", b.get("reason").asText());
        assertEquals(2, b.get("details").size());
    }

    @Test
    void cardNumberNeedsExpiry() throws Exception {
        String body = Bodies.CYBERSOURCE_VECTOR_BODY.replace(",\"expirationMonth\":\"12\",\"expirationYear\":\"2031\"", "");
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, body);
        assertEquals(400, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("MISSING_FIELD", b.get("reason").asText());
        assertEquals(2, b.get("details").size());
        assertTrue(r.body().contains("paymentInformation.card.expirationMonth"));
        assertFalse(r.body().contains("4111111111111111"));
    }

    @Test
    void malformedJsonIsInvalidRequest() throws Exception {
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, "{\"orderInformation\":");
        assertEquals(400, r.statusCode());
        assertEquals("INVALID_REQUEST", SimHttp.json(r).get("status").asText());
    }

    @Test
    void reusedTransactionIdIsDuplicateAndNotRecorded() throws Exception {
        assertEquals(201, SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("5.00", "R1", "TX-1")).statusCode());
        HttpResponse<String> again = SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("6.00", "R2", "TX-1"));
        assertEquals(400, again.statusCode());
        JsonNode b = SimHttp.json(again);
        assertEquals("INVALID_REQUEST", b.get("status").asText());
        assertEquals("DUPLICATE_REQUEST", b.get("reason").asText());
        assertEquals("Declined - The transaction identifier sent with this request has already been used in the last 60 days",
                b.get("message").asText());
        assertEquals(1, sim.ledger().size());
        assertEquals(201, SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("5.00", "R1", "TX-2")).statusCode());
        assertEquals(2, sim.ledger().size());
    }

    @Test
    void transactionIdLongerThan30IsInvalid() throws Exception {
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("5.00", "R1", "x".repeat(31)));
        assertEquals(400, r.statusCode());
        assertEquals("clientReferenceInformation.transactionId", SimHttp.json(r).at("/details/0/field").asText());
    }

    @Test
    void badSignatureStaleDateAndWrongMerchantGet401() throws Exception {
        byte[] body = Bodies.CYBERSOURCE_VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(sim.baseUrl() + "/pts/v2/credits");
        // signed for another body
        CybersourceSigner.Signed signed = sim.signer().sign("POST", uri, "{}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = SimHttp.CLIENT.send(signed.applyTo(HttpRequest.newBuilder(uri))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        assertEquals("{\"response\":{\"rmsg\":\"Authentication Failed\"}}", r.body());

        // signed six minutes ago
        MutableClock past = MutableClock.at(clock.instant().minus(Duration.ofMinutes(6)));
        signed = sim.signer(past).sign("POST", uri, body);
        r = SimHttp.CLIENT.send(signed.applyTo(HttpRequest.newBuilder(uri))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());

        // signed for the real gateway host, sent to the simulator
        signed = sim.signer().sign("POST", "apitest.cybersource.com", "/pts/v2/credits", body);
        r = SimHttp.CLIENT.send(signed.applyTo(HttpRequest.newBuilder(uri))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());

        // other credentials
        CybersourceSigner other = new CybersourceSigner("othermerchant", sim.keyId(),
                CybersourceSimulator.DEFAULT_SHARED_SECRET, clock);
        r = SimHttp.CLIENT.send(other.sign("POST", uri, body).applyTo(HttpRequest.newBuilder(uri))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        assertEquals(0, sim.ledger().size());
        assertEquals(4, sim.journal().size(), "rejected requests are journalled too");
    }

    @Test
    void unknownPathIs404() throws Exception {
        HttpResponse<String> r = SimHttp.cybersource(sim, "POST", "/pts/v2/payments", "{}");
        assertEquals(404, r.statusCode());
        assertEquals("notFound", SimHttp.json(r).at("/errors/0/type").asText());
    }
}
