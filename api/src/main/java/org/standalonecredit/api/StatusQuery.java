package org.standalonecredit.api;

import java.util.List;

/** How to look up credits: by one key. */
public record StatusQuery(By by, String value) {
    public enum By { GATEWAY_TRANSACTION_ID, MERCHANT_REFERENCE, TRANSACTION_ID, IDEMPOTENCY_KEY }

    public StatusQuery {
        if (by == null) {
            throw new InvalidRequestException(List.of(new FieldError("by", "is required")));
        }
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("value", "is required")));
        }
    }

    public static StatusQuery byGatewayTransactionId(String id) { return new StatusQuery(By.GATEWAY_TRANSACTION_ID, id); }
    public static StatusQuery byMerchantReference(String reference) { return new StatusQuery(By.MERCHANT_REFERENCE, reference); }
    public static StatusQuery byTransactionId(String transactionId) { return new StatusQuery(By.TRANSACTION_ID, transactionId); }
    public static StatusQuery byIdempotencyKey(String key) { return new StatusQuery(By.IDEMPOTENCY_KEY, key); }

    /** The follow-up a provider must declare to answer this query. */
    public FollowUp requiredFollowUp() {
        return switch (by) {
            case GATEWAY_TRANSACTION_ID -> FollowUp.STATUS_BY_GATEWAY_ID;
            case MERCHANT_REFERENCE -> FollowUp.STATUS_BY_MERCHANT_REFERENCE;
            case TRANSACTION_ID -> FollowUp.STATUS_BY_TRANSACTION_ID;
            case IDEMPOTENCY_KEY -> FollowUp.STATUS_BY_IDEMPOTENCY_KEY;
        };
    }
}
