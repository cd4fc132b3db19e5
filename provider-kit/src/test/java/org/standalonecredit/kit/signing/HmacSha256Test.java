package org.standalonecredit.kit.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
    /** RFC 4231, test case 2. */
    private static final byte[] KEY = "Jefe".getBytes(StandardCharsets.US_ASCII);
    private static final String MAC = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void signsTheRfc4231VectorTheSameWayEveryTimeWhetherInOnePartOrSeveral() {
        HmacSha256 hmac = new HmacSha256(KEY);
        byte[] message = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertEquals(MAC, HexFormat.of().formatHex(hmac.sign(message)));
        assertEquals(MAC, HexFormat.of().formatHex(hmac.sign(message)));
        assertEquals(MAC, HexFormat.of().formatHex(hmac.sign("what do ya ".getBytes(StandardCharsets.US_ASCII), null,
                "want for nothing?".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void toStringShowsNoKey() {
        assertFalse(new HmacSha256(KEY).toString().contains("Jefe"));
    }
}
