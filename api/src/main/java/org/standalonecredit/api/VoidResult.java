package org.standalonecredit.api;

import java.util.List;
import java.util.Optional;

/** The result of a void. */
public record VoidResult(String providerId, FollowUpOutcome outcome, String voidId, String gatewayStatus,
                         int httpStatus, List<GatewayError> errors, String maskedResponseBody) {
    public VoidResult {
        errors = List.copyOf(errors);
    }

    public boolean voided() {
        return outcome == FollowUpOutcome.DONE;
    }

    public Optional<String> voidIdValue() {
        return Optional.ofNullable(voidId);
    }
}
