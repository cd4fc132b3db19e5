package org.standalonecredit.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The JSON configuration every simulator uses: decimals are read as {@link BigDecimal} with their scale
 * intact ({@code 12.40} stays {@code 12.40}), written in plain notation, and duplicate keys or trailing
 * garbage are rejected.
 */
public final class SimJson {
    /** The shared, thread-safe mapper. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private SimJson() {
    }

    /** Thrown when a body is not a single JSON object. The message never contains the body. */
    public static final class InvalidJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidJsonException(String message) {
            super(message);
        }
    }

    /** Parses a body that must be exactly one JSON object. */
    public static ObjectNode parseObject(byte[] body) throws InvalidJsonException {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidJsonException("body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidJsonException("body is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Serialises a tree to UTF-8 bytes. */
    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * The node at a JSON pointer such as {@code /orderInformation/amountDetails/totalAmount};
     * a missing node (never {@code null}) when absent.
     */
    public static JsonNode at(JsonNode root, String pointer) {
        return root.at(pointer);
    }

    /** Text at a pointer if the node there is a JSON string. */
    public static Optional<String> string(JsonNode root, String pointer) {
        JsonNode n = root.at(pointer);
        return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    /** Text at a pointer if it is a non-blank JSON string, else {@code null}. */
    public static String textOrNull(JsonNode root, String pointer) {
        return string(root, pointer).filter(s -> !s.isBlank()).orElse(null);
    }

    /** Whether a pointer resolves to something other than missing or JSON null. */
    public static boolean present(JsonNode root, String pointer) {
        JsonNode n = root.at(pointer);
        return !n.isMissingNode() && !n.isNull();
    }

    /** Sets a field on an object only when the value is not {@code null}. */
    public static void putIfNotNull(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
