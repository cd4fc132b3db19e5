package org.standalonecredit.cybersource.jose;

import org.standalonecredit.kit.signing.HmacSha256;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * HS256 under the <em>base64-decoded</em> shared secret [DOC-GS Step 3D; NODE83 Buffer.from(secret,'base64');
 * PY76 b64decode], signed with the provider kit's {@link HmacSha256} (one keyed Mac, cloned per token).
 */
final class HmacJwsKey extends JwsKey {
    static final String ALG = "HS256";
    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. Issued secrets are 32 bytes. */
    static final int MIN_KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 32;

    private final HmacSha256 hmac;

    private HmacJwsKey(String kid, byte[] key) {
        super(ALG, kid);
        this.hmac = new HmacSha256(key);
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
    byte[] sign(byte[] input, int offset, int length) {
        return hmac.sign(input, offset, length);
    }

    @Override
    int signatureLength() {
        return SIGNATURE_BYTES;
    }

    @Override
    boolean verify(byte[] signingInput, byte[] signature) {
        return MessageDigest.isEqual(sign(signingInput), signature);
    }
}
