package org.standalonecredit.api;

/** Why a result has its outcome, finer than {@link CreditOutcome}. */
public enum OutcomeDetail {
    NONE,
    // DECLINED
    DECLINED_BY_ISSUER,
    // REJECTED
    INVALID_REQUEST,
    AUTHENTICATION_FAILED,
    NOT_PERMITTED,
    RATE_LIMITED,
    GATEWAY_REFUSED,
    // UNKNOWN
    /** Sent, then the response did not come in time or the connection broke. */
    NO_RESPONSE,
    /** The gateway itself reported a timeout (Cybersource 502 SERVER_TIMEOUT, Commerce Hub 504). */
    GATEWAY_TIMEOUT,
    /** A 5xx or similar answer that does not say whether the credit was processed. */
    GATEWAY_ERROR,
    /** The answer could not be read (malformed, truncated, empty, HTML, too large). */
    UNREADABLE_RESPONSE,
    /** The gateway says an earlier request with this transaction id exists: the original may have credited. */
    DUPLICATE_TRANSACTION_ID,
    /** The gateway echoed another amount or currency than requested: do not treat as a clean success. */
    ECHO_MISMATCH,
    /**
     * The credit journal holds this idempotency key for an attempt under way elsewhere, or one whose outcome was
     * never recorded (a crash, a lost answer): this call sent nothing. The reconciler settles it.
     */
    IN_DOUBT_IN_JOURNAL,
    // NOT_SENT
    CONNECTION_FAILED,
    /** The credit journal could not record the attempt, so nothing was sent. */
    JOURNAL_UNAVAILABLE
}
