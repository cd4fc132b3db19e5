package org.standalonecredit.simulator;

/**
 * The kinds of request a simulator serves. Scripted rules apply to {@link #CREDIT} unless told otherwise
 * (see {@link Script.RuleBuilder#on(Operation...)}).
 */
public enum Operation {
    /** A stand-alone credit: Cybersource {@code POST /pts/v2/credits}, Commerce Hub {@code /payments/v1/credits|refunds}. */
    CREDIT,
    /** A void or cancel: Cybersource {@code /pts/v2/credits/{id}/voids} and {@code /pts/v2/voids}; Commerce Hub {@code /payments/v1/cancels}. */
    VOID,
    /** A read: Cybersource {@code GET /tss/v2/transactions/{id}} and {@code POST /tss/v2/searches}; Commerce Hub transaction inquiry. */
    LOOKUP,
    /** Commerce Hub {@code POST /security/v1/keys/generate}. */
    KEY_MANAGEMENT
}
