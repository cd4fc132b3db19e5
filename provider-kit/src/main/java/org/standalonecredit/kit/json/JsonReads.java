package org.standalonecredit.kit.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads values out of a gateway's parsed answer, one rule for all providers: a value that is absent (no node,
 * or JSON null) reads as null; one that is there but not of the kind asked for reads as null too, except a
 * decimal, where "present but unreadable" must stay distinguishable from "absent" (an approval whose amount
 * cannot be read is not an approval of an unknown amount). Paths are JSON pointers ({@code "/a/b"}).
 */
public final class JsonReads {
    /** Digits, and powers of ten, an amount from a gateway may have: far more than any currency needs. */
    public static final int MAX_AMOUNT_DIGITS = 40;

    private JsonReads() {
    }

    /** A decimal as read: {@link #ABSENT}, {@link #UNREADABLE}, or a value. */
    public record Decimal(BigDecimal value, boolean unreadable) {
        public static final Decimal ABSENT = new Decimal(null, false);
        public static final Decimal UNREADABLE = new Decimal(null, true);
    }

    /** The body as a JSON object, or empty when it is not one (empty, HTML, truncated, an array, ...). */
    public static Optional<JsonValue> parseObject(JsonTrees trees, byte[] body) {
        return parse(trees, body).filter(JsonValue::isObject);
    }

    /** The body as a JSON object or array, or empty when it is empty, truncated, HTML or otherwise not JSON. */
    public static Optional<JsonValue> parse(JsonTrees trees, byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonValue node = trees.read(body);
            return node != null && (node.isObject() || node.isArray()) ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The value at a JSON pointer ({@link JsonValue#at}); {@link JsonValue#MISSING} when absent, or when {@code node} itself is null. */
    public static JsonValue at(JsonValue node, String pointer) {
        return node == null ? JsonValue.MISSING : node.at(pointer);
    }

    /** The text of a string or a number, else null. */
    public static String text(JsonValue node, String pointer) {
        JsonValue n = at(node, pointer);
        return n.isText() || n.isNumber() ? n.asText() : null;
    }

    /** The text of any scalar: a string, a number or a boolean ({@code "true"}); else null. */
    public static String scalar(JsonValue node, String pointer) {
        JsonValue n = at(node, pointer);
        return n.isScalar() ? n.asText() : null;
    }

    /**
     * A decimal written as a number or a numeric string. Unreadable when it is anything else, or not one an
     * amount can be: more than {@link #MAX_AMOUNT_DIGITS} digits or an exponent beyond them
     * ({@code 1E+2147483647} would take gigabytes to write out plainly).
     */
    public static Decimal decimal(JsonValue node, String pointer) {
        JsonValue n = at(node, pointer);
        if (n.isMissing() || n.isNull()) {
            return Decimal.ABSENT;
        }
        if (n.isNumber()) {
            return amount(n.decimal());
        }
        if (n.isText()) {
            String text = n.asText().trim();
            if (text.length() > 2 * MAX_AMOUNT_DIGITS) {
                return Decimal.UNREADABLE;
            }
            try {
                return amount(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return Decimal.UNREADABLE;
            }
        }
        return Decimal.UNREADABLE;
    }

    private static Decimal amount(BigDecimal d) {
        return d.precision() > MAX_AMOUNT_DIGITS || Math.abs(d.scale()) > MAX_AMOUNT_DIGITS
                ? Decimal.UNREADABLE : new Decimal(d, false);
    }

    /** An ISO-8601 instant ("2024-01-18T16:52:48Z"), or null when absent or unreadable. */
    public static Instant instant(JsonValue node, String pointer) {
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
     * "2024-01-18T16:52:48Z", the shape gateways answer with, read without a DateTimeFormatter (whose parsing
     * cost about a tenth of reading a whole answer); null for any other shape, which {@link Instant#parse}
     * then reads or refuses.
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
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
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
