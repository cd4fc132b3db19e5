package org.standalonecredit.cybersource;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.standalonecredit.cybersource.jose.JwtSigner;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.config.Secret;

/**
 * The connection settings every Cybersource-family provider reads under {@code <name>.<provider id>.}:
 * {@code merchant-id}, {@code key-id}, {@code secret-key} (base64, as issued), {@code environment}
 * (a name from the provider's {@link HostTable}) and {@code base-url} (overrides the environment, e.g. a
 * simulator). Problems go to the settings' shared list; the caller calls {@code throwIfInvalid()}.
 */
public final class CybersourceSettings {
    public static final String MERCHANT_ID = "merchant-id";
    public static final String KEY_ID = "key-id";
    public static final String SECRET_KEY = "secret-key";
    public static final String ENVIRONMENT = "environment";
    public static final String BASE_URL = "base-url";
    /** {@code jwt} (a Bearer token signed with the shared secret) or {@code http-signature} (being retired). */
    public static final String AUTHENTICATION = "authentication";
    /** With a meta key: the portfolio that owns the key, which signs for {@code merchant-id} (JWT only). */
    public static final String PORTFOLIO_ID = "portfolio-id";
    public static final String JWT = "jwt";
    public static final String HTTP_SIGNATURE = "http-signature";
    /** JWT: Cybersource retires HTTP Signature in March 2027. */
    public static final String DEFAULT_AUTHENTICATION = JWT;
    /** Message-level encryption (JWT only): requests to the gateway's MLE certificate, answers to the merchant's key. */
    public static final String MLE_REQUEST = "mle.request";
    public static final String MLE_CERTIFICATE = "mle.certificate";
    public static final String MLE_RESPONSE = "mle.response";
    public static final String MLE_RESPONSE_KEY = "mle.response-key";
    public static final String MLE_RESPONSE_KEY_ID = "mle.response-key-id";
    public static final List<String> KEYS = List.of(MERCHANT_ID, KEY_ID, SECRET_KEY, ENVIRONMENT, BASE_URL, AUTHENTICATION, PORTFOLIO_ID,
            MLE_REQUEST, MLE_CERTIFICATE, MLE_RESPONSE, MLE_RESPONSE_KEY, MLE_RESPONSE_KEY_ID);
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
    private X509Certificate mleCertificate;
    private PrivateKey mleResponseKey;
    private String mleResponseKeyId;

    private CybersourceSettings(String merchantId, String keyId, Secret secretKey, URI baseUrl, String authentication,
                                String portfolioId) {
        this.merchantId = merchantId;
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.baseUrl = baseUrl;
        this.authentication = authentication;
        this.portfolioId = portfolioId;
    }

    /** Reads every key, recording each problem; returns null when any key is unusable. */
    public static CybersourceSettings read(GatewaySettings settings, HostTable hosts) {
        String merchantId = headerSafe(settings, MERCHANT_ID);
        String keyId = headerSafe(settings, KEY_ID);
        Secret secret = settings.secret(SECRET_KEY);
        boolean secretOk = secret != null && decodes(secret);
        if (secret != null && !secretOk) {
            settings.problem(SECRET_KEY, "must be the shared secret exactly as issued: non-empty base64 (the value is not shown)");
        }
        String environment = settings.oneOf(ENVIRONMENT, hosts.environments(), hosts.defaultEnvironment());
        String authentication = settings.oneOf(AUTHENTICATION, List.of(JWT, HTTP_SIGNATURE), DEFAULT_AUTHENTICATION);
        String portfolioId = settings.optional(PORTFOLIO_ID).isPresent() ? headerSafe(settings, PORTFOLIO_ID) : null;
        if (secretOk && JWT.equals(authentication) && !signsJwts(secret)) {
            secretOk = false;
            settings.problem(SECRET_KEY, "must be canonical padded base64 of at least " + JWT_SECRET_BYTES
                    + " bytes to sign JWTs (HS256), as issued (the value is not shown)");
        }
        if (portfolioId != null && !JWT.equals(authentication)) {
            settings.problem(PORTFOLIO_ID, "needs " + settings.key(AUTHENTICATION) + "=" + JWT + ": a meta key signs JWTs only here");
        }
        boolean overridden = settings.optional(BASE_URL).isPresent();
        Optional<String> override = settings.baseUrl(BASE_URL);
        if (merchantId == null || keyId == null || !secretOk || (overridden && override.isEmpty())) {
            return null;
        }
        URI baseUrl = override.map(URI::create).orElseGet(() -> hosts.baseUrl(environment));
        if (HTTP_SIGNATURE.equals(authentication)) {
            LOG.warn("{} uses HTTP Signature, which Cybersource retires in March 2027: set {}={} (same key id and secret)",
                    settings.prefix(), settings.key(AUTHENTICATION), JWT);
        }
        CybersourceSettings read = new CybersourceSettings(merchantId, keyId, secret, baseUrl, authentication, portfolioId);
        return read.readMessageEncryption(settings) ? read : null;
    }

