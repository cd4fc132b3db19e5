package org.standalonecredit.example;

import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.kit.HttpStatuses;
import org.standalonecredit.kit.json.JsonMasking;

/**
 * Maps one answered attempt to a neutral result. The rule: only a definite answer about the credit is
 * APPROVED, PENDING_SETTLEMENT or DECLINED; only a status that says "refused, not processed"
 * ({@link HttpStatuses#isRefusal}) is REJECTED; everything else after sending is UNKNOWN, with a
 * reconciliation, because the credit may have been made.
 */
final class ExampleOutcomes {

    /**
     * @param base           a builder with provider id, idempotency key and attempts filled in
     * @param reconciliation how to find the credit if the outcome is unknown
     */
    static CreditResult map(CreditResult.Builder base, InboundResponse response, ExampleResponses.Answer answer,
                            Reconciliation reconciliation) {
        int status = response.status();
        CreditResult.Builder b = base.httpStatus(status).maskedResponseBody(JsonMasking.maskBody(response.body()));
        if (answer.errorCode() != null) {
            b.responseCode(answer.errorCode());
        }
        if (answer.errorMessage() != null) {
            // a gateway's text may echo what it was sent: masked like any text from a gateway
            b.responseMessage(Masking.maskText(answer.errorMessage()));
        }
        if (status == 401 || status == 403) {
            return b.outcome(CreditOutcome.REJECTED, OutcomeDetail.AUTHENTICATION_FAILED).build();
        }
        if (HttpStatuses.isRefusal(status)) {
            return b.outcome(CreditOutcome.REJECTED, OutcomeDetail.INVALID_REQUEST).build();
        }
        if (status < 200 || status > 299 || !answer.isCredit()) {
            OutcomeDetail detail = status >= 200 && status <= 299 ? OutcomeDetail.UNREADABLE_RESPONSE : OutcomeDetail.GATEWAY_ERROR;
            return b.outcome(CreditOutcome.UNKNOWN, detail).reconciliation(reconciliation).build();
        }
        b.gatewayTransactionId(answer.id()).gatewayStatus(answer.status());
        if (answer.amount() != null) {
            b.creditedAmount(answer.amount(), answer.currency());
        }
        return switch (answer.status()) {
            case "approved" -> b.outcome(CreditOutcome.APPROVED).build();
            case "pending" -> b.outcome(CreditOutcome.PENDING_SETTLEMENT).build();
            case "declined" -> b.outcome(CreditOutcome.DECLINED, OutcomeDetail.DECLINED_BY_ISSUER).build();
            default -> b.outcome(CreditOutcome.UNKNOWN, OutcomeDetail.UNREADABLE_RESPONSE).reconciliation(reconciliation).build();
        };
    }

    private ExampleOutcomes() {
    }
}
