package org.standalonecredit.commercehub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.api.transport.Header;

/**
 * Commerce Hub's HMAC authentication: {@code Authorization} is the Base64 of the raw
 * HmacSHA256 digest (44 characters, no prefix) keyed with the API secret's UTF-8 bytes over
 * {@code apiKey + clientRequestId + timestamp + body}, where the body is exactly the bytes sent.
 * The older "Base64 of the hex digest" from earlier Fiserv docs is deliberately not produced.
 */
final class HmacSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final Secret apiKey;
    private final Secret apiSecret;
    private final Clock clock;

    HmacSigner(Secret apiKey, Secret apiSecret, Clock clock) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.clock = clock;
    }

    /** The headers of one attempt: a fresh Timestamp and signature over the unchanged body. */
    List<Header> headers(String clientRequestId, byte[] body) {
        long timestamp = clock.millis();
        return List.of(
                new Header("Content-Type", "application/json"),
                new Header("Api-Key", apiKey.reveal()),
                new Header("Client-Request-Id", clientRequestId),
                new Header("Timestamp", Long.toString(timestamp)),
                new Header("Auth-Token-Type", "HMAC"),
                new Header("Authorization", signature(apiKey.reveal(), apiSecret.reveal(), clientRequestId, timestamp, body)));
    }

    static String signature(String apiKey, String apiSecret, String clientRequestId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((apiKey + clientRequestId + timestamp).getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                mac.update(body);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "HmacSigner[redacted]";
    }
}
