package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decrypts {@code source.encryptionData}: checks type, target and key id, decrypts the block, and splits it
 * by the UTF-8 byte lengths declared in {@code encryptionBlockFields}.
 */
final class EncryptedCardDecoder {
    private static final String BASE = "source.encryptionData.";
    private static final Set<String> FIELDS = Set.of("card.cardData", "card.nameOnCard", "card.expirationMonth",
            "card.expirationYear", "card.securityCode");

    private EncryptedCardDecoder() {
    }

    /** A decrypted card. {@link #toString()} masks everything. */
    record DecodedCard(String cardData, String nameOnCard, String expirationMonth, String expirationYear,
                       String securityCode) {
        @Override
        public String toString() {
            return "DecodedCard[****]";
        }
    }

    static DecodedCard decode(JsonNode data, CardEncryptionKey key) throws CommerceHubRejection {
        if (!"RSA".equals(data.path("encryptionType").asText())) {
            throw new CommerceHubRejection(CommerceHubError.invalidEncryptionData(BASE + "encryptionType"));
        }
        if (!"MANUAL".equals(data.path("encryptionTarget").asText())) {
            throw new CommerceHubRejection(CommerceHubError.invalidEncryptionData(BASE + "encryptionTarget"));
        }
        if (!key.keyId.equals(data.path("keyId").asText(null))) {
            throw new CommerceHubRejection(CommerceHubError.unknownKeyId());
        }
        byte[] block;
        try {
            block = Base64.getDecoder().decode(data.path("encryptionBlock").asText(""));
        } catch (IllegalArgumentException e) {
            throw new CommerceHubRejection(CommerceHubError.invalidEncryptionData(BASE + "encryptionBlock"));
        }
        Map<String, Integer> layout = layout(data.path("encryptionBlockFields").asText(""));
        byte[] plain;
        try {
            plain = key.decrypt(block);
        } catch (GeneralSecurityException e) {
            throw new CommerceHubRejection(CommerceHubError.decryptionFailed());
        }
        try {
            int total = layout.values().stream().mapToInt(Integer::intValue).sum();
            if (total != plain.length) {
                throw new CommerceHubRejection(CommerceHubError.invalidEncryptionData(BASE + "encryptionBlockFields"));
            }
            Map<String, String> values = new LinkedHashMap<>();
            int offset = 0;
            for (Map.Entry<String, Integer> e : layout.entrySet()) {
                values.put(e.getKey(), new String(plain, offset, e.getValue(), StandardCharsets.UTF_8));
                offset += e.getValue();
            }
            return new DecodedCard(values.get("card.cardData"), values.get("card.nameOnCard"),
                    values.get("card.expirationMonth"), values.get("card.expirationYear"), values.get("card.securityCode"));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static Map<String, Integer> layout(String spec) throws CommerceHubRejection {
        Map<String, Integer> layout = new LinkedHashMap<>();
        CommerceHubRejection bad = new CommerceHubRejection(CommerceHubError.invalidEncryptionData(BASE + "encryptionBlockFields"));
        if (spec.isBlank()) {
            throw bad;
        }
        for (String part : spec.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                throw bad;
            }
            String name = part.substring(0, colon).trim();
            int length;
            try {
                length = Integer.parseInt(part.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw bad;
            }
            if (!FIELDS.contains(name) || length < 0 || layout.put(name, length) != null) {
                throw bad;
            }
        }
        if (!layout.containsKey("card.cardData")) {
            throw new CommerceHubRejection(CommerceHubError.missingCardData());
        }
        return layout;
    }
}
