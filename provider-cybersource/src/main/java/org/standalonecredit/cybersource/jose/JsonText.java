package org.standalonecredit.cybersource.jose;

/**
 * Writes the small flat JSON objects of JOSE headers and JWT claims, members in the order added, no
 * whitespace (the form every Cybersource SDK and the guide's example emit). Not thread-safe; one per object.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder(256).append('{');

    JsonText string(String name, String value) {
        name(name);
        quote(value);
        return this;
    }

    JsonText number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    private void name(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(name);
        out.append(':');
    }

    /** RFC 8259 §7: quote, backslash and C0 controls escaped; everything else as is (UTF-8 on the wire). */
    private void quote(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
