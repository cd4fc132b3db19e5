package org.standalonecredit.cli;

import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.FollowUpOutcome;

/** The tool's exit codes; documented in the README. */
public final class ExitCodes {
    public static final int SUCCESS = 0;          // approved or pending settlement; follow-up done
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_INPUT = 2;    // bad option, bad request field, not confirmed
    public static final int CONFIGURATION = 3;    // unreadable config, missing key, unknown provider, guardrail set-up
    public static final int DECLINED = 10;
    public static final int REJECTED = 11;        // the gateway refused the request (invalid, authentication, not permitted)
    public static final int UNKNOWN = 12;         // sent, no definitive answer: reconcile before retrying
    public static final int NOT_SENT = 13;        // never reached the gateway: safe to retry with the same idempotency key
    public static final int NOT_FOUND = 14;       // a follow-up found nothing
    public static final int OUTCOME_NOT_AUDITED = 15; // the credit's result was printed but its outcome record could not be written
    public static final int OPERATOR_NOT_ALLOWED = 16; // the operator is not in cli.operators: nothing was sent
    public static final int PORT_IN_USE = 17;     // simulator: a port it was asked to listen on is taken

    private ExitCodes() {
    }

    public static int of(CreditOutcome outcome) {
        return switch (outcome) {
            case APPROVED, PENDING_SETTLEMENT -> SUCCESS;
            case DECLINED -> DECLINED;
            case REJECTED -> REJECTED;
            case UNKNOWN -> UNKNOWN;
            case NOT_SENT -> NOT_SENT;
        };
    }

    public static int of(FollowUpOutcome outcome) {
        return switch (outcome) {
            case DONE -> SUCCESS;
            case NOT_FOUND -> NOT_FOUND;
            case REJECTED -> REJECTED;
            case UNKNOWN -> UNKNOWN;
            case NOT_SENT -> NOT_SENT;
        };
    }
}
