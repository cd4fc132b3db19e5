package org.standalonecredit.api;

import java.util.List;
import java.util.stream.Collectors;

/** A request broke one or more rules; every broken rule is listed, and no HTTP call was made. */
public final class InvalidRequestException extends CreditException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("Invalid credit request: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** True when some error names exactly this field. */
    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
