package org.standalonecredit.cybersource;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.cybersource.jose.JwtSigner;
import org.standalonecredit.cybersource.jose.P12Credentials;

/**
 * The connection settings every Cybersource-family provider reads under {@code <name>.<provider id>.}:
 * {@code merchant-id}, {@code authentication} and its credentials ({@code key-id} and {@code secret-key} (base64,
 * as issued) for {@code jwt} and {@code http-signature}; {@code p12-file} or {@code p12-base64} and
 * {@code p12-password} for {@code jwt-p12}), {@code portfolio-id}, the {@code mle.*} keys, {@code environment}
 * (a name from the provider's {@link HostTable}) and {@code base-url} (overrides the environment, e.g. a
 * simulator). Problems go to the settings' shared list; the caller calls {@code throwIfInvalid()}.
 */
public final class CybersourceSettings {
    public static final String MERCHANT_ID = "merchant-id";
    public static final String KEY_ID = "key-id";
    public static final String SECRET_KEY = "secret-key";
    public static final String ENVIRONMENT = "environment";
    public static final String BASE_URL = "base-url";
    /**
     * {@code jwt} (a Bearer token signed with the shared secret), {@code jwt-p12} (signed with the P12's RSA key) or
     * {@code http-signature} (being retired).
     */
    public static final String AUTHENTICATION = "authentication";
    /** With a meta key: the portfolio that owns the key, which signs for {@code merchant-id} (JWT only). */
    public static final String PORTFOLIO_ID = "portfolio-id";
    public static final String JWT = "jwt";
    public static final String JWT_P12 = "jwt-p12";
    public static final String P12_FILE = P12Keys.FILE;
    public static final String P12_BASE64 = P12Keys.BASE64;
    public static final String P12_PASSWORD = P12Keys.PASSWORD;
    public static final String HTTP_SIGNATURE = "http-signature";
    /** JWT: Cybersource retires HTTP Signature in March 2027. */
    public static final String DEFAULT_AUTHENTICATION = JWT;
    /** Message-level encryption (JWT modes only): requests to the gateway's MLE certificate, answers to the merchant's key. */
    public static final String MLE_REQUEST = "mle.request";
    public static final String MLE_CERTIFICATE = "mle.certificate";
    public static final String MLE_RESPONSE = "mle.response";
    public static final String MLE_RESPONSE_KEY = "mle.response-key";
    public static final String MLE_RESPONSE_KEY_ID = "mle.response-key-id";
    /** The merchant's response-MLE certificate: checks that the key belongs to it, and gives the key id. */
    public static final String MLE_RESPONSE_CERTIFICATE = "mle.response-certificate";
    public static final List<String> KEYS = List.of(MERCHANT_ID, KEY_ID, SECRET_KEY, ENVIRONMENT, BASE_URL, AUTHENTICATION, PORTFOLIO_ID,
            P12_FILE, P12_BASE64, P12_PASSWORD, MLE_REQUEST, MLE_CERTIFICATE, MLE_RESPONSE, MLE_RESPONSE_KEY, MLE_RESPONSE_KEY_ID, MLE_RESPONSE_CERTIFICATE);
    private static final Logger LOG = LoggerFactory.getLogger(CybersourceSettings.class);
    /** RFC 7518 §3.2: an HS256 key is at least as long as the hash; issued secrets are 32 bytes. */
    private static final int JWT_SECRET_BYTES = 32;

    /** Values that go into headers and the signing string: visible ASCII, no quotes, commas or backslashes. */
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7E&&[^\"\\\\,]]{1,128}");

    private final String merchantId;
    private final String keyId;
    private final Secret secretKey;
    private final URI baseUrl;
    private final String authentication;
    private final String portfolioId;
    private final P12Credentials p12;
    private final MleKeys mle;

    private CybersourceSettings(String merchantId, String keyId, Secret secretKey, P12Credentials p12, URI baseUrl,
                                String authentication, String portfolioId, MleKeys mle) {
        this.merchantId = merchantId;
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.p12 = p12;
        this.baseUrl = baseUrl;
        this.authentication = authentication;
        this.portfolioId = portfolioId;
        this.mle = mle;
    }

