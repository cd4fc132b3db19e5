package org.standalonecredit.simulator.commercehub;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client-side Commerce Hub HMAC signer, for tests and applications that talk to the simulator (or the
 * gateway).
 *
 * <p>{@code Authorization = base64(HmacSHA256(key = apiSecret as UTF-8, message = apiKey + Client-Request-Id +
 * Timestamp + exact body bytes))}: the raw 32-byte digest, base64, no prefix. {@code Timestamp} is epoch
 * milliseconds from the clock. Immutable and thread-safe; {@link #toString()} never shows the secret.
 */
public final class CommerceHubSigner {
    private static final String HMAC = "HmacSHA256";

    private final String apiKey;
    private final byte[] apiSecret;
    private final Clock clock;

    /**
     * @param apiKey    the {@code Api-Key}
     * @param apiSecret the API secret (used as UTF-8 bytes, not base64-decoded)
     * @param clock     source of the {@code Timestamp} header
     */
    public CommerceHubSigner(String apiKey, String apiSecret, Clock clock) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret").getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs a request timestamped now. */
    public Signed sign(String clientRequestId, byte[] body) {
        return sign(clientRequestId, body, clock.millis());
    }

    /** Signs a request with an explicit timestamp (epoch milliseconds). */
    public Signed sign(String clientRequestId, byte[] body, long timestamp) {
        String ts = Long.toString(timestamp);
        return new Signed(apiKey, clientRequestId, ts,
                Base64.getEncoder().encodeToString(hmac(apiSecret, apiKey, clientRequestId, ts, body)));
    }

    /** The {@code Authorization} value for the given inputs. */
    public static String signature(String apiKey, String apiSecret, String clientRequestId, String timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(
                hmac(apiSecret.getBytes(StandardCharsets.UTF_8), apiKey, clientRequestId, timestamp, body));
    }

    static byte[] hmac(byte[] secret, String apiKey, String clientRequestId, String timestamp, byte[] body) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes((apiKey + clientRequestId + timestamp).getBytes(StandardCharsets.UTF_8));
        message.writeBytes(body);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(message.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "CommerceHubSigner[apiKey=" + apiKey + "]";
    }

    /**
     * Authentication headers for one request.
     *
     * @param apiKey          {@code Api-Key}
     * @param clientRequestId {@code Client-Request-Id}
     * @param timestamp       {@code Timestamp} (epoch ms)
     * @param authorization   {@code Authorization}
     */
    public record Signed(String apiKey, String clientRequestId, String timestamp, String authorization) {

        /** All request headers Commerce Hub requires, {@code Content-Type} included. */
        public Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", "application/json");
            h.put("Client-Request-Id", clientRequestId);
            h.put("Api-Key", apiKey);
            h.put("Timestamp", timestamp);
            h.put("Auth-Token-Type", "HMAC");
            h.put("Authorization", authorization);
            return h;
        }

        /** Sets {@link #headers()} on a {@code java.net.http} request builder. */
        public HttpRequest.Builder applyTo(HttpRequest.Builder builder) {
            headers().forEach(builder::header);
            return builder;
        }
    }
}
