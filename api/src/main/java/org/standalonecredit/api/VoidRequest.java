package org.standalonecredit.api;

import java.util.Objects;
import java.util.Optional;

/** Void a credit: by the gateway's transaction id, or (timeout void) by the merchant's transaction id. */
public final class VoidRequest {
    public enum Reason { VOID, TIMEOUT }

    private final String gatewayTransactionId;
    private final String transactionId;
    private final Reason reason;
    private final String merchantReference;

    private VoidRequest(String gatewayTransactionId, String transactionId, Reason reason, String merchantReference) {
        this.gatewayTransactionId = gatewayTransactionId;
        this.transactionId = transactionId;
        this.reason = reason;
        this.merchantReference = merchantReference;
    }

    /** Void the credit the gateway identified as {@code gatewayTransactionId}. */
    public static VoidRequest ofCredit(String gatewayTransactionId) {
        requireText(gatewayTransactionId, "gatewayTransactionId");
        return new VoidRequest(gatewayTransactionId, null, Reason.VOID, null);
    }

    /** Timeout void: reverse whatever credit carried the merchant {@code transactionId}, if any. */
    public static VoidRequest timeout(String transactionId) {
        requireText(transactionId, "transactionId");
        return new VoidRequest(null, transactionId, Reason.TIMEOUT, null);
    }

    /** The merchant reference to send with the void, if the gateway takes one. */
    public VoidRequest withMerchantReference(String reference) {
        return new VoidRequest(gatewayTransactionId, transactionId, reason, reference);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(java.util.List.of(new FieldError(field, "is required")));
        }
    }

    public Optional<String> gatewayTransactionId() { return Optional.ofNullable(gatewayTransactionId); }
    public Optional<String> transactionId() { return Optional.ofNullable(transactionId); }
    public Reason reason() { return reason; }
    public Optional<String> merchantReference() { return Optional.ofNullable(merchantReference); }

    @Override
    public String toString() {
        return "VoidRequest[" + reason + ", " + Objects.requireNonNullElse(gatewayTransactionId, transactionId) + "]";
    }
}
