package org.standalonecredit.cybersource;

import org.standalonecredit.testkit.fakes.ScriptedTransport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.transport.Header;

/** Every answer shape of protocol notes §4 gives a typed outcome. */
class CreditResponseMappingTest {
    private static final String PAN = "4111111111111111";
    private final ScriptedTransport transport = new ScriptedTransport();

    private static CreditRequest.Builder request() {
        return CreditRequest.builder().amount("10.00", "USD").idempotencyKey("k-1").merchantReference("REF-1")
                .source(PaymentSource.card(PAN, CardExpiry.of(12, 2031), "123", null));
    }

    private CreditResult answer(int status, String body) {
        return answer(request().build(), status, body);
    }

    private CreditResult answer(CreditRequest request, int status, String body, Header... headers) {
        transport.answer(status, body, headers);
        try (CreditGateway gateway = TestGateways.cybersource(transport)) {
            return gateway.credit(request);
        }
    }

    @Test
    void completedIsApprovedWithTheCardsLastFour() {
        CreditResult result = answer(201, "{\"id\":\"1\",\"status\":\"COMPLETED\",\"creditAmountDetails\":{\"creditAmount\":\"10.00\","
                + "\"currency\":\"usd\"},\"paymentAccountInformation\":{\"card\":{\"type\":\"001\"}}}");
        assertEquals(CreditOutcome.APPROVED, result.outcome());
        assertEquals("1111", result.card().orElseThrow().lastFour());
    }

    @Test
    void aDeclineInsideA201IsDeclinedWithTheGatewaysReason() {
        CreditResult result = answer(201, "{\"id\":\"6\",\"status\":\"DECLINED\",\"errorInformation\":{\"reason\":\"INVALID_ACCOUNT\","
                + "\"message\":\"Decline - Invalid account number\"},\"processorInformation\":{\"responseCode\":\"14\"}}");
        assertEquals(CreditOutcome.DECLINED, result.outcome());
        assertEquals(OutcomeDetail.DECLINED_BY_ISSUER, result.detail());
        assertEquals(Optional.of("INVALID_ACCOUNT"), result.responseCode());
        assertEquals(Optional.of("Decline - Invalid account number"), result.responseMessage());
        assertEquals(Optional.of("6"), result.gatewayTransactionId());
        assertTrue(result.creditedAmount().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PENDING", "COMPLETED", "PENDING_REVIEW"})
    void aSuccessOrUnknownStatusBesideErrorInformationContradictsItselfAndIsUnknown(String status) {
        CreditResult result = answer(201, "{\"id\":\"7\",\"status\":\"" + status + "\",\"errorInformation\":{\"reason\":\"PROCESSOR_DECLINED\"},"
                + "\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"}}");
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.UNREADABLE_RESPONSE, result.detail());
        assertEquals(Optional.of("7"), result.reconciliation().orElseThrow().gatewayTransactionIdValue());
    }

    @Test
    void errorInformationWithoutAStatusIsADecline() {
        CreditResult result = answer(201, "{\"id\":\"8\",\"errorInformation\":{\"reason\":\"INVALID_ACCOUNT\"}}");
        assertEquals(CreditOutcome.DECLINED, result.outcome());
    }

    /** The last of two keys must not win: a duplicated key in an answer makes it unreadable, so the credit is UNKNOWN. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"9\",\"status\":\"COMPLETED\",\"status\":\"DECLINED\"}",
            "{\"id\":\"9\",\"status\":\"DECLINED\",\"status\":\"COMPLETED\",\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"}}",
            "{\"id\":\"9\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":\"99.00\",\"creditAmount\":\"10.00\",\"currency\":\"USD\"}}",
            "{\"id\":\"9\",\"id\":\"10\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"}}"})
    void aDuplicatedKeyInASuccessAnswerIsUnknown(String body) {
        CreditResult result = answer(201, body);
        assertEquals(CreditOutcome.UNKNOWN, result.outcome(), result.toString());
        assertEquals(OutcomeDetail.UNREADABLE_RESPONSE, result.detail());
        assertTrue(result.reconciliation().isPresent());
    }

    /** A timeout-class or conflict answer after sending says nothing about whether the credit was made. */
    @ParameterizedTest
    @ValueSource(ints = {408, 409, 423, 425, 499})
    void aClientErrorThatIsNotARefusalIsUnknown(int status) {
        CreditResult result = answer(status, "{\"status\":\"SERVER_ERROR\",\"reason\":\"SYSTEM_ERROR\",\"message\":\"try later\"}");
        assertEquals(CreditOutcome.UNKNOWN, result.outcome(), result.toString());
        assertEquals(status == 408 ? OutcomeDetail.GATEWAY_TIMEOUT : OutcomeDetail.GATEWAY_ERROR, result.detail());
        assertEquals(1, transport.sent.size(), "never re-sent");
    }

