package org.standalonecredit.api.privacy;

/**
 * Characters that can rewrite what a terminal or a log viewer shows instead of being shown: ISO
 * control characters (CR, ESC, DEL, C1 ...), the Unicode line and paragraph separators, and the
 * bidirectional embeddings, overrides and isolates. Requests refuse them in free text; tools that
 * print text from a caller or a gateway show them escaped.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    public static boolean isUnsafe(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    public static boolean containsUnsafe(String text) {
        if (text != null) {
            for (int i = 0, n = text.length(); i < n; i++) {
                if (isUnsafe(text.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text with every unsafe character shown as {@code \}{@code uXXXX}; null as "". */
    public static String escape(String text) {
        if (!containsUnsafe(text)) {
            return text == null ? "" : text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
