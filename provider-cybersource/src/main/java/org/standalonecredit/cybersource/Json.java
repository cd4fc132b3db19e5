package org.standalonecredit.cybersource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The one JSON configuration of this provider: trees only, decimals as BigDecimal, no type handling. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The body as a JSON object, or empty when it is not one (empty, HTML, truncated, an array, ...). */
    static Optional<JsonNode> parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The text of a string or number at a JSON pointer ("/a/b"), else null. */
    static String text(JsonNode node, String pointer) {
        JsonNode n = node.at(pointer);
        return n.isTextual() || n.isNumber() ? n.asText() : null;
    }

    /** A decimal written as a string or a number; null when absent; throws when present and not a decimal. */
    static BigDecimal decimal(JsonNode node, String pointer) {
        JsonNode n = node.at(pointer);
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            return new BigDecimal(n.asText().trim());
        }
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        throw new NumberFormatException("not a decimal");
    }

    /** A decimal, or null when absent or unreadable. */
    static BigDecimal decimalOrNull(JsonNode node, String pointer) {
        try {
            return decimal(node, pointer);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An ISO-8601 instant ("2024-01-18T16:52:48Z"), or null when absent or unreadable. */
    static Instant instant(JsonNode node, String pointer) {
        String text = text(node, pointer);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
