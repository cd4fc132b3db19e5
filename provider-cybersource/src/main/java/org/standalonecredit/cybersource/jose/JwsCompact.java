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
        String signingInput = headerSegment + '.' + Base64Url.encode(payloadJson.getBytes(StandardCharsets.UTF_8));
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + Base64Url.encode(signature);
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
