package org.standalonecredit.cybersource;

import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.Reconciliation;

/**
 * What to tell a caller whose credit has an unknown outcome. Cybersource has no idempotency key: a credit
 * is found again by its gateway id, by the merchant's transactionId (search, or a timeout void), or by the
 * merchant reference (search). Never by sending it again.
 */
final class ReconciliationAdvice {
    private ReconciliationAdvice() {
    }

    static Reconciliation of(CreditRequest request, String gatewayTransactionId, String gatewayRequestId, String situation) {
        return new Reconciliation(request.idempotencyKey(), request.merchantReference().orElse(null),
                request.transactionId().orElse(null), gatewayTransactionId, gatewayRequestId,
                situation + " " + lookUp(request, gatewayTransactionId) + " Do not send this credit again before you know.");
    }

    /** For a 400 DUPLICATE_REQUEST: an earlier credit carried the same transactionId and may have credited. */
    static Reconciliation duplicate(CreditRequest request, String gatewayRequestId) {
        String transactionId = request.transactionId().orElse("");
        return new Reconciliation(request.idempotencyKey(), request.merchantReference().orElse(null), transactionId, null,
                gatewayRequestId, "Cybersource already has a credit with transactionId " + transactionId
                        + ", which may have credited the card. Find it with status(StatusQuery.byTransactionId(\"" + transactionId
                        + "\")); do not send this credit again, and use a new transactionId only for a new credit.");
    }

    private static String lookUp(CreditRequest request, String gatewayTransactionId) {
        if (gatewayTransactionId != null) {
            return "Look it up with status(StatusQuery.byGatewayTransactionId(\"" + gatewayTransactionId
                    + "\")); void it with voidCredit(VoidRequest.ofCredit(\"" + gatewayTransactionId + "\")) if it must not stand.";
        }
        if (request.transactionId().isPresent()) {
            String id = request.transactionId().get();
            return "Search for it with status(StatusQuery.byTransactionId(\"" + id + "\")), or reverse whatever was credited with "
                    + "voidCredit(VoidRequest.timeout(\"" + id + "\")).";
        }
        if (request.merchantReference().isPresent()) {
            return "No transactionId was sent, so a timeout void is not possible: search by merchant reference with "
                    + "status(StatusQuery.byMerchantReference(\"" + request.merchantReference().get()
                    + "\")) (the search index may lag a few minutes).";
        }
        return "No transactionId and no merchant reference were sent, so neither a timeout void nor a search by merchant "
                + "reference can find it: look for the amount and time in the Business Center transaction search.";
    }
}
