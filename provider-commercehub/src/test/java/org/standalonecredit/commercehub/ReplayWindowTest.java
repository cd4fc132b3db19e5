package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.transport.TransportFailure;

/** A key re-submitted after Commerce Hub's replay window is looked up before anything is sent again. */
class ReplayWindowTest {
    private static final String CRID = "5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60";
    private final TestGateways env = new TestGateways().with("credit.retry.max-resends-after-sent", "0");
    private final CreditRequest request = TestGateways.cardCredit("12.04").build();
    private CreditGateway gateway;

    @BeforeEach
    void firstAttemptLosesItsAnswer() {
        env.transport.fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT);
        gateway = env.providerGateway();
        assertEquals(CreditOutcome.UNKNOWN, gateway.credit(request).outcome());
        env.clock.advance(Duration.ofMinutes(6));
    }

    @Test
    void aCreditFoundByInquiryIsReturnedWithoutSendingAgain() throws IOException {
        env.transport.answer(201, "[" + TestGateways.approved("12.04", "USD") + "]");
        CreditResult result = gateway.credit(request);

        assertEquals(CreditOutcome.APPROVED, result.outcome());
        assertEquals("84356531338", result.gatewayTransactionId().orElseThrow());
        assertEquals("transaction-inquiry", result.references().get("resolvedBy"));
        assertEquals(0, result.attempts());
        assertEquals(1, env.transport.sentTo("/payments/v1/credits").size());
        var inquiry = env.transport.sentTo("/payments/v1/transaction-inquiry");
        assertEquals(1, inquiry.size());
        assertEquals(CRID, new ObjectMapper().readTree(inquiry.get(0).body())
                .at("/referenceTransactionDetails/referenceClientRequestId").asText());
    }

    @Test
    void nothingFoundMeansTheCreditIsSentAgain() {
        env.transport.answer(201, "[]").answer(201, TestGateways.approved("12.04", "USD"));
        assertEquals(CreditOutcome.APPROVED, gateway.credit(request).outcome());
        assertEquals(2, env.transport.sentTo("/payments/v1/credits").size());
    }

    @Test
    void anInquiryWithoutAnswerSendsNothingAndStaysUnknown() {
        env.transport.otherwise(r -> new TransportFailure(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT, "t", null));
        CreditResult result = gateway.credit(request);
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertTrue(result.responseMessage().orElseThrow().contains("nothing was sent"));
        assertEquals(1, env.transport.sentTo("/payments/v1/credits").size());
    }

    @Test
    void aDeclinedCreditFoundByInquiryIsReturnedAsDeclined() {
        env.transport.answer(201, """
                [{"gatewayResponse":{"transactionState":"DECLINED","transactionProcessingDetails":{"transactionId":"t-2"}},
                  "paymentReceipt":{"processorResponseDetails":{"approvalStatus":"DECLINED","responseCode":"007"}}}]""");
        assertEquals(CreditOutcome.DECLINED, gateway.credit(request).outcome());
        assertEquals(1, env.transport.sentTo("/payments/v1/credits").size());
    }
}
