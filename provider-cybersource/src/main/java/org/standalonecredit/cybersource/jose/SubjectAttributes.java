package org.standalonecredit.cybersource.jose;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Reads one attribute of an X.500 name from its DER encoding. The JDK prints {@code serialNumber} (OID
 * 2.5.4.5) only as {@code #hex} in RFC 2253 form and splitting its display form breaks on escaped commas, so
 * the few bytes are walked directly: Name ::= SEQUENCE OF SET OF SEQUENCE { OID, value }.
 */
final class SubjectAttributes {
    /** DER content of OID 2.5.4.3 (commonName). */
    static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    /** DER content of OID 2.5.4.5 (serialNumber, the subject attribute: not the certificate serial). */
    static final byte[] SERIAL_NUMBER = {0x55, 0x04, 0x05};

    private SubjectAttributes() {
    }

    /** The first value of the attribute with this OID, if present and a string type. */
    static Optional<String> first(X500Principal name, byte[] oid) {
        byte[] der = name.getEncoded();
        Der outer = new Der(der, 0, der.length);
        Der rdns = outer.enter(0x30);
        while (rdns.hasMore()) {
            Der set = rdns.enter(0x31);
            while (set.hasMore()) {
                Der pair = set.enter(0x30);
                byte[] type = pair.contents(0x06);
                int tag = pair.peekTag();
                byte[] value = pair.contents(tag);
                if (Arrays.equals(type, oid)) {
                    Charset charset = charset(tag);
                    if (charset != null) {
                        return Optional.of(new String(value, charset));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Charset charset(int tag) {
        return switch (tag) {
            case 0x0C -> StandardCharsets.UTF_8;        // UTF8String
            case 0x13, 0x16 -> StandardCharsets.US_ASCII; // PrintableString, IA5String
            case 0x14 -> StandardCharsets.ISO_8859_1;   // TeletexString, as commonly used
            case 0x1E -> StandardCharsets.UTF_16BE;     // BMPString
            default -> null;
        };
    }

    /** A cursor over DER elements between {@code position} and {@code end}; the JDK has already parsed them. */
    private static final class Der {
        private final byte[] bytes;
        private int position;
        private final int end;

        Der(byte[] bytes, int position, int end) {
            this.bytes = bytes;
            this.position = position;
            this.end = end;
        }

        boolean hasMore() {
            return position < end;
        }

        int peekTag() {
            need(1);
            return bytes[position] & 0xFF;
        }

        Der enter(int tag) {
            int length = header(tag);
            Der inner = new Der(bytes, position, position + length);
            position += length;
            return inner;
        }

        byte[] contents(int tag) {
            int length = header(tag);
            byte[] out = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return out;
        }

        private int header(int tag) {
            if (peekTag() != tag) {
                throw new IllegalArgumentException("unexpected DER tag in an X.500 name");
            }
            position++;
            need(1);
            int first = bytes[position++] & 0xFF;
            int length = first;
            if (first > 0x7F) {
                int count = first & 0x7F;
                if (count < 1 || count > 3) {
                    throw new IllegalArgumentException("unsupported DER length in an X.500 name");
                }
                need(count);
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[position++] & 0xFF);
                }
            }
            need(length);
            return length;
        }

        private void need(int count) {
            if (count > end - position) {
                throw new IllegalArgumentException("truncated DER in an X.500 name");
            }
        }
    }
}
