package org.standalonecredit.commercehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import org.standalonecredit.kit.json.JsonTrees;

/**
 * The one JSON configuration of this provider: trees only (no data binding, so no polymorphic typing),
 * decimals kept exactly ("12.00" stays 12.00, never a double), strict on what a response may be
 * (nothing after the root value, no key twice), decimals written without an exponent.
 */
final class CommerceHubJson {
    /** Digits, and powers of ten, an amount from a gateway may have: far more than any currency needs. */
    static final int MAX_AMOUNT_DIGITS = 40;
    private static final JsonTrees TREES = JsonTrees.builder().strictDuplicates().bigDecimalAsPlain().build();

    private CommerceHubJson() {
    }

    static ObjectNode object() {
        return TREES.objectNode();
    }

    /** The exact bytes that are signed and sent. */
    static byte[] bytes(JsonNode node) {
        return TREES.write(node);
    }

    /** The body as a JSON object or array, or empty when it is empty, truncated, HTML or otherwise not JSON. */
    static Optional<JsonNode> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = TREES.read(body);
            return node != null && (node.isObject() || node.isArray()) ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The text at a path of field names, or null when absent, null or not a scalar. */
    static String text(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        return at != null && at.isValueNode() && !at.isNull() ? at.asText() : null;
    }

    /**
     * A decimal at a path, written as a JSON number or a numeric string, or null; null too for one no amount
     * can be, with more than {@link #MAX_AMOUNT_DIGITS} digits or an exponent beyond them ({@code 1E+2147483647}
     * would take gigabytes to write out plainly).
     */
    static BigDecimal decimal(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        if (at == null || at.isNull()) {
            return null;
        }
        if (at.isNumber()) {
            return amount(at.decimalValue());
        }
        if (at.isTextual() && at.asText().trim().length() <= 2 * MAX_AMOUNT_DIGITS) {
            try {
                return amount(new BigDecimal(at.asText().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static BigDecimal amount(BigDecimal d) {
        return d.precision() > MAX_AMOUNT_DIGITS || Math.abs(d.scale()) > MAX_AMOUNT_DIGITS ? null : d;
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode at = node;
        for (String name : path) {
            if (at == null || !at.isObject()) {
                return null;
            }
            at = at.get(name);
        }
        return at;
    }
}
