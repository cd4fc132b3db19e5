package org.standalonecredit.api;

import java.util.ArrayList;
import java.util.List;
import org.standalonecredit.api.privacy.ControlCharacters;

/**
 * Collects field errors so that a request reports all of them at once. Used by the request
 * builder, by payment sources, by extensions and by providers' own pre-flight rules.
 */
public final class Validation {
    private final List<FieldError> errors = new ArrayList<>();

    /** An empty collection of field errors; add with {@link #reject}, then {@link #throwIfInvalid()}. */
    public Validation() {
    }

    public Validation reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Records an error when {@code value} is null or blank. Returns whether the value was present. */
    public boolean require(String field, String value) {
        if (value == null || value.isBlank()) {
            reject(field, "is required");
            return false;
        }
        return true;
    }

    /** Records an error when a present value is longer than {@code max} characters. */
    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            reject(field, "must be at most " + max + " characters");
        }
    }

    /**
     * Records an error when a present value holds a character that could rewrite what a terminal or log
     * shows (see {@link ControlCharacters}): free text must be shown as it is.
     */
    public void plainText(String field, String value) {
        if (ControlCharacters.containsUnsafe(value)) {
            reject(field, "must not contain control characters, line or paragraph separators or bidirectional formatting characters");
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws {@link InvalidRequestException} listing every error collected so far, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
