package org.standalonecredit.commercehub;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Commerce Hub multi-use public key: its id, the RSA key, and when to fetch a new one.
 * Fiserv documents {@code encodedPublicKey} as hex while its examples show Base64; both encodings
 * of the X.509 SubjectPublicKeyInfo DER are accepted.
 */
record EncryptionKey(String keyId, PublicKey publicKey, Instant refreshAt) {
    /** Stop using a key this long before it expires, so a credit and its resends never carry an expired key. */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(10);
    /** How long to use a key whose answer gave no {@code validTo}. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    /** Smaller keys are refused: too weak, and too small for OAEP-SHA-256 over a card block. */
    static final int MIN_MODULUS_BITS = 2048;
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");

    boolean usableAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    /** Decodes an RSA public key of at least 2048 bits given in hex or Base64 (PEM armour and line breaks tolerated). */
    static Optional<PublicKey> decodePublicKey(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        String text = encoded.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = HEX.matcher(text).matches() ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= MIN_MODULUS_BITS ? Optional.of(key) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + keyId + ", refreshAt=" + refreshAt + "]";
    }
}
