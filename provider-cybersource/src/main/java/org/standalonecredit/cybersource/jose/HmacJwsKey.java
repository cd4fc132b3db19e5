package org.standalonecredit.cybersource.jose;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 under the <em>base64-decoded</em> shared secret [DOC-GS Step 3D; NODE83 Buffer.from(secret,'base64');
 * PY76 b64decode]. Each signature works on a clone of one keyed {@link Mac}, so no provider look-up or key
 * schedule per token. (Same technique as the api module's HmacSha256, kept local so this package needs the JDK
 * only while the api module is being split.)
 */
final class HmacJwsKey extends JwsKey {
    static final String ALG = "HS256";
    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. Issued secrets are 32 bytes. */
    static final int MIN_KEY_BYTES = 32;
    private static final String MAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Mac prototype;

    private HmacJwsKey(String kid, byte[] key) {
        super(ALG, kid);
        this.key = new SecretKeySpec(key, MAC);
        this.prototype = freshMac();
    }

    /**
     * @param base64Secret the shared secret exactly as issued (standard base64 with padding; surrounding
     *                     white space ignored). Refused unless it decodes and encodes back to the same text, as
     *                     the Node SDK requires ("Invalid base64 encoded merchant secret key") [NODE83].
     */
    static HmacJwsKey fromBase64Secret(String kid, CharSequence base64Secret) {
        Objects.requireNonNull(base64Secret, "base64Secret");
        String text = base64Secret.toString().strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // The JDK's message quotes the offending character: do not chain it.
            throw new CredentialException(CredentialException.Problem.SECRET_NOT_BASE64,
                    "the shared secret for key id " + kid + " is not base64 text (the value is not shown)");
        }
        try {
            if (!Base64.getEncoder().encodeToString(key).equals(text)) {
                throw new CredentialException(CredentialException.Problem.SECRET_NOT_BASE64,
                        "the shared secret for key id " + kid + " is not canonical padded base64 (the value is not shown)");
            }
            if (key.length < MIN_KEY_BYTES) {
                throw new CredentialException(CredentialException.Problem.SECRET_TOO_SHORT, "the shared secret for key id "
                        + kid + " decodes to " + key.length + " bytes; HS256 needs at least " + MIN_KEY_BYTES);
            }
            return new HmacJwsKey(kid, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    byte[] sign(byte[] signingInput) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            mac = freshMac();
        }
        return mac.doFinal(signingInput);
    }

    @Override
    boolean verify(byte[] signingInput, byte[] signature) {
        return MessageDigest.isEqual(sign(signingInput), signature);
    }

    private Mac freshMac() {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