    /**
     * Reads every key, recording each problem; returns null when any key is unusable. The clock decides whether
     * certificates are valid.
     */
    public static CybersourceSettings read(GatewaySettings settings, HostTable hosts, Clock clock) {
        String merchantId = headerSafe(settings, MERCHANT_ID);
        String environment = settings.oneOf(ENVIRONMENT, hosts.environments(), hosts.defaultEnvironment());
        String authentication = settings.oneOf(AUTHENTICATION, List.of(JWT, JWT_P12, HTTP_SIGNATURE), DEFAULT_AUTHENTICATION);
        boolean jwt = !HTTP_SIGNATURE.equals(authentication);
        String portfolioId = settings.optional(PORTFOLIO_ID).isPresent() ? headerSafe(settings, PORTFOLIO_ID) : null;
        if (portfolioId != null && !jwt) {
            settings.problem(PORTFOLIO_ID, "needs " + settings.key(AUTHENTICATION) + "=" + JWT + " or " + JWT_P12
                    + ": a meta key signs JWTs only here");
        }
        String keyId = null;
        Secret secret = null;
        P12Credentials p12 = null;
        boolean credentialsOk;
        if (JWT_P12.equals(authentication)) {
            String keyAlias = portfolioId != null ? portfolioId : merchantId;
            p12 = P12Keys.read(settings, keyAlias, clock);
            credentialsOk = p12 != null;
            keyId = credentialsOk ? p12.keyId() : null;
        } else {
            keyId = headerSafe(settings, KEY_ID);
            secret = settings.secret(SECRET_KEY);
            credentialsOk = keyId != null && sharedSecretUsable(settings, secret, jwt);
        }
        MleKeys mle = MleKeys.read(settings, jwt, p12, clock);
        boolean overridden = settings.optional(BASE_URL).isPresent();
        Optional<String> override = settings.baseUrl(BASE_URL);
        if (merchantId == null || !credentialsOk || mle == null || (overridden && override.isEmpty())) {
            return null;
        }
        URI baseUrl = override.map(URI::create).orElseGet(() -> hosts.baseUrl(environment));
        if (!jwt) {
            LOG.warn("{} uses HTTP Signature, which Cybersource retires in March 2027: set {}={} (same key id and secret)",
                    settings.prefix(), settings.key(AUTHENTICATION), JWT);
        }
        return new CybersourceSettings(merchantId, keyId, secret, p12, baseUrl, authentication, portfolioId, mle);
    }

    /** Whether a shared secret is given and usable: base64, and for HS256 canonical and long enough. */
    private static boolean sharedSecretUsable(GatewaySettings settings, Secret secret, boolean jwt) {
        if (secret == null) {
            return false;
        }
        if (!decodes(secret)) {
            settings.problem(SECRET_KEY, "must be the shared secret exactly as issued: non-empty base64 (the value is not shown)");
            return false;
        }
        if (jwt && !signsJwts(secret)) {
            settings.problem(SECRET_KEY, "must be canonical padded base64 of at least " + JWT_SECRET_BYTES
                    + " bytes to sign JWTs (HS256), as issued (the value is not shown)");
            return false;
        }
        return true;
    }

    private static String headerSafe(GatewaySettings settings, String key) {
        String value = settings.required(key);
        if (value != null && !HEADER_SAFE.matcher(value).matches()) {
            settings.problem(key, "must be 1 to 128 visible ASCII characters without quotes, commas or backslashes");
            return null;
        }
        return value;
    }

    /** Message-level encryption as configured (nothing when the {@code mle.*} keys are off). */
    MessageEncryption messageEncryption(Clock clock) {
        return new MessageEncryption(mle.requestCertificate, mle.responseKey, mle.responseKeyId, clock);
    }

    /** What HS256 needs of a shared secret: the bytes as issued (canonical base64) and at least the hash's length. */
    private static boolean signsJwts(Secret secret) {
        String text = secret.reveal().strip();
        byte[] key = Base64.getDecoder().decode(text);
        boolean ok = key.length >= JWT_SECRET_BYTES && Base64.getEncoder().encodeToString(key).equals(text);
        Arrays.fill(key, (byte) 0);
        return ok;
    }

    private static boolean decodes(Secret secret) {
        try {
            return Base64.getDecoder().decode(secret.reveal().strip()).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String merchantId() {
        return merchantId;
    }

    public String keyId() {
        return keyId;
    }

    /** Where requests go, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The Host header: the base URL's authority (host, or host:port). */
    public String host() {
        return baseUrl.getRawAuthority();
    }

    /**
     * How every request is authenticated; {@code jwtIds} gives each JWT its {@code jti}. Random in production, not
     * the application's idempotency-key generator: a predictable or repeated {@code jti} is refused as a replay.
     */
    RequestAuthentication authentication(Clock clock, Supplier<String> jwtIds) {
        String issuer = portfolioId != null ? portfolioId : merchantId;
        String responseMleKid = mle.encryptsResponses() ? mle.responseKeyId : null;
        if (JWT.equals(authentication)) {
            return new JwtAuthentication(JwtSigner.sharedSecret(issuer, merchantId, keyId, secretKey.reveal().strip(), clock, jwtIds),
                    responseMleKid);
        }
        if (JWT_P12.equals(authentication)) {
            return new JwtAuthentication(JwtSigner.p12(issuer, merchantId, p12, clock, jwtIds), responseMleKid);
        }
        return new CybersourceSigner(merchantId, keyId, Base64.getDecoder().decode(secretKey.reveal().strip()));
    }

    /** {@value #JWT}, {@value #JWT_P12} or {@value #HTTP_SIGNATURE}. */
    public String authenticationMode() {
        return authentication;
    }

    @Override
    public String toString() {
        return "CybersourceSettings[merchantId=" + merchantId + ", keyId=" + keyId + (secretKey != null ? ", secretKey=" + secretKey : "")
                + (p12 != null ? ", p12=" + p12 : "") + ", baseUrl=" + baseUrl + ", authentication=" + authentication
                + (portfolioId != null ? ", portfolioId=" + portfolioId : "") + (mle.encryptsRequests() ? ", requestMle=on" : "")
                + (mle.encryptsResponses() ? ", responseMle=on" : "") + "]";
    }
}
