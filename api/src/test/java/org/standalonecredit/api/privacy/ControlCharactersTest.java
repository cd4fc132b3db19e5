package org.standalonecredit.api.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void unsafeCharactersAreShownAsEscapes() {
        assertEquals("R\\u000D\\u001B[2KAbout to credit 1.00", ControlCharacters.escape("R\r\u001b[2KAbout to credit 1.00"));
        assertEquals("a\\u2028b\\u202Ec\\u2069d\\u007Fe\\u0085", ControlCharacters.escape("a\u2028b\u202Ec\u2069d\u007Fe\u0085"));
    }

    @Test
    void safeTextIsReturnedAsItIs() {
        String text = "Remboursé – 日本 ✓ \\u001b";
        assertSame(text, ControlCharacters.escape(text));
        assertFalse(ControlCharacters.containsUnsafe(text));
        assertEquals("", ControlCharacters.escape(null));
    }
}
