package org.standalonecredit.simulator.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.SimHttp;

class CommerceHubFollowUpTest {
    static final String MERCHANT = "\"merchantDetails\":{\"merchantId\":\"100008000003683\",\"terminalId\":\"10000001\"}";
    final MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"));
    final CommerceHubSimulator sim = CommerceHubSimulator.builder().clock(clock).start();

    @AfterEach
    void close() {
        sim.close();
    }

    String credit(String crid, String merchantTransactionId) throws Exception {
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", crid,
                Bodies.commerceHubCard("18.00", merchantTransactionId));
        assertEquals(201, r.statusCode(), r.body());
        return SimHttp.json(r).at("/gatewayResponse/transactionProcessingDetails/transactionId").asText();
    }

    static String cancelBy(String field, String value, String reason) {
        return "{\"referenceTransactionDetails\":{\"" + field + "\":\"" + value + "\"},"
                + "\"transactionDetails\":{\"reversalReasonCode\":\"" + reason + "\"}," + MERCHANT + "}";
    }

    static String inquiryBy(String field, String value) {
        return "{\"referenceTransactionDetails\":{\"" + field + "\":\"" + value + "\"}," + MERCHANT + "}";
    }

    @Test
    void cancelByTransactionIdVoidsTheCredit() throws Exception {
        String id = credit("crid-1", "MTX-1");
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/cancels", "crid-2",
                cancelBy("referenceTransactionId", id, "VOID"));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode b = SimHttp.json(r);
        assertEquals("CANCEL", b.at("/gatewayResponse/transactionType").asText());
        assertEquals("VOIDED", b.at("/gatewayResponse/transactionState").asText());
        assertEquals("crid-2", b.at("/gatewayResponse/transactionProcessingDetails/clientRequestId").asText());
        assertEquals("VOID", b.at("/transactionDetails/reversalReasonCode").asText());
        assertTrue(sim.ledger().find(id).orElseThrow().voided());

        HttpResponse<String> twice = SimHttp.commerceHub(sim, "/payments/v1/cancels", "crid-3",
                cancelBy("referenceTransactionId", id, "VOID"));
        assertEquals(400, twice.statusCode());
        assertEquals("833", SimHttp.json(twice).at("/error/0/code").asText());
    }

    @Test
    void timeoutReversalByMerchantTransactionId() throws Exception {
        String id = credit("crid-t", "MTX-T");
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/cancels", "crid-t2",
                cancelBy("referenceMerchantTransactionId", "MTX-T", "TIMEOUT"));
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(sim.ledger().find(id).orElseThrow().voided());
    }

    @Test
    void cancelOfUnknownOrAmbiguousReference() throws Exception {
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/cancels", "crid-u",
                cancelBy("referenceMerchantTransactionId", "NEVER", "TIMEOUT"));
        assertEquals(400, r.statusCode());
        assertEquals("831", SimHttp.json(r).at("/error/0/code").asText());
        r = SimHttp.commerceHub(sim, "/payments/v1/cancels", "crid-v",
                "{\"referenceTransactionDetails\":{}," + MERCHANT + "}");
        assertEquals("100", SimHttp.json(r).at("/error/0/code").asText());
    }

    @Test
    void aDeclinedCreditCannotBeCancelled() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.DECLINE);
        String id = credit("crid-d", "MTX-D");
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/cancels", "crid-d2",
                cancelBy("referenceTransactionId", id, "VOID"));
        assertEquals("833", SimHttp.json(r).at("/error/0/code").asText());
    }

    @Test
    void inquiryByEveryReferenceReturnsAnArray() throws Exception {
        String id = credit("crid-i", "MTX-I");
        for (String[] ref : new String[][] {{"referenceTransactionId", id}, {"referenceClientRequestId", "crid-i"},
                {"referenceMerchantTransactionId", "MTX-I"}}) {
            HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/transaction-inquiry", "crid-q-" + ref[0],
                    inquiryBy(ref[0], ref[1]));
            assertEquals(201, r.statusCode(), r.body());
            JsonNode b = SimHttp.json(r);
            assertTrue(b.isArray());
            assertEquals(1, b.size(), ref[0]);
            assertEquals(id, b.at("/0/gatewayResponse/transactionProcessingDetails/transactionId").asText());
            assertEquals("AUTHORIZED", b.at("/0/gatewayResponse/transactionState").asText());
            assertEquals(18.00, b.at("/0/paymentReceipt/approvedAmount/total").decimalValue().doubleValue());
        }
        SimHttp.commerceHub(sim, "/payments/v1/cancels", "crid-x", cancelBy("referenceTransactionId", id, "VOID"));
        JsonNode after = SimHttp.json(SimHttp.commerceHub(sim, "/payments/v1/transaction-inquiry", "crid-q2",
                inquiryBy("referenceClientRequestId", "crid-i")));
        assertEquals("VOIDED", after.at("/0/gatewayResponse/transactionState").asText());
    }

    @Test
    void inquiryWithNoMatchIsAnEmptyArray() throws Exception {
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/transaction-inquiry", "crid-e",
                inquiryBy("referenceClientRequestId", "never-sent"));
        assertEquals(201, r.statusCode());
        assertEquals("[]", r.body());
        r = SimHttp.commerceHub(sim, "/payments/v1/transaction-inquiry", "crid-f", "{" + MERCHANT + "}");
        assertEquals(400, r.statusCode());
    }
}