    private static String headerSafe(GatewaySettings settings, String key) {
        String value = settings.required(key);
        if (value != null && !HEADER_SAFE.matcher(value).matches()) {
            settings.problem(key, "must be 1 to 128 visible ASCII characters without quotes, commas or backslashes");
            return null;
        }
        return value;
    }

    /** Reads the {@code mle.*} keys; false when any is unusable (the problem is recorded, the material never shown). */
    private boolean readMessageEncryption(GatewaySettings settings) {
        boolean request = settings.flag(MLE_REQUEST, false);
        boolean response = settings.flag(MLE_RESPONSE, false);
        boolean ok = true;
        if ((request || response) && !JWT.equals(authentication)) {
            settings.problem(request ? MLE_REQUEST : MLE_RESPONSE, "needs " + settings.key(AUTHENTICATION) + "=" + JWT);
            ok = false;
        }
        if (request) {
            Optional<String> certificate = settings.optional(MLE_CERTIFICATE);
            if (certificate.isEmpty()) {
                settings.problem(MLE_CERTIFICATE, "is required with " + settings.key(MLE_REQUEST) + "=true: the gateway's MLE certificate");
                ok = false;
            } else {
                try {
                    mleCertificate = PemMaterial.certificate(certificate.get());
                    mleCertificate.checkValidity();
                } catch (PemMaterial.Unusable e) {
                    settings.problem(MLE_CERTIFICATE, e.getMessage());
                    ok = false;
                } catch (java.security.cert.CertificateException e) {
                    settings.problem(MLE_CERTIFICATE, "is expired or not yet valid");
                    ok = false;
                }
            }
        }
        if (response) {
            Secret key = settings.secret(MLE_RESPONSE_KEY);
            mleResponseKeyId = settings.required(MLE_RESPONSE_KEY_ID);
            if (key == null || mleResponseKeyId == null) {
                return false;
            }
            try {
                mleResponseKey = PemMaterial.rsaPrivateKey(key.reveal());
            } catch (PemMaterial.Unusable e) {
                settings.problem(MLE_RESPONSE_KEY, e.getMessage() + " (the value is not shown)");
                ok = false;
            }
        }
        return ok;
    }

    /** Message-level encryption as configured (nothing when the {@code mle.*} keys are off). */
    MessageEncryption messageEncryption(Clock clock) {
        return new MessageEncryption(mleCertificate, mleResponseKey, mleResponseKeyId, clock);
    }

    /** What HS256 needs of a shared secret: the bytes as issued (canonical base64) and at least the hash's length. */
    private static boolean signsJwts(Secret secret) {
        String text = secret.reveal().strip();
        byte[] key = Base64.getDecoder().decode(text);
        boolean ok = key.length >= JWT_SECRET_BYTES && Base64.getEncoder().encodeToString(key).equals(text);
        java.util.Arrays.fill(key, (byte) 0);
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
        if (JWT.equals(authentication)) {
            String issuer = portfolioId != null ? portfolioId : merchantId;
            return new JwtAuthentication(JwtSigner.sharedSecret(issuer, merchantId, keyId, secretKey.reveal().strip(), clock, jwtIds),
                    mleResponseKey != null ? mleResponseKeyId : null);
        }
        return new CybersourceSigner(merchantId, keyId, Base64.getDecoder().decode(secretKey.reveal().strip()));
    }

    /** {@value #JWT} or {@value #HTTP_SIGNATURE}. */
    public String authenticationMode() {
        return authentication;
    }

    @Override
    public String toString() {
        return "CybersourceSettings[merchantId=" + merchantId + ", keyId=" + keyId + ", secretKey=" + secretKey + ", baseUrl=" + baseUrl
                + ", authentication=" + authentication + (portfolioId != null ? ", portfolioId=" + portfolioId : "")
                + (mleCertificate != null ? ", requestMle=on" : "") + (mleResponseKey != null ? ", responseMle=on" : "") + "]";
    }
}
