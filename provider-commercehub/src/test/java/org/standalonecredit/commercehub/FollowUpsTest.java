package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

class FollowUpsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MERCHANT = "{\"merchantId\":\"100008000003683\",\"terminalId\":\"10000001\"}";
    private static final String CANCELLED = """
            {"gatewayResponse":{"transactionType":"CANCEL","transactionState":"VOIDED",
              "transactionProcessingDetails":{"transactionId":"c-1"}},
             "paymentReceipt":{"processorResponseDetails":{"approvalStatus":"APPROVED","responseCode":"000"}}}""";
    private final TestGateways env = new TestGateways();

    private JsonNode body(OutboundRequest r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void voidsACreditByItsCommerceHubTransactionId() throws IOException {
        env.transport.answer(201, CANCELLED);
        VoidResult result;
        try (CreditGateway gateway = env.gateway()) {
            result = gateway.voidCredit(VoidRequest.ofCredit("84356531338"));
        }
        assertEquals(FollowUpOutcome.DONE, result.outcome());
        assertEquals("c-1", result.voidId());
        assertEquals("VOIDED", result.gatewayStatus());
        OutboundRequest sent = env.transport.sent().get(0);
        assertEquals("https://connect-cert.fiservapis.com/ch/payments/v1/cancels", sent.uri().toString());
        assertEquals(JSON.readTree("{\"referenceTransactionDetails\":{\"referenceTransactionId\":\"84356531338\"},"
                + "\"transactionDetails\":{\"reversalReasonCode\":\"VOID\"},\"merchantDetails\":" + MERCHANT + "}"), body(sent));
    }

    @Test
    void aTimeoutVoidReferencesTheMerchantTransactionId() throws IOException {
        env.transport.answer(201, CANCELLED);
        try (CreditGateway gateway = env.gateway()) {
            assertTrue(gateway.voidCredit(VoidRequest.timeout("txn-42")).voided());
        }
        assertEquals(JSON.readTree("{\"referenceTransactionDetails\":{\"referenceMerchantTransactionId\":\"txn-42\"},"
                + "\"transactionDetails\":{\"reversalReasonCode\":\"TIMEOUT\"},\"merchantDetails\":" + MERCHANT + "}"),
                body(env.transport.sent().get(0)));
    }

    @Test
    void voidAnswersMapToFollowUpOutcomes() {
        env.transport.answer(400, "{\"error\":[{\"type\":\"GATEWAY\",\"code\":\"831\",\"message\":\"Unable to Cancel: No Transaction Found\"}]}")
                .answer(400, "{\"error\":[{\"type\":\"GATEWAY\",\"code\":\"829\",\"message\":\"Unable to Cancel: Transaction Settled\"}]}")
                .answer(201, "{\"gatewayResponse\":{\"transactionState\":\"DECLINED\"},\"error\":[{\"code\":\"833\"}]}")
                .answer(201, "not json")
                .fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED)
                .fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED)
                .fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED);
        try (CreditGateway gateway = env.gateway()) {
            assertEquals(FollowUpOutcome.NOT_FOUND, gateway.voidCredit(VoidRequest.ofCredit("1")).outcome());
            VoidResult settled = gateway.voidCredit(VoidRequest.ofCredit("2"));
            assertEquals(FollowUpOutcome.REJECTED, settled.outcome());
            assertEquals("829", settled.errors().get(0).code());
            assertEquals(FollowUpOutcome.REJECTED, gateway.voidCredit(VoidRequest.ofCredit("3")).outcome());
            assertEquals(FollowUpOutcome.UNKNOWN, gateway.voidCredit(VoidRequest.ofCredit("4")).outcome());
            assertEquals(FollowUpOutcome.NOT_SENT, gateway.voidCredit(VoidRequest.ofCredit("5")).outcome());
        }
    }

    @Test
    void inquiresByEachSupportedReference() throws IOException {
        env.transport.otherwise(r -> FakeTransport.response(201, "[]"));
        try (CreditGateway gateway = env.gateway()) {
            gateway.status(StatusQuery.byGatewayTransactionId("84356531338"));
            gateway.status(StatusQuery.byTransactionId("txn-42"));
            gateway.status(StatusQuery.byIdempotencyKey("order-7:refund-1"));
        }
        var sent = env.transport.sentTo("/payments/v1/transaction-inquiry");
        assertEquals(JSON.readTree("{\"referenceTransactionDetails\":{\"referenceTransactionId\":\"84356531338\"},\"merchantDetails\":" + MERCHANT + "}"),
                body(sent.get(0)));
        assertEquals("txn-42", body(sent.get(1)).at("/referenceTransactionDetails/referenceMerchantTransactionId").asText());
        assertEquals(ClientRequestIds.forIdempotencyKey("order-7:refund-1"),
                body(sent.get(2)).at("/referenceTransactionDetails/referenceClientRequestId").asText());
        assertEquals(3, sent.stream().map(r -> r.headers().stream().filter(h -> h.name().equals("Client-Request-Id"))
                .findFirst().orElseThrow().value()).distinct().count(), "every follow-up has its own Client-Request-Id");
    }

    @Test
    void readsTheInquiryArray() {
        env.transport.answer(201, "[" + TestGateways.approved("12.04", "USD").replace("\"orderId\"",
                "\"transactionTimestamp\":\"2021-06-20T23:42:48Z\",\"orderId\"").replace("\"source\"",
                "\"transactionDetails\":{\"merchantInvoiceNumber\":\"INV-1\",\"merchantTransactionId\":\"txn-1\"},\"source\"") + ","
                + "{\"gatewayResponse\":{\"transactionState\":\"VOIDED\",\"transactionProcessingDetails\":{\"transactionId\":\"t-2\"}},"
                + "\"amount\":{\"total\":5.00,\"currency\":\"EUR\"},"
                + "\"paymentReceipt\":{\"processorResponseDetails\":{\"approvalStatus\":\"APPROVED\"}}}]");
        StatusResult result;
        try (CreditGateway gateway = env.gateway()) {
            result = gateway.status(StatusQuery.byGatewayTransactionId("84356531338"));
        }
        assertEquals(FollowUpOutcome.DONE, result.outcome());
        assertEquals(2, result.credits().size());
        assertEquals(new CreditStatus("84356531338", CreditOutcome.APPROVED, "AUTHORIZED", new BigDecimal("12.04"), "USD", "INV-1",
                "txn-1", false, Instant.parse("2021-06-20T23:42:48Z")), result.credits().get(0));
        CreditStatus voided = result.credits().get(1);
        assertTrue(voided.voided());
        assertEquals(CreditOutcome.APPROVED, voided.outcome());
        assertEquals(0, new BigDecimal("5.00").compareTo(voided.amount()));
    }

    @Test
    void inquiryAnswersMapToFollowUpOutcomes() {
        env.transport.answer(201, "[]")
                .answer(404, "{\"error\":[{\"type\":\"APIM\",\"message\":\"Resource not found\"}]}")
                .answer(400, "{\"error\":[{\"type\":\"GATEWAY\",\"code\":\"764\",\"message\":\"Referenced transaction not found\"}]}")
                .answer(401, "{\"error\":[{\"type\":\"APIM\",\"message\":\"ApiKey and/or Authentication supplied are invalid.\"}]}")
                .answer(201, "<html/>");
        try (CreditGateway gateway = env.gateway()) {
            StatusResult empty = gateway.status(StatusQuery.byTransactionId("a"));
            assertEquals(FollowUpOutcome.DONE, empty.outcome());
            assertTrue(empty.foundNone());
            assertEquals(FollowUpOutcome.NOT_FOUND, gateway.status(StatusQuery.byTransactionId("b")).outcome());
            assertEquals(FollowUpOutcome.NOT_FOUND, gateway.status(StatusQuery.byTransactionId("c")).outcome());
            assertEquals(FollowUpOutcome.REJECTED, gateway.status(StatusQuery.byTransactionId("d")).outcome());
            StatusResult unreadable = gateway.status(StatusQuery.byTransactionId("e"));
            assertEquals(FollowUpOutcome.UNKNOWN, unreadable.outcome());
            assertFalse(unreadable.foundNone(), "an unreadable answer must not read as 'no credit'");
        }
    }
}
