package org.standalonecredit.api;

/** What happened to a credit, in terms every gateway maps to. */
public enum CreditOutcome {
    /** The gateway accepted and approved the credit. */
    APPROVED,
    /** Accepted; funds move at settlement (Cybersource answers PENDING for credits). Not a failure. */
    PENDING_SETTLEMENT,
    /** The issuer or processor declined; no money moved. */
    DECLINED,
    /** The gateway refused the request itself (invalid request, authentication); no money moved. */
    REJECTED,
    /**
     * The request reached, or may have reached, the gateway and no definitive answer came back.
     * Money may have moved: reconcile (status or search follow-up) before trying again.
     */
    UNKNOWN,
    /** The request never left this machine (connection refused, connect timeout, TLS failure). Safe to retry. */
    NOT_SENT;

    /** Approved or pending settlement. */
    public boolean isSuccess() {
        return this == APPROVED || this == PENDING_SETTLEMENT;
    }

    /** True when the caller must reconcile before acting again. */
    public boolean needsReconciliation() {
        return this == UNKNOWN;
    }
}
