package org.standalonecredit.simulator;

/**
 * What a simulator does with a request. Each behaviour declares whether, by default, the credit is
 * <em>processed</em> (recorded in the {@link Ledger}); a scripted rule can override that with
 * {@link ScriptRule#processed(boolean)}.
 *
 * <p>Behaviours that lose the answer <em>after</em> processing (time-outs, dropped connections, broken
 * bodies) record the credit by default: that is exactly the situation in which a client must not credit
 * twice. Behaviours that reject the request record nothing by default.
 *
 * <p>On operations other than {@link Operation#CREDIT}, {@link #APPROVE}, {@link #PENDING} and {@link #DECLINE}
 * simply mean "answer normally" (a void is carried out, a lookup answers).
 */
public enum Behaviour {
    /** Normal success. Cybersource: 201 {@code status:"COMPLETED"}; Commerce Hub: 201 approved (the Commerce Hub default). */
    APPROVE(Kind.SUCCESS, true),
    /** Accepted, pending. Cybersource: 201 {@code status:"PENDING"} (the Cybersource default); Commerce Hub: 201 {@code transactionState:"PENDING"}, {@code approvalStatus:"WAITING"}. */
    PENDING(Kind.SUCCESS, true),
    /** A processor decline in a 2xx answer. Cybersource: 201 {@code DECLINED} + {@code errorInformation}; Commerce Hub: 201 {@code DECLINED}. */
    DECLINE(Kind.DECLINE, false),
    /** 400 in the gateway's own validation-error shape. */
    INVALID_REQUEST(Kind.ERROR, false),
    /** 401 in the gateway's own shape, even when the request is correctly signed. */
    AUTH_FAILURE(Kind.ERROR, false),
    /** Cybersource 502 {@code SYSTEM_ERROR}; Commerce Hub 500. */
    SERVER_ERROR(Kind.ERROR, false),
    /** Cybersource 502 {@code SERVER_TIMEOUT}; Commerce Hub 504. Processed by default: the outcome is unknown to the client. */
    GATEWAY_TIMEOUT(Kind.ERROR, true),
    /** Process, then answer only after a delay (long enough to exceed a client's read time-out). */
    DELAY(Kind.TRANSPORT, true),
    /** Process, then close the TCP connection without sending a single response byte. */
    CLOSE_CONNECTION(Kind.TRANSPORT, true),
    /** Process, then answer 2xx with a body that is not valid JSON (the bytes <code>{"id":</code>). */
    MALFORMED_BODY(Kind.TRANSPORT, true),
    /** Process, then send headers announcing the full Content-Length, half the body, and close. */
    TRUNCATED_BODY(Kind.TRANSPORT, true),
    /** Process, then answer 201 with zero body bytes. */
    EMPTY_BODY(Kind.TRANSPORT, true),
    /** Process, then answer 502 {@code text/html}, the way a proxy in front of the gateway would. */
    HTML_BODY(Kind.TRANSPORT, true);

    /** Broad families of behaviour; the simulators branch on these. */
    public enum Kind {
        /** A normal, successful answer. */
        SUCCESS,
        /** A decline carried in a successful HTTP answer. */
        DECLINE,
        /** An HTTP error answer. */
        ERROR,
        /** The answer is damaged, delayed or lost on the way back. */
        TRANSPORT
    }

    private final Kind kind;
    private final boolean processedByDefault;

    Behaviour(Kind kind, boolean processedByDefault) {
        this.kind = kind;
        this.processedByDefault = processedByDefault;
    }

    /** The family this behaviour belongs to. */
    public Kind kind() {
        return kind;
    }

    /** Whether the credit is recorded in the ledger unless a rule says otherwise. */
    public boolean processedByDefault() {
        return processedByDefault;
    }
}
