package org.standalonecredit.cybersource.jose;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.standalonecredit.kit.signing.Sha256;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The claim set of a Cybersource "JWT v2" request token [DOC-GS Step 3C], immutable. Names and member order
 * are the guide's Step 3D example (vector v8); the Node SDK spells {@code digest-algorithm} instead and
 * Python upper-cases the method ([PROTOCOL-SOURCES: Cybersource: JWT and message-level encryption], an open point).
 *
 * @param issuer              {@code iss}: the merchant id, or the portfolio id under a meta key
 * @param merchantId          {@code v-c-merchant-id}: the transacting merchant, also under a meta key
 * @param requestHost         {@code request-host}: host name only, no scheme or path
 * @param requestMethod       {@code request-method}: stored lower-case, the documented form
 * @param requestResourcePath {@code request-resource-path}: the path as sent (whether a query belongs in it is
 *                            open question Q2; the credits API has none)
 * @param issuedAt            {@code iat} in epoch seconds; {@code exp} is {@code iat + 120}
 * @param jwtId               {@code jti}: unique per request, for replay prevention (the SDKs send a UUID v4)
 * @param digest              {@code digest}: base64 SHA-256 of the exact body sent, for POST/PUT/PATCH only;
 *                            null otherwise
 * @param responseMleKid      {@code v-c-response-mle-kid}: asks for response MLE under that key; null for none
 */
public record JwtClaims(String issuer, String merchantId, String requestHost, String requestMethod,
                        String requestResourcePath, long issuedAt, String jwtId, String digest, String responseMleKid) {
    /** [DOC-GS Step 3C] "Field values cannot exceed two minutes after … iat"; every SDK uses exactly 120. */
    public static final long LIFETIME_SECONDS = 120;
    public static final String JWT_VERSION = "2";
    public static final String DIGEST_ALGORITHM = "SHA-256";
    /** [DOC-GS] "Do not include [digest] if the request message is empty, such as during a GET or DELETE". */
    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");

    public JwtClaims {
        requireText(issuer, "issuer");
        requireText(merchantId, "merchantId");
        requireText(requestHost, "requestHost");
        if (requestHost.contains("/") || anyAtOrBelowSpace(requestHost)) {
            throw new IllegalArgumentException("requestHost must be a host name only, without scheme, path or spaces: " + requestHost);
        }
        requireText(requestMethod, "requestMethod");
        if (!lettersOnly(requestMethod)) {
            throw new IllegalArgumentException("requestMethod must be an HTTP method name: " + requestMethod);
        }
        requestMethod = requestMethod.toLowerCase(Locale.ROOT);
        requireText(requestResourcePath, "requestResourcePath");
        if (!requestResourcePath.startsWith("/")) {
            throw new IllegalArgumentException("requestResourcePath must start with '/': " + requestResourcePath);
        }
        if (issuedAt < 0) {
            throw new IllegalArgumentException("issuedAt must be epoch seconds, not " + issuedAt);
        }
        requireText(jwtId, "jwtId");
        if (hasBody(requestMethod) != (digest != null)) {
            throw new IllegalArgumentException("digest must be given for POST, PUT and PATCH and only for them, not for " + requestMethod);
        }
        if (digest != null) {
            requireText(digest, "digest");
        }
        if (responseMleKid != null) {
            requireText(responseMleKid, "responseMleKid");
        }
    }

    /**
     * The claims for one request at {@code now} (truncated to the second).
     *
     * @param body the exact bytes sent, after any MLE wrapping [DOC-GS Step 4C Java example];
     *             null for none. POST/PUT/PATCH digest it (null as no bytes); GET/DELETE must not have one.
     */
    public static JwtClaims forRequest(String issuer, String merchantId, String requestHost, String requestMethod,
                                       String requestResourcePath, byte[] body, String responseMleKid, Instant now, String jwtId) {
        requireText(requestMethod, "requestMethod");
        String digest = null;
        if (hasBody(requestMethod.toLowerCase(Locale.ROOT))) {
            digest = digest(body == null ? new byte[0] : body);
        } else if (body != null && body.length > 0) {
            throw new IllegalArgumentException(requestMethod + " sends no body, so there is nothing to digest");
        }
        return new JwtClaims(issuer, merchantId, requestHost, requestMethod, requestResourcePath, now.getEpochSecond(),
                jwtId, digest, responseMleKid);
    }

    /** {@code exp}: two minutes after {@code iat}. */
    public long expiresAt() {
        return issuedAt + LIFETIME_SECONDS;
    }

    /** base64 (standard alphabet, padded) of SHA-256 of exactly these bytes, without a {@code SHA-256=} prefix. */
    public static String digest(byte[] body) {
        return Base64.getEncoder().encodeToString(Sha256.digest(body));
    }

    /** The JSON text signed as the JWS payload, in the order of the guide's example [DOC-GS Step 3D]. */
    public String toJson() {
        return new String(toUtf8(), StandardCharsets.UTF_8);
    }

    /** {@link #toJson()} as the UTF-8 bytes that are signed. */
    byte[] toUtf8() {
        return write().toUtf8();
    }

    /** The claims written, not yet closed. */
    JsonText write() {
        JsonText json = new JsonText();
        if (digest != null) {
            json.string("digest", digest).string("digestAlgorithm", DIGEST_ALGORITHM);
        }
        json.number("iat", issuedAt)
                .number("exp", expiresAt())
                .string("request-method", requestMethod)
                .string("request-resource-path", requestResourcePath)
                .string("request-host", requestHost)
                .string("iss", issuer)
                .string("jti", jwtId)
                .string("v-c-jwt-version", JWT_VERSION)
                .string("v-c-merchant-id", merchantId);
        if (responseMleKid != null) {
            json.string("v-c-response-mle-kid", responseMleKid);
        }
        return json;
    }

    private static boolean anyAtOrBelowSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) <= ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean lettersOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasBody(String lowerCaseMethod) {
        return BODY_METHODS.contains(lowerCaseMethod);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
