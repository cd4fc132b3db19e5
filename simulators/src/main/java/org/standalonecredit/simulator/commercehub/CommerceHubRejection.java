package org.standalonecredit.simulator.commercehub;

import java.util.List;

/** A request refused with Commerce Hub errors. Carries no request data; no stack trace. */
final class CommerceHubRejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<CommerceHubError> errors;

    CommerceHubRejection(List<CommerceHubError> errors) {
        super("rejected with " + errors.size() + " error(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    CommerceHubRejection(CommerceHubError error) {
        this(List.of(error));
    }

    List<CommerceHubError> errors() {
        return errors;
    }
}
