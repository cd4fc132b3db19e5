package org.standalonecredit.api;

import java.util.Optional;

/**
 * What a caller needs to find out what really happened to a credit with an unknown outcome:
 * the keys to look it up by, and a sentence on how.
 */
public record Reconciliation(String idempotencyKey, String merchantReference, String transactionId,
                             String gatewayTransactionId, String gatewayRequestId, String advice) {

    public Optional<String> merchantReferenceValue() {
        return Optional.ofNullable(merchantReference);
    }

    public Optional<String> transactionIdValue() {
        return Optional.ofNullable(transactionId);
    }

    public Optional<String> gatewayTransactionIdValue() {
        return Optional.ofNullable(gatewayTransactionId);
    }
}
