package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.standalonecredit.simulator.SimJson;

/**
 * The gateway side of message-level encryption: compact JWE with {@code RSA-OAEP-256} (OAEP and MGF1 both
 * SHA-256) wrapping an {@code A256GCM} key, AAD = ASCII of the protected-header segment (protocol notes §4.1,
 * §5; RFC 7516). Decrypts {@code {"encryptedRequest": …}} with the simulator's key and encrypts answers to a
 * merchant's response-MLE certificate. Thread-safe.
 */
final class MleCodec {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OAEPParameterSpec OAEP_256 = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final int TAG_BITS = 128;

    private final PrivateKey requestKey;
    private final String requestKid;

    /** Thrown when a request JWE cannot be used; the message is safe to record. */
    static final class MleException extends Exception {
        private static final long serialVersionUID = 1L;

        MleException(String message) {
            super(message);
        }
    }

    MleCodec(PrivateKey requestKey, String requestKid) {
        this.requestKey = Objects.requireNonNull(requestKey, "requestKey");
        this.requestKid = Objects.requireNonNull(requestKid, "requestKid");
    }

    /** The compact JWE of a body that is exactly {@code {"encryptedRequest":"…"}}, else {@code null} (plaintext). */
    static String encryptedRequest(byte[] body) {
        ObjectNode json;
        try {
            json = SimJson.parseObject(body);
        } catch (SimJson.InvalidJsonException e) {
            return null;
        }
        JsonNode jwe = json.get("encryptedRequest");
        return json.size() == 1 && jwe != null && jwe.isTextual() ? jwe.textValue() : null;
    }

    /** Decrypts a request JWE to the plaintext body. */
    byte[] decrypt(String compact) throws MleException {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 5) {
            throw new MleException("encryptedRequest is not a compact JWE of five parts");
        }
        byte[] headerBytes = segment(parts[0], "protected header");
        ObjectNode header;
        try {
            header = SimJson.parseObject(headerBytes);
        } catch (SimJson.InvalidJsonException e) {
            throw new MleException("JWE protected header is not JSON");
        }
        // [NODE83, JAVA77, PY76] all send RSA-OAEP-256 + A256GCM; RSA-OAEP (SHA-1) of the docs' example is refused (Q7)
        if (!"RSA-OAEP-256".equals(header.path("alg").textValue())) {
            throw new MleException("JWE alg is not RSA-OAEP-256");
        }
        if (!"A256GCM".equals(header.path("enc").textValue())) {
            throw new MleException("JWE enc is not A256GCM");
        }
        if (header.has("zip") || header.has("crit")) {
            throw new MleException("JWE zip/crit are not supported");
        }
        if (!requestKid.equals(header.path("kid").textValue())) {
            throw new MleException("JWE kid is not the simulator's request-MLE certificate");
        }
        byte[] wrappedKey = segment(parts[1], "encrypted key");
        byte[] iv = segment(parts[2], "iv");
        byte[] ciphertext = segment(parts[3], "ciphertext");
        byte[] tag = segment(parts[4], "tag");
        if (iv.length != 12 || tag.length != TAG_BITS / 8) {
            throw new MleException("JWE iv or tag has the wrong length");
        }
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, requestKey, OAEP_256);
            byte[] cek = rsa.doFinal(wrappedKey);
            if (cek.length != 32) {
                throw new MleException("JWE content key is not 256 bits");
            }
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            aes.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
            aes.update(ciphertext);
            return aes.doFinal(tag);
        } catch (GeneralSecurityException e) {
            throw new MleException("JWE does not decrypt with the request-MLE key");
        }
    }

    /**
     * Encrypts an answer body to a merchant's response-MLE key; header {@code alg, enc, kid, iat} (seconds, a
     * number as in vector v4) [DOC-GS Step 4C item 7].
     *
     * @return {@code {"encryptedResponse":"<compact JWE>"}}
     */
    static byte[] encryptResponse(byte[] plaintext, PublicKey merchantKey, String kid, Instant now) {
        ObjectNode header = SimJson.object();
        header.put("alg", "RSA-OAEP-256").put("enc", "A256GCM").put("kid", kid).put("iat", now.getEpochSecond());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String protectedHeader = b64.encodeToString(SimJson.write(header));
        byte[] cek = new byte[32];
        byte[] iv = new byte[12];
        RANDOM.nextBytes(cek);
        RANDOM.nextBytes(iv);
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, merchantKey, OAEP_256);
            byte[] wrapped = rsa.doFinal(cek);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            aes.updateAAD(protectedHeader.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = aes.doFinal(plaintext);
            int split = sealed.length - TAG_BITS / 8;
            String jwe = protectedHeader + "." + b64.encodeToString(wrapped) + "." + b64.encodeToString(iv) + "."
                    + b64.encodeToString(Arrays.copyOfRange(sealed, 0, split))
                    + "." + b64.encodeToString(Arrays.copyOfRange(sealed, split, sealed.length));
            ObjectNode wrapper = SimJson.object();
            wrapper.put("encryptedResponse", jwe);
            return SimJson.write(wrapper);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("response MLE failed", e);
        }
    }

    private static byte[] segment(String text, String what) throws MleException {
        byte[] bytes = JwtVerifier.base64Url(text);
        if (bytes == null) {
            throw new MleException("JWE " + what + " is not canonical base64url");
        }
        return bytes;
    }
}
