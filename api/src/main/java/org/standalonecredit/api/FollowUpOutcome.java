package org.standalonecredit.api;

/** The outcome of a void or a status look-up. */
public enum FollowUpOutcome {
    /** Done: voided, or the look-up answered (possibly with no match). */
    DONE,
    /** The referenced credit does not exist at the gateway. */
    NOT_FOUND,
    /** The gateway refused the follow-up (e.g. already settled, not voidable, bad credentials). */
    REJECTED,
    /** Sent, no definitive answer. */
    UNKNOWN,
    /** Never left this machine; safe to retry. */
    NOT_SENT
}
