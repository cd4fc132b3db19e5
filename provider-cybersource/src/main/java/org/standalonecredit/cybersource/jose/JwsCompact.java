package org.standalonecredit.cybersource.jose;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** JWS compact serialization (RFC 7515 §7.1) over JSON texts given as they will be sent. */
final class JwsCompact {
    private JwsCompact() {
    }

    /** {@code base64url(header).base64url(payload).base64url(signature)} */
    static String sign(JwsKey key, String headerSegment, String payloadJson) {
        return sign("", key, headerSegment.getBytes(StandardCharsets.US_ASCII), payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code prefix} followed by the compact JWS, written into one array sized up front and made a String once:
     * a token is sent with every request, and the naive way copies it half a dozen times.
     *
     * @param prefix        ASCII text before the token ({@code "Bearer "}), or empty
     * @param headerSegment {@code base64url(header)}, ASCII
     * @param payload       the payload's bytes
     */
    static String sign(String prefix, JwsKey key, byte[] headerSegment, byte[] payload) {
        return sign(prefix, key, headerSegment, payload, payload.length);
    }

    /** As {@link #sign(String, JwsKey, byte[], byte[])}, the payload being the first {@code payloadLength} bytes. */
    static String sign(String prefix, JwsKey key, byte[] headerSegment, byte[] payload, int payloadLength) {
        int signingStart = prefix.length();
        int payloadStart = signingStart + headerSegment.length + 1;
        int signingEnd = payloadStart + Base64Url.encodedLength(payloadLength);
        byte[] out = new byte[signingEnd + 1 + Base64Url.encodedLength(key.signatureLength())];
        for (int i = 0; i < signingStart; i++) {
            out[i] = (byte) prefix.charAt(i); // ASCII by contract
        }
        System.arraycopy(headerSegment, 0, out, signingStart, headerSegment.length);
        out[payloadStart - 1] = '.';
        Base64Url.encodeInto(payload, payloadLength, out, payloadStart);
        byte[] signature = key.sign(out, signingStart, signingEnd - signingStart);
        int end = signingEnd + 1 + Base64Url.encodedLength(signature.length);
        if (end > out.length) {
            out = java.util.Arrays.copyOf(out, end); // a key whose signatures are longer than it said
        }
        out[signingEnd] = '.';
        Base64Url.encodeInto(signature, out, signingEnd + 1);
        return new String(out, 0, end, StandardCharsets.ISO_8859_1);
    }

    static String headerSegment(String headerJson) {
        return Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code compact} is a well-formed JWS whose header names this key's {@code alg} and whose
     * signature this key verifies over the received bytes (never re-serialized: SDKs order members
     * differently).
     */
    static boolean verifies(JwsKey key, String compact) {
        int first = compact.indexOf('.');
        int second = compact.indexOf('.', first + 1);
        if (first < 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
            return false;
        }
        byte[] header = Base64Url.decodeOrNull(compact.substring(0, first));
        byte[] payload = Base64Url.decodeOrNull(compact.substring(first + 1, second));
        byte[] signature = Base64Url.decodeOrNull(compact.substring(second + 1));
        if (header == null || payload == null || signature == null) {
            return false;
        }
        Map<String, Optional<String>> members = FlatJson.membersOrNull(header);
        if (members == null || !Optional.of(key.alg()).equals(members.get("alg"))) {
            return false;
        }
        return key.verify(compact.substring(0, second).getBytes(StandardCharsets.US_ASCII), signature);
    }
}
