package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.standalonecredit.simulator.SimJson;

/**
 * Client-side Commerce Hub multi-use-public-key card encryption, as a client would do it with the key from
 * {@code POST /security/v1/keys/generate}.
 *
 * <p>Field values are concatenated in order, encrypted with RSA-OAEP and base64-encoded;
 * {@code encryptionBlockFields} lists {@code name:utf8ByteLength} in the same order, e.g.
 * {@code card.cardData:16,card.expirationMonth:2,card.expirationYear:4}.
 *
 * <p>Padding: OAEP with SHA-256 <em>and</em> MGF1-SHA-256, set explicitly with {@link #oaepParameters()}.
 * Beware: Java's {@code RSA/ECB/OAEPWithSHA-256AndMGF1Padding} without parameters uses MGF1 with SHA-1,
 * which other platforms will not decrypt.
 */
public final class CommerceHubCardEncryptor {
    /** The cipher transformation (always used with {@link #oaepParameters()}). */
    public static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";

    private final String keyId;
    private final PublicKey publicKey;

    /**
     * @param keyId     the {@code keyId} the key was issued with
     * @param publicKey the RSA public key
     */
    public CommerceHubCardEncryptor(String keyId, PublicKey publicKey) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    /** From a key id and the base64 X.509 SubjectPublicKeyInfo DER ({@code encodedPublicKey}). */
    public static CommerceHubCardEncryptor fromEncodedPublicKey(String keyId, String encodedPublicKey) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encodedPublicKey)));
            return new CommerceHubCardEncryptor(keyId, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 RSA public key", e);
        }
    }

    /** OAEP with SHA-256 for both the label hash and MGF1. */
    public static OAEPParameterSpec oaepParameters() {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    /** Encrypts card number and expiry. */
    public EncryptionData encryptCard(String cardData, String expirationMonth, String expirationYear) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("card.cardData", cardData);
        fields.put("card.expirationMonth", expirationMonth);
        fields.put("card.expirationYear", expirationYear);
        return encrypt(fields);
    }

    /**
     * Encrypts fields in iteration order (use a {@link LinkedHashMap}); names like {@code card.cardData},
     * {@code card.nameOnCard}, {@code card.expirationMonth}, {@code card.expirationYear}, {@code card.securityCode}.
     */
    public EncryptionData encrypt(Map<String, String> fields) {
        StringBuilder plain = new StringBuilder();
        StringBuilder names = new StringBuilder();
        fields.forEach((name, value) -> {
            if (names.length() > 0) {
                names.append(',');
            }
            names.append(name).append(':').append(value.getBytes(StandardCharsets.UTF_8).length);
            plain.append(value);
        });
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, publicKey, oaepParameters());
            byte[] block = cipher.doFinal(plain.toString().getBytes(StandardCharsets.UTF_8));
            return new EncryptionData(keyId, Base64.getEncoder().encodeToString(block), names.toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP encryption failed", e);
        }
    }

    /**
     * One {@code source.encryptionData} object.
     *
     * @param keyId                 key id
     * @param encryptionBlock       base64 ciphertext
     * @param encryptionBlockFields {@code name:length} list
     */
    public record EncryptionData(String keyId, String encryptionBlock, String encryptionBlockFields) {

        /** The JSON object, with {@code encryptionType:"RSA"} and {@code encryptionTarget:"MANUAL"}. */
        public ObjectNode toJson() {
            ObjectNode n = SimJson.object();
            n.put("encryptionType", "RSA");
            n.put("encryptionTarget", "MANUAL");
            n.put("encryptionBlock", encryptionBlock);
            n.put("encryptionBlockFields", encryptionBlockFields);
            n.put("keyId", keyId);
            return n;
        }
    }
}
