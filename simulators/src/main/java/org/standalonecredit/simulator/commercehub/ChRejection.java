package org.standalonecredit.simulator.commercehub;

import java.util.List;

/** A request refused with Commerce Hub errors. Carries no request data; no stack trace. */
final class ChRejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ChError> errors;

    ChRejection(List<ChError> errors) {
        super("rejected with " + errors.size() + " error(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    ChRejection(ChError error) {
        this(List.of(error));
    }

    List<ChError> errors() {
        return errors;
    }
}
