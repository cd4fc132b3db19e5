package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.standalonecredit.simulator.AuthResult;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.SimJson;

/**
 * Server-side check of a Cybersource / Visa Acceptance "JWT v2" ({@code Authorization: Bearer <JWS>}), written
 * from the protocol notes {@code cybersource-jwt-mle.md} independently of any client code.
 *
 * <ul>
 *   <li>The JOSE {@code kid} selects the key: a shared-secret key id (HMAC with the base64-<em>decoded</em>
 *       secret) or a registered certificate's kid (RSA). An HMAC {@code alg} with a certificate kid, an RSA
 *       {@code alg} with a shared-secret kid, and {@code none} are refused.</li>
 *   <li>The signature is checked over the header and payload segments exactly as received.</li>
 *   <li>Claims: {@code v-c-jwt-version} "2", {@code iat}/{@code exp} against the clock, {@code exp} at most
 *       120 s after {@code iat}, {@code iss}/{@code v-c-merchant-id}, {@code request-host} (the {@code Host}
 *       header without port), {@code request-method} (lower or upper case), {@code request-resource-path}
 *       (with or without the query), {@code digest} over the exact body bytes with {@code digestAlgorithm}
 *       or {@code digest-algorithm} "SHA-256", and {@code jti} not seen before within the token's life.</li>
 * </ul>
 * Thread-safe. Rejection reasons never contain secrets or signature values.
 */
