package org.standalonecredit.simulator.cybersource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client-side Cybersource / Visa Acceptance HTTP Signature signer, for tests and applications that talk to
 * the simulator (or, with real credentials, to the gateway).
 *
 * <p>Signs {@code host date request-target digest v-c-merchant-id} (POST/PUT/PATCH) or
 * {@code host date request-target v-c-merchant-id} (GET/DELETE) with HMAC-SHA256 keyed by the base64-decoded
 * shared secret. {@code request-target} is written without parentheses: {@code post /pts/v2/credits}.
 * The digest covers exactly the bytes given, which must be exactly the bytes sent.
 *
 * <p>The {@code Host} value is derived from the URI the way HTTP clients send it ({@code host} or
 * {@code host:port} for a non-default port). {@code java.net.http} does not let callers set {@code Host}, so
 * {@link Signed#applyTo(HttpRequest.Builder)} sets every header except {@code Host}.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} never shows the secret.
 */
public final class CybersourceSigner {
    /** The signature algorithm name sent in the {@code Signature} header. */
    public static final String ALGORITHM = "HmacSHA256";
    /** Date format used for the {@code Date} header (Java's RFC 1123 formatter: the day is not zero-padded). */
    public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final String merchantId;
    private final String keyId;
    private final byte[] secret;
    private final Clock clock;

    /**
     * @param merchantId         the {@code v-c-merchant-id}
     * @param keyId              the shared-secret key id ({@code keyid})
     * @param sharedSecretBase64 the shared secret as issued, base64
     * @param clock              source of the {@code Date} header
     */
    public CybersourceSigner(String merchantId, String keyId, String sharedSecretBase64, Clock clock) {
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.secret = Base64.getDecoder().decode(Objects.requireNonNull(sharedSecretBase64, "sharedSecretBase64"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs a request to {@code uri} (host, path and query taken from it) dated now. */
    public Signed sign(String method, URI uri, byte[] body) {
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        return sign(method, hostHeader(uri), pathAndQuery, body);
    }

    /** Signs a request dated now. */
    public Signed sign(String method, String host, String pathAndQuery, byte[] body) {
        return sign(method, host, pathAndQuery, body, DATE_FORMAT.format(ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC)));
    }

    /** Signs a request with an explicit {@code Date} header value (for test vectors). */
    public Signed sign(String method, String host, String pathAndQuery, byte[] body, String date) {
        String m = method.toUpperCase(Locale.ROOT);
        boolean withDigest = BODY_METHODS.contains(m);
        String digest = withDigest ? digest(body) : null;
        StringBuilder signing = new StringBuilder()
                .append("host: ").append(host).append('\n')
                .append("date: ").append(date).append('\n')
                .append("request-target: ").append(requestTarget(m, pathAndQuery)).append('\n');
        if (withDigest) {
            signing.append("digest: ").append(digest).append('\n');
        }
        signing.append("v-c-merchant-id: ").append(merchantId);
        String headers = withDigest ? "host date request-target digest v-c-merchant-id"
                : "host date request-target v-c-merchant-id";
        String signature = Base64.getEncoder().encodeToString(hmacSha256(secret, signing.toString()));
        String header = "keyid=\"" + keyId + "\", algorithm=\"" + ALGORITHM + "\", headers=\"" + headers
                + "\", signature=\"" + signature + "\"";
        return new Signed(host, date, digest, merchantId, header);
    }

    /** {@code SHA-256=} + base64(SHA-256(body)). */
    public static String digest(byte[] body) {
        try {
            return "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The {@code Host} header an HTTP client sends for {@code uri}: host, plus {@code :port} unless default. */
    public static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || (secure ? port == 443 : port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    static String requestTarget(String method, String pathAndQuery) {
        return method.toLowerCase(Locale.ROOT) + " " + pathAndQuery;
    }

    static byte[] hmacSha256(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "CybersourceSigner[merchantId=" + merchantId + ", keyId=" + keyId + "]";
    }

    /**
     * The authentication headers for one request.
     *
     * @param host       the {@code Host} value that was signed
     * @param date       the {@code Date} header
     * @param digest     the {@code Digest} header, or {@code null} for GET/DELETE
     * @param merchantId the {@code v-c-merchant-id} header
     * @param signature  the full {@code Signature} header value
     */
    public record Signed(String host, String date, String digest, String merchantId, String signature) {

        /** All headers in signing order, {@code Host} included. */
        public Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Host", host);
            h.put("Date", date);
            if (digest != null) {
                h.put("Digest", digest);
            }
            h.put("v-c-merchant-id", merchantId);
            h.put("Signature", signature);
            return h;
        }

        /** Sets every header except {@code Host} (which {@code java.net.http} derives from the URI). */
        public HttpRequest.Builder applyTo(HttpRequest.Builder builder) {
            headers().forEach((k, v) -> {
                if (!k.equals("Host")) {
                    builder.header(k, v);
                }
            });
            return builder;
        }
    }
}
