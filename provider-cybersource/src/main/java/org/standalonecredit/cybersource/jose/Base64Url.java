package org.standalonecredit.cybersource.jose;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** base64url without padding (RFC 7515 §2), decoding only the canonical form. */
final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static byte[] encodeAscii(byte[] bytes) {
        return ENCODER.encode(bytes);
    }

    /**
     * The bytes of {@code text}, or null when it is not canonical unpadded base64url. The JDK decoder ignores
     * the unused low bits of the last character, so two different strings can decode to the same bytes; a
     * token changed in those bits must not pass as the original, hence the round trip.
     */
    static byte[] decodeOrNull(String text) {
        if (text.indexOf('=') >= 0) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] again = ENCODER.encode(decoded);
        return Arrays.equals(again, text.getBytes(StandardCharsets.US_ASCII)) ? decoded : null;
    }
}
