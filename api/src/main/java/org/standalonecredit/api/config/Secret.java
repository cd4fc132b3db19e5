package org.standalonecredit.api.config;

import java.util.Objects;

/** A credential. {@code toString()} is redacted; only {@link #reveal()} gives the value, for signing. */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
