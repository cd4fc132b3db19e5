package org.standalonecredit.simulator.cybersource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.standalonecredit.simulator.AuthResult;
import org.standalonecredit.simulator.RecordedRequest;

/**
 * Server-side check of a Cybersource / Visa Acceptance HTTP Signature, as the gateway does it.
 *
 * <ul>
 *   <li>{@code Signature} header: {@code keyid}, {@code algorithm="HmacSHA256"}, {@code headers},
 *       {@code signature}; keyid must be the configured key.</li>
 *   <li>Signed headers must include {@code host date request-target v-c-merchant-id}, plus {@code digest}
 *       for POST/PUT/PATCH. The legacy {@code (request-target)} name is refused.</li>
 *   <li>The signing string is rebuilt from the request's own header values in the listed order;
 *       {@code request-target} is lower-case method, space, path with query.</li>
 *   <li>{@code Digest} must equal {@code SHA-256=}base64(SHA-256(exact body bytes)).</li>
 *   <li>{@code v-c-merchant-id} must be the configured merchant.</li>
 *   <li>{@code Date} must parse as RFC 1123 (day with or without zero padding) and lie within the allowed
 *       skew of the clock.</li>
 * </ul>
 * Thread-safe. Rejection reasons never contain secrets or signature values.
 */
public final class HttpSignatureVerifier {
    /** Default allowed distance between {@code Date} and the clock. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final List<String> REQUIRED = List.of("host", "date", "request-target", "v-c-merchant-id");

    private final byte[] merchantId;
    private final byte[] keyId;
    private final byte[] secret;
    private final Clock clock;
    private final Duration maxClockSkew;

    /**
     * @param merchantId         accepted {@code v-c-merchant-id}
     * @param keyId              accepted {@code keyid}
     * @param sharedSecretBase64 shared secret, base64 as issued
     * @param clock              clock for {@code Date} freshness
     * @param maxClockSkew       allowed distance between {@code Date} and the clock, either direction
     */
    public HttpSignatureVerifier(String merchantId, String keyId, String sharedSecretBase64, Clock clock,
                                 Duration maxClockSkew) {
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId").getBytes(StandardCharsets.UTF_8);
        this.keyId = Objects.requireNonNull(keyId, "keyId").getBytes(StandardCharsets.UTF_8);
        this.secret = Base64.getDecoder().decode(Objects.requireNonNull(sharedSecretBase64, "sharedSecretBase64"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    }

    /** Verifies a recorded request. */
    public AuthResult verify(RecordedRequest request) {
        return verify(request.method(), request.path(), request::header, request.body());
    }

    /**
     * Verifies a request.
     *
     * @param method       HTTP method
     * @param pathAndQuery raw path including {@code ?query}
     * @param header       case-insensitive header lookup (first value), {@code null} when absent
     * @param body         exact body bytes received
     */
    public AuthResult verify(String method, String pathAndQuery, Function<String, String> header, byte[] body) {
        String signatureHeader = header.apply("Signature");
        if (signatureHeader == null) {
            return AuthResult.rejected("no Signature header");
        }
        Map<String, String> params = parseSignatureHeader(signatureHeader);
        if (params == null) {
            return AuthResult.rejected("Signature header is malformed");
        }
        String kid = params.get("keyid");
        String algorithm = params.get("algorithm");
        String headerList = params.get("headers");
        String signature = params.get("signature");
        if (kid == null || algorithm == null || headerList == null || signature == null) {
            return AuthResult.rejected("Signature header lacks keyid, algorithm, headers or signature");
        }
        if (!MessageDigest.isEqual(kid.getBytes(StandardCharsets.UTF_8), keyId)) {
            return AuthResult.rejected("unknown keyid");
        }
        if (!CybersourceSigner.ALGORITHM.equals(algorithm)) {
            return AuthResult.rejected("unsupported algorithm");
        }
        String m = method.toUpperCase(Locale.ROOT);
        List<String> names = List.of(headerList.trim().toLowerCase(Locale.ROOT).split("\\s+"));
        if (names.contains("(request-target)")) {
            return AuthResult.rejected("legacy (request-target) is no longer accepted");
        }
        if (new HashSet<>(names).size() != names.size()) {
            return AuthResult.rejected("a header is signed twice");
        }
        if (!names.containsAll(REQUIRED)) {
            return AuthResult.rejected("signed headers must include " + String.join(" ", REQUIRED));
        }
        boolean bodyMethod = BODY_METHODS.contains(m);
        if (bodyMethod && !names.contains("digest")) {
            return AuthResult.rejected("digest must be signed for " + m);
        }
        if (names.contains("digest") || bodyMethod) {
            String digest = header.apply("Digest");
            if (digest == null || !MessageDigest.isEqual(digest.getBytes(StandardCharsets.UTF_8),
                    CybersourceSigner.digest(body).getBytes(StandardCharsets.UTF_8))) {
                return AuthResult.rejected("Digest does not match the body");
            }
        }
        String mid = header.apply("v-c-merchant-id");
        if (mid == null || !MessageDigest.isEqual(mid.getBytes(StandardCharsets.UTF_8), merchantId)) {
            return AuthResult.rejected("v-c-merchant-id does not match");
        }
        AuthResult fresh = checkDate(header.apply("Date"));
        if (!fresh.accepted()) {
            return fresh;
        }
        List<String> lines = new ArrayList<>(names.size());
        for (String name : names) {
            String value = name.equals("request-target")
                    ? CybersourceSigner.requestTarget(m, pathAndQuery)
                    : header.apply(name);
            if (value == null) {
                return AuthResult.rejected("signed header " + name + " is missing");
            }
            lines.add(name + ": " + value);
        }
        byte[] expected = CybersourceSigner.hmacSha256(secret, String.join("\n", lines));
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return AuthResult.rejected("signature is not base64");
        }
        return MessageDigest.isEqual(expected, given) ? AuthResult.ok() : AuthResult.rejected("signature mismatch");
    }

    private AuthResult checkDate(String date) {
        if (date == null) {
            return AuthResult.rejected("no Date header");
        }
        Instant when;
        try {
            when = ZonedDateTime.parse(date.trim(), CybersourceSigner.DATE_FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            return AuthResult.rejected("Date is not RFC 1123");
        }
        Duration skew = Duration.between(when, clock.instant()).abs();
        return skew.compareTo(maxClockSkew) <= 0 ? AuthResult.ok() : AuthResult.rejected("Date is not fresh");
    }

    /**
     * Parses {@code k1="v1", k2="v2"}; keys lower-cased. Returns {@code null} when malformed.
     */
    static Map<String, String> parseSignatureHeader(String value) {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String key = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            if (i >= n || value.charAt(i) != '"') {
                return null;
            }
            int close = value.indexOf('"', i + 1);
            if (close < 0) {
                return null;
            }
            if (out.put(key, value.substring(i + 1, close)) != null) {
                return null;
            }
            i = close + 1;
        }
        return out;
    }
}
