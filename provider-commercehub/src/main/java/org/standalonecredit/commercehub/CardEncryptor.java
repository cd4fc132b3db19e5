package org.standalonecredit.commercehub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.standalonecredit.api.PaymentSource;

/**
 * Encrypts a card for {@code source.encryptionData}: the field values concatenated in a fixed
 * order, RSA-OAEP with SHA-256 (and MGF1 with SHA-256, stated explicitly because the JDK's default
 * MGF1 digest for this transformation is SHA-1), Base64. {@code encryptionBlockFields} names the
 * fields in the same order with their UTF-8 byte lengths.
 */
final class CardEncryptor {
    private static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);

    /** What goes into {@code encryptionData}; the block is ciphertext, the fields only names and lengths. */
    record EncryptedCard(String encryptionBlock, String encryptionBlockFields, String keyId) {
        @Override
        public String toString() {
            return "EncryptedCard[" + encryptionBlockFields + ", keyId=" + keyId + "]";
        }
    }

    private CardEncryptor() {
    }

    static EncryptedCard encrypt(PaymentSource.Card card, EncryptionKey key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("card.cardData", card.number());
        fields.put("card.expirationMonth", card.expiry().twoDigitMonth());
        fields.put("card.expirationYear", card.expiry().fourDigitYear());
        card.securityCode().ifPresent(code -> fields.put("card.securityCode", code));
        StringBuilder block = new StringBuilder();
        StringJoiner names = new StringJoiner(",");
        fields.forEach((name, value) -> {
            block.append(value);
            names.add(name + ":" + value.getBytes(StandardCharsets.UTF_8).length);
        });
        byte[] plain = block.toString().getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.publicKey(), OAEP);
            return new EncryptedCard(Base64.getEncoder().encodeToString(cipher.doFinal(plain)), names.toString(), key.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot RSA-encrypt card data with key " + key.keyId() + ": " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
