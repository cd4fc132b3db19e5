package org.standalonecredit.cybersource;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.standalonecredit.kit.json.JsonTrees;

/**
 * The one JSON configuration of this provider: trees only, exact decimals, nothing after the root value, and
 * no key twice in one object (an answer saying {@code "status"} twice cannot be read, rather than the last winning).
 */
final class Json {
    static final JsonTrees TREES = JsonTrees.builder().strictDuplicates().build();
    /** Compiled JSON pointers: the provider reads a fixed set of paths, compiled once instead of per answer. */
    private static final ConcurrentMap<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();
    /** A bound in case a caller ever builds pointers from data: past it, pointers are compiled and not kept. */
    private static final int MAX_CACHED_POINTERS = 256;
    /** Digits, and powers of ten, an amount from a gateway may have: far more than any currency needs. */
    static final int MAX_AMOUNT_DIGITS = 40;

    private Json() {
    }

    static ObjectNode object() {
        return TREES.objectNode();
    }

    static byte[] bytes(JsonNode node) {
        return TREES.write(node);
    }

    /** The body as a JSON object, or empty when it is not one (empty, HTML, truncated, an array, ...). */
    static Optional<JsonNode> parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = TREES.read(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The node at a JSON pointer ("/a/b"); missing node when absent. */
    static JsonNode at(JsonNode node, String pointer) {
        JsonPointer compiled = POINTERS.get(pointer);
        if (compiled == null) {
            compiled = JsonPointer.compile(pointer);
            if (POINTERS.size() < MAX_CACHED_POINTERS) {
                POINTERS.putIfAbsent(pointer, compiled);
            }
        }
        return node.at(compiled);
    }

    /** The text of a string or number at a JSON pointer ("/a/b"), else null. */
    static String text(JsonNode node, String pointer) {
        JsonNode n = at(node, pointer);
        return n.isTextual() || n.isNumber() ? n.asText() : null;
    }

    /**
     * A decimal written as a string or a number; null when absent; throws when present and not a decimal, or
     * not one an amount can be: more than {@link #MAX_AMOUNT_DIGITS} digits or an exponent beyond them
     * ({@code 1E+2147483647} would take gigabytes to write out plainly).
     */
    static BigDecimal decimal(JsonNode node, String pointer) {
        JsonNode n = at(node, pointer);
        if (n.isNumber()) {
            return amount(n.decimalValue());
        }
        if (n.isTextual()) {
            String text = n.asText().trim();
            if (text.length() > 2 * MAX_AMOUNT_DIGITS) {
                throw new NumberFormatException("not an amount: " + text.length() + " characters");
            }
            return amount(new BigDecimal(text));
        }
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        throw new NumberFormatException("not a decimal");
    }

    private static BigDecimal amount(BigDecimal d) {
        if (d.precision() > MAX_AMOUNT_DIGITS || Math.abs(d.scale()) > MAX_AMOUNT_DIGITS) {
            throw new NumberFormatException("not an amount: " + d.precision() + " digits, scale " + d.scale());
        }
        return d;
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
        Instant fast = utcSeconds(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * "2024-01-18T16:52:48Z", the shape every Cybersource answer uses, read without a DateTimeFormatter
     * (whose parsing cost about a tenth of reading a whole answer); null for any other shape, which
     * {@link Instant#parse} then reads or refuses.
     */
    static Instant utcSeconds(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return java.time.LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
