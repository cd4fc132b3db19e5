package org.standalonecredit.api;

import java.util.List;

/** The result of a status look-up: the credits found (none is a valid, definitive answer). */
public record StatusResult(String providerId, FollowUpOutcome outcome, List<CreditStatus> credits,
                           int httpStatus, List<GatewayError> errors, String maskedResponseBody) {
    public StatusResult {
        credits = List.copyOf(credits);
        errors = List.copyOf(errors);
    }

    /** The look-up answered and found nothing: the credit did not happen. */
    public boolean foundNone() {
        return (outcome == FollowUpOutcome.DONE || outcome == FollowUpOutcome.NOT_FOUND) && credits.isEmpty();
    }
}
