package org.standalonecredit.cybersource.jose;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the small flat JSON objects of JOSE headers and JWT claims, members in the order added, no
 * whitespace (the form every Cybersource SDK and the guide's example emit), straight into UTF-8 bytes: a
 * token is signed and sent as bytes, so a String in between would only be copied. Not thread-safe; one per
 * object.
 */
final class JsonText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** A request's claims take about 450 bytes: room for them without growing. */
    private byte[] out = new byte[640];
    private int length;

    JsonText() {
        put((byte) '{');
    }

    JsonText string(String name, String value) {
        name(name);
        quote(value);
        return this;
    }

    JsonText number(String name, long value) {
        name(name);
        ascii(Long.toString(value));
        return this;
    }

    /** The object's UTF-8 bytes; the writer is done with. */
    byte[] toUtf8() {
        close();
        return Arrays.copyOf(out, length);
    }

    /** Closes the object: its UTF-8 bytes are then {@link #buffer()} up to {@link #length()}, not copied. */
    JsonText close() {
        put((byte) '}');
        return this;
    }

    byte[] buffer() {
        return out;
    }

    int length() {
        return length;
    }

    @Override
    public String toString() {
        return new String(out, 0, length, StandardCharsets.UTF_8) + "}";
    }

    private void name(String name) {
        if (length > 1) {
            put((byte) ',');
        }
        quote(name);
        put((byte) ':');
    }

    /** RFC 8259 §7: quote, backslash and C0 controls escaped; everything else as is, in UTF-8. */
    private void quote(String value) {
        put((byte) '"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> ascii("\\\"");
                case '\\' -> ascii("\\\\");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                case '\b' -> ascii("\\b");
                case '\f' -> ascii("\\f");
                default -> {
                    if (c < 0x20) {
                        ascii("\\u00");
                        put(HEX[c >> 4]);
                        put(HEX[c & 0xf]);
                    } else if (c < 0x80) {
                        put((byte) c);
                    } else {
                        int end = i + 1;
                        if (Character.isHighSurrogate(c) && end < value.length() && Character.isLowSurrogate(value.charAt(end))) {
                            end++;
                        }
                        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                            put(b);
                        }
                        i = end - 1;
                    }
                }
            }
        }
        put((byte) '"');
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            put((byte) text.charAt(i));
        }
    }

    private void put(byte b) {
        if (length == out.length) {
            out = Arrays.copyOf(out, length * 2);
        }
        out[length++] = b;
    }
}
