package org.standalonecredit.cybersource.jose;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.standalonecredit.api.IdGenerator;

/**
 * Builds the {@code Authorization: Bearer <JWS>} value of Cybersource "JWT v2" authentication [DOC-GS Step 4C;
 * JAVA88/NODE83/PY76 callAuthenticationHeader]. Header {@code {"alg","typ":"JWT","kid"}} in the guide's order
 * [DOC-GS Step 3B/3D]; claims as {@link JwtClaims}. With a meta key, {@code issuer} and the key belong to the
 * portfolio while {@code merchantId} is the transacting merchant [DOC-GS; NODE83; PY76].
 *
 * <p>Thread-safe. The header segment is encoded once; HS256 works on a cloned keyed Mac. {@code toString()}
 * shows no key.
 */
public final class JwtSigner {
    private final String issuer;
    private final String merchantId;
    private final JwsKey key;
    private final byte[] headerSegment;
    private final Clock clock;
    private final Supplier<String> jwtIds;

    private JwtSigner(String issuer, String merchantId, JwsKey key, Clock clock, Supplier<String> jwtIds) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.key = key;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jwtIds = Objects.requireNonNull(jwtIds, "jwtIds");
        this.headerSegment = Base64Url.encodeAscii(
                new JsonText().string("alg", key.alg()).string("typ", "JWT").string("kid", key.kid()).toUtf8());
    }

    /**
     * HS256 with a shared secret [DOC-GS shared secret Steps 3A–3E].
     *
     * @param keyId        the shared secret's key id (the HTTP Signature {@code keyid}) [DOC-GS Step 3B]
     * @param base64Secret the secret as issued; it signs in base64-decoded form
     * @throws CredentialException {@code SECRET_NOT_BASE64} or {@code SECRET_TOO_SHORT}, never quoting the secret
     */
    public static JwtSigner sharedSecret(String issuer, String merchantId, String keyId, CharSequence base64Secret,
                                         Clock clock, Supplier<String> jwtIds) {
        return new JwtSigner(issuer, merchantId, HmacJwsKey.fromBase64Secret(keyId, base64Secret), clock, jwtIds);
    }

    /**
     * RS256 with the key and certificate of a P12; {@code kid} is {@link P12Credentials#keyId()}, the
     * certificate's subject serialNumber [DOC-GS P12 Step 3B; NODE83; PY76].
     */
    public static JwtSigner p12(String issuer, String merchantId, P12Credentials credentials, Clock clock, Supplier<String> jwtIds) {
        return rsa(issuer, merchantId, credentials.privateKey(), credentials.certificate(), clock, jwtIds);
    }

    /** RS256 with a private key and its certificate; {@code kid} per {@link CertificateKeyIds#keyId}. */
    public static JwtSigner rsa(String issuer, String merchantId, PrivateKey privateKey, X509Certificate certificate,
                                Clock clock, Supplier<String> jwtIds) {
        JwsKey key = new RsaJwsKey(CertificateKeyIds.keyId(certificate), privateKey, certificate.getPublicKey());
        return new JwtSigner(issuer, merchantId, key, clock, jwtIds);
    }

    /** Lower-case random UUIDs (v4), the {@code jti} every SDK sends [NODE83 crypto.randomUUID; PY76 uuid4]. */
    public static Supplier<String> randomJwtIds() {
        return IdGenerator.randomUuids()::newId;
    }

    /**
     * The claims for one request, at the clock's current second with the next id.
     *
     * @param body           exact bytes sent (after MLE wrapping), null for none
     * @param responseMleKid the response-MLE key id to ask for an encrypted answer [DOC-GS Step 4C item 5], or null
     */
    public JwtClaims claims(String method, String host, String resourcePath, byte[] body, String responseMleKid) {
        return JwtClaims.forRequest(issuer, merchantId, host, method, resourcePath, body, responseMleKid, clock.instant(), jwtIds.get());
    }

    /** The compact JWS of these claims. */
    public String token(JwtClaims claims) {
        return JwsCompact.sign("", key, headerSegment, claims.toUtf8());
    }

    /** {@code Bearer <compact JWS>} for one request; see {@link #claims}. */
    public String authorization(String method, String host, String resourcePath, byte[] body, String responseMleKid) {
        JsonText claims = claims(method, host, resourcePath, body, responseMleKid).write().close();
        return JwsCompact.sign("Bearer ", key, headerSegment, claims.buffer(), claims.length());
    }

    /** Whether {@code compact} carries this signer's {@code alg} and a valid signature by its key. */
    boolean verifies(String compact) {
        return JwsCompact.verifies(key, compact);
    }

    public String alg() {
        return key.alg();
    }

    public String kid() {
        return key.kid();
    }

    @Override
    public String toString() {
        return "JwtSigner[alg=" + key.alg() + ", kid=" + key.kid() + ", iss=" + issuer + ", v-c-merchant-id=" + merchantId
                + ", key=redacted]";
    }
}
