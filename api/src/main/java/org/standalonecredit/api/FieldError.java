package org.standalonecredit.api;

import java.util.Objects;

/** One problem with one field of a request. The message describes the rule, never the value. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
