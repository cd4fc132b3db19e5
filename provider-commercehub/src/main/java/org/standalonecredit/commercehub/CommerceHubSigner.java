package org.standalonecredit.commercehub;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.kit.signing.HmacSha256;
import org.standalonecredit.api.transport.Header;

/**
 * Commerce Hub's HMAC authentication: {@code Authorization} is the Base64 of the raw
 * HmacSHA256 digest (44 characters, no prefix) keyed with the API secret's UTF-8 bytes over
 * {@code apiKey + clientRequestId + timestamp + body}, where the body is exactly the bytes sent.
 * The older "Base64 of the hex digest" from earlier Fiserv docs is deliberately not produced.
 */
final class CommerceHubSigner {
    private final Secret apiKey;
    private final HmacSha256 hmac;
    private final Clock clock;

    CommerceHubSigner(Secret apiKey, Secret apiSecret, Clock clock) {
        this.apiKey = apiKey;
        this.hmac = new HmacSha256(apiSecret.reveal().getBytes(StandardCharsets.UTF_8));
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
                new Header("Authorization", signature(hmac, apiKey.reveal(), clientRequestId, timestamp, body)));
    }

    /** Base64 HMAC-SHA256, under the API secret, of apiKey + clientRequestId + timestamp + body. */
    static String signature(String apiKey, String apiSecret, String clientRequestId, long timestamp, byte[] body) {
        return signature(new HmacSha256(apiSecret.getBytes(StandardCharsets.UTF_8)), apiKey, clientRequestId, timestamp, body);
    }

    private static String signature(HmacSha256 hmac, String apiKey, String clientRequestId, long timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac.sign((apiKey + clientRequestId + timestamp).getBytes(StandardCharsets.UTF_8), body));
    }

    @Override
    public String toString() {
        return "CommerceHubSigner[redacted]";
    }
}
