package org.standalonecredit.cybersource.jose;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** base64url without padding (RFC 7515 §2), decoding only the canonical form. */
final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** The length of the unpadded encoding of {@code n} bytes. */
    static int encodedLength(int n) {
        return n / 3 * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
    }

    /**
     * Encodes {@code bytes} into {@code out} from {@code offset}, which must have {@link #encodedLength} room
     * (the JDK's encoder writes only at the start of an array). Returns the end offset.
     */
    static int encodeInto(byte[] bytes, byte[] out, int offset) {
        return encodeInto(bytes, bytes.length, out, offset);
    }

    /** As {@link #encodeInto(byte[], byte[], int)}, for the first {@code length} bytes of {@code bytes}. */
    static int encodeInto(byte[] bytes, int length, byte[] out, int offset) {
        int o = offset;
        int i = 0;
        for (int whole = length - length % 3; i < whole; i += 3) {
            int bits = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff);
            out[o++] = ALPHABET[bits >>> 18];
            out[o++] = ALPHABET[(bits >>> 12) & 0x3f];
            out[o++] = ALPHABET[(bits >>> 6) & 0x3f];
            out[o++] = ALPHABET[bits & 0x3f];
        }
        int rest = length - i;
        if (rest > 0) {
            int bits = (bytes[i] & 0xff) << 16 | (rest == 2 ? (bytes[i + 1] & 0xff) << 8 : 0);
            out[o++] = ALPHABET[bits >>> 18];
            out[o++] = ALPHABET[(bits >>> 12) & 0x3f];
            if (rest == 2) {
                out[o++] = ALPHABET[(bits >>> 6) & 0x3f];
            }
        }
        return o;
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
