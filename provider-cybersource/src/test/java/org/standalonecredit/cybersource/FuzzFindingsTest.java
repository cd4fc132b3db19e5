package org.standalonecredit.cybersource;

import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.testkit.fakes.ScriptedTransport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;

/** What the answer fuzzers found, pinned down (FUZZING.md); their inputs are in the fuzz corpus too. */
class FuzzFindingsTest {
    private static final String PAN = "4111111111111111";
    private final ScriptedTransport transport = new ScriptedTransport();
    private final CreditGateway gateway = ((JournaledCreditGateway) TestGateways.create(TestGateways.config("cybersource", Map.of()), transport, new ArrayList<>())).delegate();

    @Test
    void a5xxWithoutAReasonIsUnknownInsteadOfANullPointerException() {
        transport.answer(500, "{\"status\":\"SERVER_ERROR\",\"message\":\"General system failure\"}");
        CreditResult result = gateway.credit(CybersourceAnswerTargets.CREDIT);
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.GATEWAY_ERROR, result.detail());
        assertTrue(result.reconciliation().orElseThrow().advice().startsWith("Cybersource answered HTTP 500, which does not say"),
                result.reconciliation().get().advice());
    }

    @Test
    void errorCodesAndFieldsAreMaskedLikeMessages() {
        transport.answer(400, "{\"status\":\"INVALID_REQUEST\",\"reason\":\"" + PAN + "\",\"details\":[{\"field\":\"card=" + PAN
                + "\",\"reason\":\"INVALID_DATA\"}],\"errors\":[{\"type\":\"" + PAN + "\",\"message\":\"x\"}]}");
        CreditResult result = gateway.credit(CybersourceAnswerTargets.CREDIT);
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals(2, result.errors().size());
        for (GatewayError e : result.errors()) {
            assertFalse(e.toString().contains(PAN), e.toString());
        }
        assertEquals("card=411111******1111", result.errors().get(0).field());
        assertEquals("INVALID_DATA", result.errors().get(0).code());
    }

    @Test
    void theAdviceForAnUnknownStatusWordMasksIt() {
        transport.answer(201, "{\"id\":\"1\",\"status\":\"" + PAN + "\"}");
        CreditResult result = gateway.credit(CybersourceAnswerTargets.CREDIT);
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        String advice = result.reconciliation().orElseThrow().advice();
        assertTrue(advice.contains("status '411111******1111'"), advice);
    }

    @Test
    void aSearchAnswerThatListsNoSummariesIsNoProofThatNoneWasFound() {
        transport.answer(201, "{\"status\":\"ERROR\",\"message\":\"search index unavailable\"}");
        StatusResult result = gateway.status(StatusQuery.byTransactionId("T-1"));
        assertEquals(FollowUpOutcome.UNKNOWN, result.outcome());
        assertFalse(result.foundNone(), "a caller would send the credit again");
    }

    @Test
    void summariesThatAreNotAListOfTransactionsAreUnreadable() {
        transport.answer(201, "{\"count\":0,\"_embedded\":{\"transactionSummaries\":\"\"}}")
                .answer(201, "{\"count\":1,\"_embedded\":{\"transactionSummaries\":[\"" + CybersourceAnswerTargets.GATEWAY_ID + "\"]}}");
        assertEquals(FollowUpOutcome.UNKNOWN, gateway.status(StatusQuery.byTransactionId("T-1")).outcome());
        assertEquals(FollowUpOutcome.UNKNOWN, gateway.status(StatusQuery.byTransactionId("T-1")).outcome());
    }

    @Test
    void aSearchThatCountsNothingStillFindsNone() {
        transport.answer(201, "{\"searchId\":\"s3\",\"count\":0,\"totalCount\":0}")
                .answer(201, "{\"count\":0,\"_embedded\":{\"transactionSummaries\":[]}}");
        assertTrue(gateway.status(StatusQuery.byTransactionId("T-1")).foundNone());
        assertTrue(gateway.status(StatusQuery.byTransactionId("T-1")).foundNone());
    }

    @Test
    void aCardNumberAsAJsonKeyOrAFractionIsMaskedInTheKeptBody() {
        transport.answer(201, "{\"id\":\"1\",\"status\":\"PENDING\",\"" + PAN + "\":1,\"shown\":0." + PAN + "}");
        CreditResult result = gateway.credit(CybersourceAnswerTargets.CREDIT);
        String body = result.maskedResponseBody().orElseThrow();
        assertFalse(body.contains(PAN), body);
        assertTrue(body.contains("\"411111******1111\":1"), body);
    }

    @Test
    void anAmountWithAHugeExponentIsUnreadableInsteadOfANegativeArraySizeException() {
        transport.answer(201, "{\"id\":\"1\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":1E+2147483647,\"currency\":\"USD\"}}")
                .answer(201, "{\"id\":\"1\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":\"1e999999999\",\"currency\":\"USD\"}}");
        for (int i = 0; i < 2; i++) {
            CreditResult result = gateway.credit(CybersourceAnswerTargets.CREDIT);
            assertEquals(CreditOutcome.UNKNOWN, result.outcome());
            assertEquals(OutcomeDetail.UNREADABLE_RESPONSE, result.detail());
            assertTrue(result.creditedAmount().isEmpty());
        }
    }

    @Test
    void aLookedUpAmountWithAHugeExponentIsLeftOut() {
        transport.answer(200, "{\"id\":\"1\",\"status\":\"PENDING\",\"orderInformation\":{\"amountDetails\":{\"totalAmount\":1E+2147483647,"
                + "\"currency\":\"USD\"}}}");
        StatusResult result = gateway.status(StatusQuery.byGatewayTransactionId("1"));
        assertEquals(FollowUpOutcome.DONE, result.outcome());
        assertEquals(null, result.credits().get(0).amount());
    }

    @Test
    void anEchoMismatchMasksWhatWasEchoed() {
        transport.answer(201, "{\"id\":\"1\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":\"" + PAN + "\",\"currency\":\"USD\"}}");
        CreditResult result = gateway.credit(CybersourceAnswerTargets.CREDIT);
        assertEquals(OutcomeDetail.ECHO_MISMATCH, result.detail());
        String advice = result.reconciliation().orElseThrow().advice();
        assertTrue(advice.startsWith("The gateway echoed 411111******1111 USD for a request of"), advice);
    }
}