    @Test
    void invalidRequestIsRejectedNamingEveryField() {
        CreditResult result = answer(400, "{\"submitTimeUtc\":\"2026-11-22T12:02:31Z\",\"status\":\"INVALID_REQUEST\",\"reason\":\"MISSING_FIELD\","
                + "\"message\":\"Declined - The request is missing one or more fields\",\"details\":[{\"field\":\"orderInformation.amountDetails.currency\","
                + "\"reason\":\"MISSING_FIELD\"},{\"field\":\"paymentInformation.card.type\",\"reason\":\"INVALID_DATA\"}]}");
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals(OutcomeDetail.INVALID_REQUEST, result.detail());
        assertEquals(Optional.of("MISSING_FIELD"), result.responseCode());
        assertEquals(List.of("orderInformation.amountDetails.currency", "paymentInformation.card.type"),
                result.errors().stream().map(GatewayError::field).toList());
        assertEquals(List.of("MISSING_FIELD", "INVALID_DATA"), result.errors().stream().map(GatewayError::code).toList());
        assertTrue(result.reconciliation().isEmpty());
    }

    @Test
    void aDuplicateTransactionIdIsUnknownAndSaysToSearchByTransactionId() {
        CreditResult result = answer(request().transactionId("T-42").build(), 400, "{\"status\":\"INVALID_REQUEST\",\"reason\":\"DUPLICATE_REQUEST\","
                + "\"message\":\"Declined - The transaction identifier sent with this request has already been used in the last 60 days\"}");
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.DUPLICATE_TRANSACTION_ID, result.detail());
        assertEquals(Optional.of("T-42"), result.reconciliation().orElseThrow().transactionIdValue());
        assertTrue(result.reconciliation().get().advice().contains("StatusQuery.byTransactionId(\"T-42\")"));
        assertEquals(1, transport.sent.size(), "a duplicate is never re-sent");
    }

    @Test
    void unauthorizedIsAnAuthenticationFailureWithTheGatewaysMessage() {
        CreditResult result = answer(401, "{\"response\":{\"rmsg\":\"Authentication Failed\"}}");
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals(OutcomeDetail.AUTHENTICATION_FAILED, result.detail());
        assertEquals(Optional.of("Authentication Failed"), result.responseMessage());
    }

    @Test
    void forbiddenIsNotPermitted() {
        CreditResult result = answer(403, "");
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals(OutcomeDetail.NOT_PERMITTED, result.detail());
    }

    @Test
    void notFoundIsRejected() {
        CreditResult result = answer(404, "{\"errors\":[{\"type\":\"notFound\",\"message\":\"The requested resource does not exist\"}]}");
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals("notFound", result.errors().get(0).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SERVER_TIMEOUT", "SERVICE_TIMEOUT"})
    void aGatewayTimeoutIsUnknownWithAdviceToSearchByMerchantReference(String reason) {
        CreditResult result = answer(502, "{\"status\":\"SERVER_ERROR\",\"reason\":\"" + reason + "\",\"message\":\"Error - timeout\"}");
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.GATEWAY_TIMEOUT, result.detail());
        assertTrue(result.reconciliation().orElseThrow().advice().contains("StatusQuery.byMerchantReference(\"REF-1\")"),
                result.reconciliation().get().advice());
        assertEquals("k-1", result.reconciliation().get().idempotencyKey());
        assertEquals(1, transport.sent.size());
    }

    @Test
    void aSystemErrorDoesNotSayWhetherTheCreditHappened() {
        CreditResult result = answer(502, "{\"status\":\"SERVER_ERROR\",\"reason\":\"SYSTEM_ERROR\",\"message\":\"Error - General system failure.\"}");
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.GATEWAY_ERROR, result.detail());
        assertEquals(1, transport.sent.size(), "a sent credit is never re-posted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":", "", "<html><body>502 Bad Gateway</body></html>", "[1,2]", "{\"id\":\"1\"} trailing"})
    void anUnreadableAnswerIsUnknown(String body) {
        CreditResult result = answer(201, body);
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.UNREADABLE_RESPONSE, result.detail());
        assertTrue(result.reconciliation().isPresent());
    }

    @Test
    void anHtmlBadGatewayFromAProxyIsUnknown() {
        CreditResult result = answer(502, "<html><body>Bad Gateway</body></html>");
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.UNREADABLE_RESPONSE, result.detail());
    }

    @Test
    void anUnknownSuccessStatusIsNotTakenForASuccess() {
        CreditResult result = answer(201, "{\"id\":\"77\",\"status\":\"PENDING_REVIEW\"}");
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertTrue(result.reconciliation().orElseThrow().advice().contains("StatusQuery.byGatewayTransactionId(\"77\")"));
    }

    @Test
    void anUnreadableCreditedAmountIsNotASuccess() {
        CreditResult result = answer(201, "{\"id\":\"1\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":\"ten\",\"currency\":\"USD\"}}");
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.UNREADABLE_RESPONSE, result.detail());
    }

    @Test
    void theRawBodyIsKeptMasked() {
        CreditResult result = answer(201, "{\"id\":\"1\",\"status\":\"PENDING\",\"paymentInformation\":{\"card\":{\"number\":\"" + PAN
                + "\",\"securityCode\":\"123\"}},\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"}}");
        String body = result.maskedResponseBody().orElseThrow();
        assertFalse(body.contains(PAN));
        assertFalse(body.contains("\"123\""));
    }

    @Test
    void theCorrelationIdIsKeptForSupport() {
        CreditResult result = answer(request().build(), 502, "{\"status\":\"SERVER_ERROR\",\"reason\":\"SYSTEM_ERROR\"}",
                new Header("v-c-correlation-id", "corr-9"));
        assertEquals("corr-9", result.references().get("correlationId"));
        assertEquals("corr-9", result.reconciliation().orElseThrow().gatewayRequestId());
    }
}
