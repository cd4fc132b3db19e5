package org.standalonecredit.api;

/** Follow-up operations a provider may declare. */
public enum FollowUp {
    /** Void a credit by the gateway's transaction id. */
    VOID,
    /** Void a credit whose answer was lost, by the merchant's transaction id. */
    TIMEOUT_VOID,
    /** Look a credit up by the gateway's transaction id. */
    STATUS_BY_GATEWAY_ID,
    /** Find credits by the merchant reference. */
    STATUS_BY_MERCHANT_REFERENCE,
    /** Find credits by the merchant's transaction id. */
    STATUS_BY_TRANSACTION_ID,
    /** Find a credit by the request's idempotency key (Commerce Hub Client-Request-Id). */
    STATUS_BY_IDEMPOTENCY_KEY
}
