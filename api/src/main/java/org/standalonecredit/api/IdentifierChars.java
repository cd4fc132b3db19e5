package org.standalonecredit.api;

/** Character-set checks of identifiers and keys, made per credit without a regular expression. */
final class IdentifierChars {
    static final String TOKEN_EXTRA = "_-";
    static final String KEY_EXTRA = "._:-";

    private IdentifierChars() {
    }

    /** One or more ASCII letters and digits and characters of {@code extra}. */
    static boolean lettersDigitsAnd(String text, String extra) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
