package org.standalonecredit.cybersource.jose;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact JWE (RFC 7516) with {@code RSA-OAEP-256} key wrapping and {@code A256GCM} content encryption, the
 * pair of Cybersource message-level encryption in both directions [NODE83, JAVA77, PY76; DOC-GS Step 4C].
 * Stateless and thread-safe.
 */
public final class Jwe {
    /** Random keys for a key that cannot be unwrapped, so a wrong key fails like a wrong tag (RFC 7516 §11.5). */
    private static final SecureRandom SUBSTITUTES = new SecureRandom();
    static final String ALG = "RSA-OAEP-256";
    static final String ENC = "A256GCM";
    private static final String RSA_OAEP = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    /** Explicit: the JDK's default for this transformation is MGF1 with SHA-1, which is RSA-OAEP-256 only in name. */
    private static final OAEPParameterSpec OAEP_256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final int CEK_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Jwe() {
    }

    /**
     * Request MLE: encrypts {@code plaintext} (the JSON body) to {@code recipient}'s RSA key under the
     * protected header {@code {"alg":"RSA-OAEP-256","enc":"A256GCM","cty":"JWT","kid":…,"iat":…}}, the members
     * and order the Node SDK sends (vector v3) [NODE83 encryptRequestPayload; JAVA77 MLEUtility sends the same
     * members]. {@code cty} is not needed by anyone (PY76 omits it).
     *
     * @param kid      the recipient certificate's key id, normally {@link CertificateKeyIds#keyId} of it
     * @param issuedAt {@code iat}, written in epoch seconds
     * @param random   the source of the content key, the IV and the OAEP seed
     */
    public static String encrypt(byte[] plaintext, X509Certificate recipient, String kid, Instant issuedAt, SecureRandom random) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(random, "random");
        PublicKey publicKey = requireRsa(recipient.getPublicKey());
        String header = new JsonText().string("alg", ALG).string("enc", ENC).string("cty", "JWT").string("kid", kid)
                .number("iat", issuedAt.getEpochSecond()).toString();
        byte[] headerSegment = Base64Url.encodeAscii(header.getBytes(StandardCharsets.UTF_8));
        byte[] cek = new byte[CEK_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(cek);
        random.nextBytes(iv);
        try {
            Cipher rsa = Cipher.getInstance(RSA_OAEP);
            rsa.init(Cipher.ENCRYPT_MODE, publicKey, OAEP_256, random);
            byte[] encryptedKey = rsa.doFinal(cek);
            Cipher aes = Cipher.getInstance(AES_GCM);
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            aes.updateAAD(headerSegment);
            byte[] sealed = aes.doFinal(plaintext);
            int tagStart = sealed.length - TAG_BITS / 8;
            return new String(headerSegment, StandardCharsets.US_ASCII)
                    + '.' + Base64Url.encode(encryptedKey)
                    + '.' + Base64Url.encode(iv)
                    + '.' + Base64Url.encode(Arrays.copyOfRange(sealed, 0, tagStart))
                    + '.' + Base64Url.encode(Arrays.copyOfRange(sealed, tagStart, sealed.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JWE encryption failed for kid " + kid, e);
        } finally {
            Arrays.fill(cek, (byte) 0);
        }
    }

    /**
     * Response MLE: the plaintext of {@code compact}, encrypted to {@code privateKey}'s public key. Accepts
     * exactly {@code RSA-OAEP-256} + {@code A256GCM}; other members ({@code kid}, {@code iat}, {@code cty}) are
     * not checked. Every change to header, key, IV, ciphertext or tag fails.
     *
     * @throws JweException {@code MALFORMED}, {@code UNSUPPORTED} or {@code DECRYPTION_FAILED}
     */
    public static byte[] decrypt(String compact, PrivateKey privateKey) {
        Objects.requireNonNull(compact, "compact");
        requireRsa(Objects.requireNonNull(privateKey, "privateKey"));
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 5) {
            throw new JweException(JweException.Problem.MALFORMED, "a compact JWE has 5 parts, this has " + parts.length);
        }
        byte[][] decoded = new byte[5][];
        for (int i = 0; i < 5; i++) {
            decoded[i] = Base64Url.decodeOrNull(parts[i]);
            if (decoded[i] == null) {
                throw new JweException(JweException.Problem.MALFORMED, "JWE part " + (i + 1) + " is not canonical base64url");
            }
        }
        checkHeader(FlatJson.membersOrNull(decoded[0]));
        byte[] iv = decoded[2];
        byte[] tag = decoded[4];
        if (iv.length != IV_BYTES || tag.length != TAG_BITS / 8) {
            throw new JweException(JweException.Problem.MALFORMED, "A256GCM needs a 96-bit IV and a 128-bit tag, this has "
                    + iv.length * 8 + " and " + tag.length * 8);
        }
        byte[] cek = unwrapKey(decoded[1], privateKey);
        try {
            Cipher aes = Cipher.getInstance(AES_GCM);
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            aes.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = Arrays.copyOf(decoded[3], decoded[3].length + tag.length);
            System.arraycopy(tag, 0, sealed, decoded[3].length, tag.length);
            return aes.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new JweException(JweException.Problem.DECRYPTION_FAILED,
                    "the JWE does not decrypt with this key, or was changed (authentication tag mismatch)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not usable in this JVM", e);
        } finally {
            Arrays.fill(cek, (byte) 0);
        }
    }

    private static void checkHeader(Map<String, Optional<String>> header) {
        if (header == null) {
            throw new JweException(JweException.Problem.MALFORMED, "the JWE header is not one JSON object with distinct member names");
        }
        Optional<String> alg = header.getOrDefault("alg", Optional.empty());
        Optional<String> enc = header.getOrDefault("enc", Optional.empty());
        if (!alg.equals(Optional.of(ALG)) || !enc.equals(Optional.of(ENC))) {
            throw new JweException(JweException.Problem.UNSUPPORTED, "JWE alg " + alg.orElse("(none)") + " / enc "
                    + enc.orElse("(none)") + " is not " + ALG + " / " + ENC);
        }
        // RFC 7516 §4.1.3 / RFC 7515 §4.1.11: compression and critical extensions must be understood or refused.
        if (header.containsKey("zip") || header.containsKey("crit")) {
            throw new JweException(JweException.Problem.UNSUPPORTED, "JWE header asks for zip or crit, which this reader does not support");
        }
    }

    /**
     * RSA-OAEP-256 unwrapping. On failure a random key is used instead, so the GCM check fails the same way
     * and a caller cannot tell a bad wrapped key from a bad tag (RFC 7516 §11.5, against padding oracles).
     */
    private static byte[] unwrapKey(byte[] encryptedKey, PrivateKey privateKey) {
        try {
            Cipher rsa = Cipher.getInstance(RSA_OAEP);
            rsa.init(Cipher.DECRYPT_MODE, privateKey, OAEP_256);
            byte[] cek = rsa.doFinal(encryptedKey);
            if (cek.length == CEK_BYTES) {
                return cek;
            }
        } catch (GeneralSecurityException e) {
            // fall through to the random key
        }
        byte[] substitute = new byte[CEK_BYTES];
        SUBSTITUTES.nextBytes(substitute);
        return substitute;
    }

    private static <K extends Key> K requireRsa(K key) {
        if (!(key instanceof RSAKey rsa) || rsa.getModulus().bitLength() < RsaJwsKey.MIN_MODULUS_BITS) {
            throw new IllegalArgumentException("RSA-OAEP-256 needs an RSA key of at least " + RsaJwsKey.MIN_MODULUS_BITS + " bits, not "
                    + key.getAlgorithm());
        }
        return key;
    }
}
