package org.standalonecredit.simulator.cybersource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.SimulatorIds;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.SimHttp;

class CybersourceFollowUpTest {
    final MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"));
    final CybersourceSimulator sim = CybersourceSimulator.builder().clock(clock).idGenerator(SimulatorIds.seeded(7)).start();

    @AfterEach
    void close() {
        sim.close();
    }

    String credit(String amount, String code, String transactionId) throws Exception {
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard(amount, code, transactionId));
        assertEquals(201, r.statusCode(), r.body());
        return SimHttp.json(r).get("id").asText();
    }

    @Test
    void voidByIdMarksTheLedgerEntry() throws Exception {
        String id = credit("12.30", "REF-1", "TX-1");
        HttpResponse<String> r = SimHttp.cybersource(sim, "POST", "/pts/v2/credits/" + id + "/voids",
                "{\"clientReferenceInformation\":{\"code\":\"void-0001\"}}");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode b = SimHttp.json(r);
        assertEquals("VOIDED", b.get("status").asText());
        assertTrue(b.get("id").asText().matches("\\d{22}"));
        assertEquals("12.30", b.at("/voidAmountDetails/voidAmount").asText());
        assertEquals("12.30", b.at("/voidAmountDetails/originalTransactionAmount").asText());
        assertEquals("USD", b.at("/voidAmountDetails/currency").asText());
        assertEquals("/pts/v2/voids/" + b.get("id").asText(), b.at("/_links/self/href").asText());
        assertEquals("void-0001", b.at("/clientReferenceInformation/code").asText());
        assertEquals(1, sim.ledger().size());
        assertTrue(sim.ledger().entries().get(0).voided());
        assertEquals(0, sim.ledger().activeCount());

        HttpResponse<String> twice = SimHttp.cybersource(sim, "POST", "/pts/v2/credits/" + id + "/voids", "{}");
        assertEquals(400, twice.statusCode());
        assertEquals("NOT_VOIDABLE", SimHttp.json(twice).get("reason").asText());
    }

    @Test
    void voidOfUnknownIdIs404() throws Exception {
        HttpResponse<String> r = SimHttp.cybersource(sim, "POST", "/pts/v2/credits/1234567890123456789012/voids", "{}");
        assertEquals(404, r.statusCode());
        assertEquals("notFound", SimHttp.json(r).at("/errors/0/type").asText());
    }

    @Test
    void voidNeedsABody() throws Exception {
        String id = credit("1.00", null, null);
        assertEquals(400, SimHttp.cybersource(sim, "POST", "/pts/v2/credits/" + id + "/voids", "").statusCode());
    }

    @Test
    void timeoutVoidFindsTheCreditByTransactionId() throws Exception {
        String id = credit("7.00", "REF-7", "TX-7");
        HttpResponse<String> r = SimHttp.cybersource(sim, "POST", "/pts/v2/voids",
                "{\"clientReferenceInformation\":{\"transactionId\":\"TX-7\",\"comments\":\"VOID Timeout\"}}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("VOIDED", SimHttp.json(r).get("status").asText());
        assertTrue(sim.ledger().find(id).orElseThrow().voided());
    }

    @Test
    void timeoutVoidWithoutMatchingCreditIsInvalidData() throws Exception {
        HttpResponse<String> r = SimHttp.cybersource(sim, "POST", "/pts/v2/voids",
                "{\"clientReferenceInformation\":{\"transactionId\":\"NEVER-SENT\"}}");
        assertEquals(400, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("INVALID_REQUEST", b.get("status").asText());
        assertEquals("INVALID_DATA", b.get("reason").asText());
        HttpResponse<String> missing = SimHttp.cybersource(sim, "POST", "/pts/v2/voids", "{}");
        assertEquals("MISSING_FIELD", SimHttp.json(missing).get("reason").asText());
    }

    @Test
    void transactionDetailsReflectStatus() throws Exception {
        String id = credit("9.99", "REF-9", "TX-9");
        HttpResponse<String> r = SimHttp.cybersource(sim, "GET", "/tss/v2/transactions/" + id, null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode b = SimHttp.json(r);
        assertEquals(id, b.get("id").asText());
        assertEquals("2026-01-05T03:04:05Z", b.get("submitTimeUTC").asText());
        assertEquals("PENDING", b.get("status").asText());
        assertTrue(b.get("reconciliationId").isTextual());
        assertEquals("PENDING", b.at("/applicationInformation/status").asText());
        assertEquals("100", b.at("/applicationInformation/reasonCode").asText());
        assertEquals("1", b.at("/applicationInformation/rCode").asText());
        assertEquals("9.99", b.at("/orderInformation/amountDetails/totalAmount").asText());
        assertEquals("USD", b.at("/orderInformation/amountDetails/currency").asText());
        assertEquals("REF-9", b.at("/clientReferenceInformation/code").asText());
        assertEquals("1111", b.at("/paymentInformation/card/suffix").asText());
        assertFalse(r.body().contains("4111111111111111"));

        SimHttp.cybersource(sim, "POST", "/pts/v2/credits/" + id + "/voids", "{}");
        b = SimHttp.json(SimHttp.cybersource(sim, "GET", "/tss/v2/transactions/" + id, null));
        assertEquals("VOIDED", b.get("status").asText());
        assertEquals(2, b.at("/applicationInformation/applications").size());

        assertEquals(404, SimHttp.cybersource(sim, "GET", "/tss/v2/transactions/1", null).statusCode());
    }

    @Test
    void searchByReferenceOrTransactionId() throws Exception {
        String first = credit("1.00", "REF-S", "TX-S1");
        clock.advance(Duration.ofSeconds(1));
        String second = credit("2.00", "REF-S", "TX-S2");
        credit("3.00", "OTHER", "TX-S3");

        HttpResponse<String> r = SimHttp.cybersource(sim, "POST", "/tss/v2/searches",
                "{\"save\":false,\"name\":\"find\",\"timezone\":\"UTC\",\"query\":\"clientReferenceInformation.code:REF-S"
                        + " AND submitTimeUtc:[NOW/DAY-7DAYS TO NOW/DAY+1DAY}\",\"offset\":0,\"limit\":10,\"sort\":\"id:asc\"}");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode b = SimHttp.json(r);
        assertEquals(2, b.get("totalCount").asInt());
        JsonNode summaries = b.at("/_embedded/transactionSummaries");
        assertEquals(second, summaries.get(0).get("id").asText(), "newest first");
        assertEquals(first, summaries.get(1).get("id").asText());
        assertEquals("REF-S", summaries.get(0).at("/clientReferenceInformation/code").asText());
        assertEquals("2.00", summaries.get(0).at("/orderInformation/amountDetails/totalAmount").asText());
        assertEquals("100", summaries.get(0).at("/applicationInformation/reasonCode").asText());
        assertTrue(summaries.get(0).get("submitTimeUtc").isTextual());

        b = SimHttp.json(SimHttp.cybersource(sim, "POST", "/tss/v2/searches",
                "{\"query\":\"clientReferenceInformation.transactionId:\\\"TX-S3\\\"\"}"));
        assertEquals(1, b.get("totalCount").asInt());

        b = SimHttp.json(SimHttp.cybersource(sim, "POST", "/tss/v2/searches",
                "{\"query\":\"clientReferenceInformation.code:NOTHING\"}"));
        assertEquals(0, b.get("totalCount").asInt());
        assertEquals(0, b.at("/_embedded/transactionSummaries").size());

        assertEquals(400, SimHttp.cybersource(sim, "POST", "/tss/v2/searches",
                "{\"query\":\"orderInformation.billTo.email:x\"}").statusCode());
        assertEquals(400, SimHttp.cybersource(sim, "POST", "/tss/v2/searches", "{}").statusCode());
    }
}
