package org.standalonecredit.simulator.commercehub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import org.standalonecredit.simulator.AuthResult;
import org.standalonecredit.simulator.RecordedRequest;

/**
 * Server-side check of Commerce Hub HMAC authentication: {@code Api-Key} is the configured key,
 * {@code Client-Request-Id} present, {@code Auth-Token-Type: HMAC}, {@code Timestamp} (epoch ms) within the
 * allowed skew of the clock, and {@code Authorization} equal to
 * base64(HmacSHA256(apiSecret, apiKey + Client-Request-Id + Timestamp + exact body)). Thread-safe.
 */
public final class HmacVerifier {
    /** Commerce Hub's documented time limit. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final String apiKey;
    private final byte[] apiSecret;
    private final Clock clock;
    private final Duration maxClockSkew;

    /**
     * @param apiKey       accepted {@code Api-Key}
     * @param apiSecret    API secret (UTF-8 bytes are the HMAC key)
     * @param clock        clock for {@code Timestamp} freshness
     * @param maxClockSkew allowed distance between {@code Timestamp} and the clock, either direction
     */
    public HmacVerifier(String apiKey, String apiSecret, Clock clock, Duration maxClockSkew) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret").getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    }

    /** Verifies a recorded request. */
    public AuthResult verify(RecordedRequest request) {
        return verify(request::header, request.body());
    }

    /**
     * Verifies a request.
     *
     * @param header case-insensitive header lookup (first value), {@code null} when absent
     * @param body   exact body bytes received
     */
    public AuthResult verify(Function<String, String> header, byte[] body) {
        String key = header.apply("Api-Key");
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                apiKey.getBytes(StandardCharsets.UTF_8))) {
            return AuthResult.rejected("unknown Api-Key");
        }
        String clientRequestId = header.apply("Client-Request-Id");
        if (clientRequestId == null || clientRequestId.isBlank()) {
            return AuthResult.rejected("no Client-Request-Id");
        }
        String type = header.apply("Auth-Token-Type");
        if (type == null || !type.equalsIgnoreCase("HMAC")) {
            return AuthResult.rejected("Auth-Token-Type is not HMAC");
        }
        String timestamp = header.apply("Timestamp");
        long millis;
        try {
            millis = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            return AuthResult.rejected("Timestamp is not epoch milliseconds");
        }
        if (Duration.between(Instant.ofEpochMilli(millis), clock.instant()).abs().compareTo(maxClockSkew) > 0) {
            return AuthResult.rejected("Timestamp is not fresh");
        }
        String authorization = header.apply("Authorization");
        if (authorization == null) {
            return AuthResult.rejected("no Authorization");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.trim());
        } catch (IllegalArgumentException e) {
            return AuthResult.rejected("Authorization is not base64");
        }
        byte[] expected = CommerceHubSigner.hmac(apiSecret, apiKey, clientRequestId, timestamp, body);
        return MessageDigest.isEqual(expected, given) ? AuthResult.ok() : AuthResult.rejected("signature mismatch");
    }
}
