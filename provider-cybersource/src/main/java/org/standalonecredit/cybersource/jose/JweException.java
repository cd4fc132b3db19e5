package org.standalonecredit.cybersource.jose;

import java.util.Objects;

/** A compact JWE that cannot be decrypted. The message never holds key bytes or plaintext. */
public final class JweException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** Not five base64url parts, a header that is not one JSON object, wrong IV or tag length. */
        MALFORMED,
        /** A header asking for anything but RSA-OAEP-256 with A256GCM, or for compression or critical extensions. */
        UNSUPPORTED,
        /** The key does not open it, or header, key, IV, ciphertext or tag were changed. */
        DECRYPTION_FAILED
    }

    private final Problem problem;

    JweException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