public final class JwtVerifier {
    /** Longest token life the documentation allows: "cannot exceed two minutes after iat" [DOC-GS Step 3C]. */
    public static final Duration MAX_TOKEN_LIFE = Duration.ofMinutes(2);
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    /** JOSE name → JCA MAC; HS384/HS512 are documented too [DOC-GS Step 3B], SDKs use HS256. */
    private static final Map<String, String> HMAC_ALGS = Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384",
            "HS512", "HmacSHA512");
    /** JOSE name → JCA signature; RS256 is the default, the others are documented for P12 [DOC-GS Step 3B]. */
    private static final Map<String, String> RSA_ALGS = Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA",
            "RS512", "SHA512withRSA", "PS256", "SHA-256", "PS384", "SHA-384", "PS512", "SHA-512");

    private final Trust trust;
    private final Map<String, byte[]> secrets = new HashMap<>();
    private final Clock clock;
    private final Duration maxClockSkew;
    /** kid + jti → when the entry may be forgotten (the token can no longer pass the time checks). */
    private final Map<String, Instant> seenJti = new HashMap<>();

    /**
     * Who the simulator trusts.
     *
     * @param merchantId         the merchant: accepted {@code iss} and {@code v-c-merchant-id} without a meta key
     * @param sharedSecrets      shared-secret key id → secret, base64 as issued
     * @param certificates       kid → the merchant's JWT (P12) certificate, for RSA algorithms
     * @param portfolios         portfolio id (the {@code iss} of a meta key) → merchants it transacts for
     * @param requestHostAliases {@code request-host} values accepted whatever the {@code Host} header says
     *                           (a client behind a proxy, e.g. the Node SDK's {@code intermediateHost})
     */
    public record Trust(String merchantId, Map<String, String> sharedSecrets, Map<String, X509Certificate> certificates,
                        Map<String, Set<String>> portfolios, Set<String> requestHostAliases) {
        /** Copies every collection. */
        public Trust {
            Objects.requireNonNull(merchantId, "merchantId");
            sharedSecrets = Map.copyOf(sharedSecrets);
            certificates = Map.copyOf(certificates);
            Map<String, Set<String>> copy = new HashMap<>();
            portfolios.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            portfolios = Map.copyOf(copy);
            requestHostAliases = requestHostAliases.stream().map(h -> h.toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    /**
     * Outcome of {@link #verify}.
     *
     * @param auth            accepted, or why not
     * @param merchantId      the transacting merchant ({@code v-c-merchant-id}) when accepted
     * @param responseMleKid  the {@code v-c-response-mle-kid} claim, or {@code null}
     */
    public record Verified(AuthResult auth, String merchantId, String responseMleKid) {
        static Verified rejected(String reason) {
            return new Verified(AuthResult.rejected(reason), null, null);
        }
    }

    /**
     * @param trust        keys, merchants and accepted host aliases
     * @param clock        the simulator clock
     * @param maxClockSkew tolerance on {@code iat} in the future and {@code exp} in the past
     */
    public JwtVerifier(Trust trust, Clock clock, Duration maxClockSkew) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        trust.sharedSecrets().forEach((kid, b64) -> secrets.put(kid, Base64.getDecoder().decode(b64)));
        for (String kid : trust.certificates().keySet()) {
            if (secrets.containsKey(kid)) {
                throw new IllegalArgumentException("kid " + kid + " is both a shared-secret key and a certificate");
            }
        }
    }

    /** Whether a request carries {@code Authorization: Bearer …} (and is for this verifier). */
    public static boolean isBearer(RecordedRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** Verifies a recorded request ({@code Host} header as received). */
    public Verified verify(RecordedRequest request) {
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
    public Verified verify(String method, String pathAndQuery, Function<String, String> header, byte[] body) {
        String authorization = header.apply("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verified.rejected("no Authorization: Bearer header");
        }
        String[] parts = authorization.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            return Verified.rejected("token is not a compact JWS of three parts");
        }
        ObjectNode jose = jsonSegment(parts[0]);
        if (jose == null) {
            return Verified.rejected("JOSE header is not base64url JSON");
        }
        String alg = text(jose, "alg");
        String kid = text(jose, "kid");
        JsonNode typ = jose.get("typ");
        if (alg == null || alg.equalsIgnoreCase("none")) {
            return Verified.rejected("alg none or missing");
        }
        // the notes allow typ absent or "JWT" [DOC-GS Step 3B; recommendation 1]
        if (typ != null && !"JWT".equals(typ.textValue())) {
            return Verified.rejected("typ is not JWT");
        }
        if (jose.has("crit")) {
            return Verified.rejected("crit header parameters are not understood");
        }
        if (kid == null) {
            return Verified.rejected("no kid");
        }
        AuthResult signature = checkSignature(alg, kid, parts);
        if (!signature.accepted()) {
            return new Verified(signature, null, null);
        }
        ObjectNode claims = jsonSegment(parts[1]);
        if (claims == null) {
            return Verified.rejected("claims are not base64url JSON");
        }
        String problem = checkClaims(claims, method, pathAndQuery, header.apply("Host"), body);
        if (problem != null) {
            return Verified.rejected(problem);
        }
        JsonNode responseKid = claims.get("v-c-response-mle-kid");
        if (responseKid != null && !responseKid.isTextual()) {
            return Verified.rejected("v-c-response-mle-kid is not a string");
        }
        problem = remember(kid + ' ' + text(claims, "jti"), Instant.ofEpochSecond(numericDate(claims.get("exp"))));
        if (problem != null) {
            return Verified.rejected(problem);
        }
        return new Verified(AuthResult.ok(), text(claims, "v-c-merchant-id"),
                responseKid == null ? null : responseKid.textValue());
    }

    /** Forgets every {@code jti} seen (for a simulator reset). */
    public void forgetTokens() {
        synchronized (seenJti) {
            seenJti.clear();
        }
    }

    private AuthResult checkSignature(String alg, String kid, String[] parts) {
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] given = base64Url(parts[2]);
        if (given == null) {
            return AuthResult.rejected("signature is not canonical base64url");
        }
        byte[] secret = secrets.get(kid);
        X509Certificate certificate = trust.certificates().get(kid);
        if (secret == null && certificate == null) {
            return AuthResult.rejected("unknown kid");
        }
        try {
            if (secret != null) {
                String mac = HMAC_ALGS.get(alg);
                if (mac == null) {
                    return AuthResult.rejected("alg " + alg + " is not allowed for a shared-secret kid");
                }
                Mac m = Mac.getInstance(mac);
                m.init(new SecretKeySpec(secret, mac));
                return MessageDigest.isEqual(m.doFinal(signingInput), given)
                        ? AuthResult.ok() : AuthResult.rejected("signature mismatch");
            }
            String jca = RSA_ALGS.get(alg);
            if (jca == null) {
                return AuthResult.rejected("alg " + alg + " is not allowed for a certificate kid");
            }
            Signature s;
            if (alg.startsWith("PS")) {
                int saltBytes = Integer.parseInt(alg.substring(2)) / 8;
                s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec(jca, "MGF1", new MGF1ParameterSpec(jca), saltBytes, 1));
            } else {
                s = Signature.getInstance(jca);
            }
            s.initVerify(certificate.getPublicKey());
            s.update(signingInput);
            return s.verify(given) ? AuthResult.ok() : AuthResult.rejected("signature mismatch");
        } catch (GeneralSecurityException e) {
            return AuthResult.rejected("signature mismatch");
        }
    }

    /** The first claim problem, or {@code null}. */
    private String checkClaims(ObjectNode claims, String method, String pathAndQuery, String host, byte[] body) {
        JsonNode version = claims.get("v-c-jwt-version");
        if (version == null || !"2".equals(version.textValue())) {
            return "v-c-jwt-version is not \"2\" (v1 tokens are not accepted)";
        }
        String time = checkTime(claims);
        if (time != null) {
            return time;
        }
        String merchant = checkMerchant(text(claims, "iss"), text(claims, "v-c-merchant-id"));
        if (merchant != null) {
            return merchant;
        }
        String requestHost = text(claims, "request-host");
        if (requestHost == null || !(requestHost.equalsIgnoreCase(hostWithoutPort(host))
                || trust.requestHostAliases().contains(requestHost.toLowerCase(Locale.ROOT)))) {
            return "request-host does not match the Host header without port";
        }
        // docs and Node send lower case, Python/Ruby/PHP/.NET upper case [DOC-GS Step 3C; PY76; Q1]
        String requestMethod = text(claims, "request-method");
        if (requestMethod == null || !(requestMethod.equals(method.toLowerCase(Locale.ROOT))
                || requestMethod.equals(method.toUpperCase(Locale.ROOT)))) {
            return "request-method does not match";
        }
        // Q2: SDKs disagree on the query string, so the path is accepted with or without it
        String path = text(claims, "request-resource-path");
        int q = pathAndQuery.indexOf('?');
        if (path == null || !(path.equals(pathAndQuery) || path.equals(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q)))) {
            return "request-resource-path does not match";
        }
        String digest = checkDigest(claims, method, body);
        if (digest != null) {
            return digest;
        }
        String jti = text(claims, "jti");
        return jti == null || jti.isEmpty() ? "no jti" : null;
    }

    private String checkTime(ObjectNode claims) {
        long iat = numericDate(claims.get("iat"));
        long exp = numericDate(claims.get("exp"));
        if (iat < 0 || exp < 0) {
            return "iat or exp missing or not a NumericDate";
        }
        if (exp < iat) {
            return "exp is before iat";
        }
        if (exp - iat > MAX_TOKEN_LIFE.toSeconds()) {
            return "exp is more than 2 minutes after iat";
        }
        Instant now = clock.instant();
        if (now.isAfter(Instant.ofEpochSecond(exp).plus(maxClockSkew))) {
            return "token expired";
        }
        if (Instant.ofEpochSecond(iat).isAfter(now.plus(maxClockSkew))) {
            return "iat is in the future";
        }
        return null;
    }

    /** iss is the merchant, or with a meta key the portfolio [DOC-GS Step 3C; NODE83; PY76]. */
    private String checkMerchant(String iss, String merchant) {
        if (iss == null || merchant == null) {
            return "iss or v-c-merchant-id missing";
        }
        if (iss.equals(trust.merchantId())) {
            return merchant.equals(trust.merchantId()) ? null : "v-c-merchant-id is not the merchant";
        }
        Set<String> merchants = trust.portfolios().get(iss);
        if (merchants == null) {
            return "iss is neither the merchant nor a known portfolio";
        }
        return merchants.contains(merchant) ? null : "v-c-merchant-id is not a merchant of the portfolio";
    }

    /** digest only with a body, over the exact bytes received, base64 without prefix [DOC-GS Step 3C]. */
    private static String checkDigest(ObjectNode claims, String method, byte[] body) {
        JsonNode digest = claims.get("digest");
        List<JsonNode> algorithms = new ArrayList<>(2);
        // the docs and Python spell it digestAlgorithm, the Node SDK digest-algorithm [Q1]
        for (String name : List.of("digestAlgorithm", "digest-algorithm")) {
            if (claims.has(name)) {
                algorithms.add(claims.get(name));
            }
        }
        if (!BODY_METHODS.contains(method.toUpperCase(Locale.ROOT)) && body.length == 0) {
            return digest == null && algorithms.isEmpty() ? null : "digest claims must be absent without a body";
        }
        if (digest == null || !digest.isTextual()) {
            return "no digest";
        }
        if (algorithms.isEmpty() || algorithms.stream().anyMatch(a -> !"SHA-256".equals(a.textValue()))) {
            return "digestAlgorithm is not SHA-256";
        }
        byte[] expected;
        try {
            expected = Base64.getEncoder().encode(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        return MessageDigest.isEqual(expected, digest.textValue().getBytes(StandardCharsets.US_ASCII))
                ? null : "digest does not match the body";
    }

    private String remember(String key, Instant exp) {
        Instant now = clock.instant();
        synchronized (seenJti) {
            for (Iterator<Instant> it = seenJti.values().iterator(); it.hasNext(); ) {
                if (it.next().isBefore(now)) {
                    it.remove();
                }
            }
            if (seenJti.containsKey(key)) {
                return "jti replayed";
            }
            seenJti.put(key, exp.plus(maxClockSkew));
            return null;
        }
    }

    /** The host of a {@code Host} header: {@code host}, {@code host:port}, {@code [v6]:port}. */
    static String hostWithoutPort(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h : h.substring(0, close + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** Epoch seconds of a NumericDate (a JSON integer, or digits as a string: docs say "String / Numeric"), else -1. */
    private static long numericDate(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return Math.max(-1, node.longValue());
        }
        if (node != null && node.isTextual() && node.textValue().matches("\\d{1,12}")) {
            return Long.parseLong(node.textValue());
        }
        return -1;
    }

    private static String text(ObjectNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static ObjectNode jsonSegment(String segment) {
        byte[] bytes = base64Url(segment);
        if (bytes == null) {
            return null;
        }
        try {
            return SimJson.parseObject(bytes);
        } catch (SimJson.InvalidJsonException e) {
            return null;
        }
    }

    /**
     * Strict base64url without padding. Non-canonical text (spare bits set in the last character) is refused,
     * or a changed last character of a signature could still decode to the same bytes.
     */
    static byte[] base64Url(String segment) {
        if (!BASE64URL.matcher(segment).matches()) {
            return null;
        }
        byte[] out;
        try {
            out = Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out).equals(segment) ? out : null;
    }
}
