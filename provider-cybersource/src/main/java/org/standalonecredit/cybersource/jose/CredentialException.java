package org.standalonecredit.cybersource.jose;

import java.util.Objects;

/**
 * A shared secret, PKCS#12 file or certificate that cannot be used. The message names what is wrong and
 * where (file, alias, subject, dates); it never holds a secret, a password or key bytes.
 */
public final class CredentialException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** The shared secret is not canonical base64 text. */
        SECRET_NOT_BASE64,
        /** The decoded shared secret is shorter than the 256 bits HS256 requires. */
        SECRET_TOO_SHORT,
        /** The PKCS#12 data or file cannot be read (missing file, not base64, not PKCS#12). */
        P12_UNREADABLE,
        /** The PKCS#12 password does not open the store or its key. */
        WRONG_PASSWORD,
        /** No private key in the PKCS#12 belongs to the requested alias. */
        NO_PRIVATE_KEY,
        /** More than one private key in the PKCS#12 matches the requested alias. */
        AMBIGUOUS_PRIVATE_KEY,
        /** A key that is not RSA, or an RSA key shorter than 2048 bits. */
        UNSUPPORTED_KEY,
        /** The private key does not belong to the certificate's public key. */
        KEY_CERTIFICATE_MISMATCH,
        /** The certificate's notAfter is in the past. */
        CERTIFICATE_EXPIRED,
        /** The certificate's notBefore is in the future. */
        CERTIFICATE_NOT_YET_VALID
    }

    private final Problem problem;

    CredentialException(Problem problem, String message) {
        this(problem, message, null);
    }

    CredentialException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
