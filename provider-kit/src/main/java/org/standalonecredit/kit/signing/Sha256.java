package org.standalonecredit.kit.signing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * SHA-256 of a request body, per request. Each digest works on a clone of one prototype: looking the
 * algorithm up in the security providers every time costs more than the hash of a small body.
 */
public final class Sha256 {
    private static final MessageDigest PROTOTYPE = fresh();

    private Sha256() {
    }

    /** SHA-256 of exactly these bytes. */
    public static byte[] digest(byte[] bytes) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            digest = fresh();
        }
        return digest.digest(bytes);
    }

    private static MessageDigest fresh() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
