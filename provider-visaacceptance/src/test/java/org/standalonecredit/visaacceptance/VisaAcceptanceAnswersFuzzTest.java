package org.standalonecredit.visaacceptance;

import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.testkit.fuzz.CardNumberRuns;
import org.standalonecredit.testkit.fuzz.FuzzAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import java.util.Set;
import org.standalonecredit.api.CreditException;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;

/**
 * Jazzer fuzz test of the Visa Acceptance credit answer (FUZZING.md): the Cybersource family's parser
 * behind Visa Acceptance's own provider id, hosts and mass-transit rule, from the seed 003 answer on.
 * Without JAZZER_FUZZ it runs each input of
 * {@code src/test/resources/org/standalonecredit/visaacceptance/VisaAcceptanceAnswersFuzzTestInputs/creditAnswer/}
 * once. Voids and look-ups are the Cybersource module's code and fuzzed there.
 */
class VisaAcceptanceAnswersFuzzTest {
    private static final CreditRequest CREDIT = TestGateways.seed003().merchantReference("REF-FUZZ-3").build();
    private static final AnswerTransport TRANSPORT = new AnswerTransport();
    private static final CreditGateway GATEWAY = ((JournaledCreditGateway) TestGateways.create(TestGateways.config(Map.of()), TRANSPORT)).delegate();

    @FuzzTest(maxDuration = "15s")
    void creditAnswer(byte[] input) {
        FuzzAnswer answer = FuzzAnswer.parse(input, 201);
        TRANSPORT.next = answer.response();
        CreditResult r;
        try {
            r = GATEWAY.credit(CREDIT);
        } catch (CreditException typed) {
            return;
        }
        assertNotNull(r.outcome());
        assertNotNull(r.toString(), "a result can be logged");
        assertEquals("visa-acceptance", r.providerId());
        assertEquals(answer.status(), r.httpStatus());
        assertEquals(1, r.attempts(), "a credit is never sent twice");
        assertNotEquals(CreditOutcome.NOT_SENT, r.outcome(), "the credit was sent and answered");
        if (r.outcome().isSuccess()) {
            assertEquals(OutcomeDetail.NONE, r.detail());
            assertTrue(r.httpStatus() >= 200 && r.httpStatus() < 300, "only a 2xx answer is a success, not HTTP " + r.httpStatus());
            assertTrue(r.errors().isEmpty(), "a success carries no gateway errors");
            assertTrue(r.reconciliation().isEmpty(), "a success needs no reconciliation");
            assertTrue(r.gatewayStatus().isPresent(), "a success says which gateway status made it one");
            r.creditedAmount().ifPresent(a -> assertTrue(CREDIT.amount().matches(a, r.creditedCurrency().orElse(null))));
        }
        if (r.httpStatus() >= 500) {
            assertEquals(CreditOutcome.UNKNOWN, r.outcome(), "a 5xx does not say whether the credit was made");
        }
        Set<String> pans = CardNumberRuns.in(input);
        CardNumberRuns.assertNoneIn(pans, "responseMessage", r.responseMessage().orElse(null));
        CardNumberRuns.assertNoneIn(pans, "maskedResponseBody", r.maskedResponseBody().orElse(null));
        for (GatewayError e : r.errors()) {
            CardNumberRuns.assertNoneIn(pans, "a gateway error", e.toString());
        }
        r.reconciliation().ifPresent(rec -> {
            Set<String> shown = new java.util.LinkedHashSet<>(pans);
            shown.removeIf(pan -> rec.gatewayTransactionId() != null && rec.gatewayTransactionId().contains(pan)
                    || rec.gatewayRequestId() != null && rec.gatewayRequestId().contains(pan));
            CardNumberRuns.assertNoneIn(shown, "reconciliation advice", rec.advice());
        });
    }

    /** Answers every request with the current fuzz input. */
    private static final class AnswerTransport implements HttpTransport {
        InboundResponse next;

        @Override
        public InboundResponse execute(OutboundRequest request) {
            return next;
        }

        @Override
        public void close() {
        }
    }
}
