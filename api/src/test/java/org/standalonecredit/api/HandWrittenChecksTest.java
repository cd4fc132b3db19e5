package org.standalonecredit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The hand-written shape and character checks accept exactly what the regular expressions they replace accept. */
class HandWrittenChecksTest {
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");

    @Property(tries = 3000)
    void plainDecimalAsTheRegex(@ForAll @StringLength(max = 8) @Chars({'0', '1', '9', '.', '-', '+', 'e', ' ', '\u0661', ','}) String text) {
        assertEquals(PLAIN_DECIMAL.matcher(text).matches(), Money.isPlainDecimal(text), text);
    }

    @Property(tries = 3000)
    void isoCodeShapeAsTheRegex(@ForAll @StringLength(max = 5) @Chars({'A', 'Z', 'U', 'a', 'z', '@', '[', '1', '\u00c9'}) String code) {
        assertEquals(ISO_CODE.matcher(code).matches(), Money.isIsoCodeShape(code), code);
    }

    @Property(tries = 3000)
    void tokenAndKeyCharactersAsTheRegexes(@ForAll @StringLength(max = 6) @Chars({'a', 'z', 'A', 'Z', '0', '9', '_', '-', '.', ':', ' ', '/', '\u00e9', '`', '{'}) String text) {
        assertEquals(Pattern.matches("[A-Za-z0-9_\\-]+", text), IdentifierChars.lettersDigitsAnd(text, IdentifierChars.TOKEN_EXTRA), text);
        assertEquals(Pattern.matches("[A-Za-z0-9._:\\-]+", text), IdentifierChars.lettersDigitsAnd(text, IdentifierChars.KEY_EXTRA), text);
    }

    @Test
    void edges() {
        for (String s : new String[] {"", ".", "1.", ".5", "1..2", "1.2.3", "01", "0.00", "10.00", "١٠", "1e3", "-1", " 1"}) {
            assertEquals(PLAIN_DECIMAL.matcher(s).matches(), Money.isPlainDecimal(s), s);
        }
    }
}
