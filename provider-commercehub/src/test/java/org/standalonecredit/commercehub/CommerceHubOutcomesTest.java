package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.transport.TransportFailure;

/** How every kind of Commerce Hub answer maps to a neutral outcome. */
class CommerceHubOutcomesTest {
    private static final String CRID = "5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60";
    private static final CreditRequest REQUEST = TestGateways.cardCredit("12.04").merchantReference("INV-1").transactionId("txn-1").build();

    private static CreditResult map(int status, String body) {
        return CommerceHubOutcomes.answered(REQUEST, CRID, FakeTransport.response(status, body), 1, Instant.EPOCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUTHORIZED", "CAPTURED"})
    void approvedStatesWithAnApprovingProcessorAreApproved(String state) {
        CreditResult r = map(201, TestGateways.approved("12.04", "USD").replace("AUTHORIZED", state));
        assertEquals(CreditOutcome.APPROVED, r.outcome());
        assertEquals(new BigDecimal("12.04"), r.creditedAmount().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"twelve\"", "{\"value\":12.04}", "[12.04]", "1E+999", "\"1204000000000000000000000000000000000000000000.00\""})
    void anApprovalWhoseAmountCannotBeReadIsUnknownNotApproved(String total) {
        CreditResult r = map(201, TestGateways.approved(total, "USD"));
        assertEquals(CreditOutcome.UNKNOWN, r.outcome(), r.toString());
        assertEquals(OutcomeDetail.UNREADABLE_RESPONSE, r.detail());
        assertEquals("84356531338", r.reconciliation().orElseThrow().gatewayTransactionId());
        assertTrue(r.creditedAmount().isEmpty());
    }

    @Test
    void anApprovalWithoutAnAmountIsApprovedUnchecked() {
        CreditResult r = map(201, TestGateways.approved("null", "USD"));
        assertEquals(CreditOutcome.APPROVED, r.outcome());
        assertTrue(r.creditedAmount().isEmpty());
    }

    @Test
    void aRefundTransactionTypeReadsLikeACredit() {
        CreditResult r = map(201, TestGateways.approved("12.04", "USD").replace("\"CREDIT\"", "\"REFUND\""));
        assertEquals(CreditOutcome.APPROVED, r.outcome());
        assertEquals("REFUND", r.references().get("transactionType"));
    }

    @Test
    void responseCode000ApprovesWithoutAnApprovalStatus() {
        CreditResult r = map(201, TestGateways.approved("12.04", "USD").replace("\"approvalStatus\":\"APPROVED\",", ""));
        assertEquals(CreditOutcome.APPROVED, r.outcome());
    }

    @Test
    void aDeclineInA2xxIsDeclinedWithItsCode() {
        CreditResult r = map(201, """
                {"gatewayResponse":{"transactionState":"DECLINED","transactionProcessingDetails":{"transactionId":"t-9"}},
                 "paymentReceipt":{"processorResponseDetails":{"approvalStatus":"DECLINED","responseCode":"007",
                   "responseMessage":"Declined: Do Not Honor","hostResponseCode":"05"}}}""");
        assertEquals(CreditOutcome.DECLINED, r.outcome());
        assertEquals(OutcomeDetail.DECLINED_BY_ISSUER, r.detail());
        assertEquals("007", r.responseCode().orElseThrow());
        assertEquals("Declined: Do Not Honor", r.responseMessage().orElseThrow());
        assertEquals("05", r.references().get("hostResponseCode"));
        assertEquals("t-9", r.gatewayTransactionId().orElseThrow());
        assertTrue(r.creditedAmount().isEmpty());
    }

    @Test
    void aNonZeroResponseCodeOrAnErrorListIn2xxIsADecline() {
        assertEquals(CreditOutcome.DECLINED, map(201, """
                {"gatewayResponse":{"transactionState":"AUTHORIZING"},
                 "paymentReceipt":{"processorResponseDetails":{"responseCode":"051"}}}""").outcome());
        CreditResult withErrors = map(200, """
                {"gatewayResponse":{"transactionState":"DECLINED"},
                 "error":[{"type":"HOST","code":"051","message":"Insufficient funds"}]}""");
        assertEquals(CreditOutcome.DECLINED, withErrors.outcome());
        assertEquals("051", withErrors.responseCode().orElseThrow());
        assertEquals("[HOST] Insufficient funds", withErrors.responseMessage().orElseThrow());
    }

    @Test
    void contradictorySignalsAreUnknownNotApproved() {
        CreditResult r = map(201, TestGateways.approved("12.04", "USD").replace("\"responseCode\":\"000\"", "\"responseCode\":\"009\""));
        assertEquals(CreditOutcome.UNKNOWN, r.outcome());
        assertEquals(OutcomeDetail.UNREADABLE_RESPONSE, r.detail());
        assertEquals("84356531338", r.reconciliation().orElseThrow().gatewayTransactionId());
    }

    @Test
    void waitingIsPendingSettlement() {
        CreditResult r = map(201, """
                {"gatewayResponse":{"transactionState":"PENDING","transactionProcessingDetails":{"transactionId":"t-1"}},
                 "paymentReceipt":{"approvedAmount":{"total":12.04,"currency":"USD"},
                   "processorResponseDetails":{"approvalStatus":"WAITING","responseMessage":"Transaction Placed in Queue"}}}""");
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, r.outcome());
    }

    @Test
    void validationFailedIsAnInvalidRequest() {
        CreditResult r = map(201, """
                {"gatewayResponse":{"transactionState":"DECLINED"},
                 "paymentReceipt":{"processorResponseDetails":{"approvalStatus":"VALIDATION_FAILED"}}}""");
        assertEquals(CreditOutcome.REJECTED, r.outcome());
        assertEquals(OutcomeDetail.INVALID_REQUEST, r.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"id\":", "<html><body>Bad gateway</body></html>", "[]", "42", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}"})
    void anUnreadable2xxIsUnknownWithReconciliation(String body) {
        CreditResult r = map(201, body);
        assertEquals(CreditOutcome.UNKNOWN, r.outcome());
        assertEquals(OutcomeDetail.UNREADABLE_RESPONSE, r.detail());
        assertEquals(REQUEST.idempotencyKey(), r.reconciliation().orElseThrow().idempotencyKey());
        assertEquals(CRID, r.reconciliation().orElseThrow().gatewayRequestId());
        assertEquals("INV-1", r.reconciliation().orElseThrow().merchantReference());
        assertEquals("txn-1", r.reconciliation().orElseThrow().transactionId());
        assertTrue(r.reconciliation().orElseThrow().advice().contains("StatusQuery.byIdempotencyKey"));
    }

    @Test
    void a2xxWithNeitherApprovalNorDeclineIsUnknown() {
        assertEquals(CreditOutcome.UNKNOWN, map(201, "{\"gatewayResponse\":{\"transactionState\":\"AUTHORIZED\"}}").outcome());
    }

    @ParameterizedTest
    @CsvSource({
            "400, REJECTED, INVALID_REQUEST",
            "401, REJECTED, AUTHENTICATION_FAILED",
            "403, REJECTED, NOT_PERMITTED",
            "404, REJECTED, GATEWAY_REFUSED",
            "415, REJECTED, GATEWAY_REFUSED",
            "429, REJECTED, RATE_LIMITED",
            "408, UNKNOWN, GATEWAY_TIMEOUT",
            "409, UNKNOWN, GATEWAY_ERROR",
            "425, UNKNOWN, GATEWAY_ERROR",
            "499, UNKNOWN, GATEWAY_ERROR",
            "504, UNKNOWN, GATEWAY_TIMEOUT",
            "500, UNKNOWN, GATEWAY_ERROR",
            "502, UNKNOWN, GATEWAY_ERROR",
            "503, UNKNOWN, GATEWAY_ERROR",
            "302, UNKNOWN, GATEWAY_ERROR"})
    void httpErrorsMapByStatus(int status, CreditOutcome outcome, OutcomeDetail detail) {
        CreditResult r = map(status, "<html>proxy</html>");
        assertEquals(outcome, r.outcome());
        assertEquals(detail, r.detail());
        assertEquals(status, r.httpStatus());
        assertEquals(outcome == CreditOutcome.UNKNOWN, r.reconciliation().isPresent());
        assertEquals("HTTP " + status, r.responseMessage().orElseThrow());
    }

    @Test
    void a400KeepsTheGatewayErrors() {
        CreditResult r = map(400, """
                {"gatewayResponse":{"transactionProcessingDetails":{"apiTraceId":"7027b61d","clientRequestId":"%s"}},
                 "error":[{"type":"GATEWAY","code":"105","field":"amount.currency","message":"Invalid amount or currency"}]}"""
                .formatted(CRID));
        assertEquals(CreditOutcome.REJECTED, r.outcome());
        assertEquals(new GatewayError("105", "amount.currency", "[GATEWAY] Invalid amount or currency"), r.errors().get(0));
        assertEquals("105", r.responseCode().orElseThrow());
        assertEquals("7027b61d", r.references().get("apiTraceId"));
    }

    @Test
    void a401FromTheApiGatewayIsAnAuthenticationFailure() {
        CreditResult r = map(401, "{\"error\":[{\"type\":\"APIM\",\"message\":\"ApiKey and/or Authentication supplied are invalid.\"}]}");
        assertEquals(OutcomeDetail.AUTHENTICATION_FAILED, r.detail());
        assertEquals("APIM", r.errors().get(0).code());
        assertEquals("[APIM] ApiKey and/or Authentication supplied are invalid.", r.responseMessage().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "600|Fraud Error: General|Block Duplicate",
            "613|Blocked: Duplicate Transaction|",
            "136|Another Transaction With Same OrderId/Transaction Id Currently Being Processed|",
            "816|Duplicate Refund|"})
    void a400SayingDuplicateIsUnknownBecauseTheOriginalMayHaveCredited(String code, String message, String info) {
        String additional = info == null ? "" : ",\"additionalInfo\":\"" + info + "\"";
        CreditResult r = map(400, "{\"gatewayResponse\":{\"transactionState\":\"DECLINED\"},\"error\":[{\"type\":\"GATEWAY\",\"code\":\""
                + code + "\",\"message\":\"" + message + "\"" + additional + "}]}");
        assertEquals(CreditOutcome.UNKNOWN, r.outcome());
        assertEquals(OutcomeDetail.DUPLICATE_TRANSACTION_ID, r.detail());
    }

    @Test
    void aFraudBlockThatIsNotADuplicateIsRejected() {
        CreditResult r = map(400, "{\"error\":[{\"type\":\"GATEWAY\",\"code\":\"600\",\"message\":\"Fraud Error: General\",\"additionalInfo\":\"Velocity\"}]}");
        assertEquals(CreditOutcome.REJECTED, r.outcome());
    }

    @Test
    void noAnswerAfterSendingIsUnknownAndBeforeSendingIsNotSent() {
        CreditResult sent = CommerceHubOutcomes.noAnswer(REQUEST, CRID,
                new TransportFailure(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT, "t", null), 3, Instant.EPOCH);
        assertEquals(CreditOutcome.UNKNOWN, sent.outcome());
        assertEquals(OutcomeDetail.NO_RESPONSE, sent.detail());
        assertEquals(3, sent.attempts());
        assertEquals(0, sent.httpStatus());
        CreditResult notSent = CommerceHubOutcomes.noAnswer(REQUEST, CRID,
                new TransportFailure(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED, "t", null), 2, Instant.EPOCH);
        assertEquals(CreditOutcome.NOT_SENT, notSent.outcome());
        assertFalse(notSent.reconciliation().isPresent());
    }

    @Test
    void theMaskedBodyShowsNoCardNumber() {
        CreditResult r = map(201, TestGateways.approved("12.04", "USD").replace("\"last4\":\"0019\"", "\"cardData\":\"4005550000000019\""));
        assertFalse(r.maskedResponseBody().orElseThrow().contains("4005550000000019"));
    }
}
