package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.standalonecredit.simulator.SimJson;

/**
 * Client-side Cybersource / Visa Acceptance "JWT v2" signer and request-MLE encryptor, for tests and
 * applications that talk to the simulator. Emits the documented form (protocol notes §7, vector v8):
 * header {@code {"alg","typ":"JWT","kid"}}; claims {@code digest, digestAlgorithm, iat, exp = iat + 120,
 * request-method (lower case), request-resource-path, request-host, iss, jti, v-c-jwt-version "2",
 * v-c-merchant-id} and, when asked, {@code v-c-response-mle-kid}.
 *
 * <p>Written separately from the simulator's {@link JwtVerifier} (no shared JOSE code), so that one cannot
 * hide the other's mistake. Immutable and thread-safe; {@link #toString()} never shows keys.
 *
 * <pre>{@code
 * CybersourceJwtSigner signer = sim.jwtSigner();
 * byte[] wire = signer.encryptRequest(plainJson);                   // optional request MLE
 * signer.sign("POST", uri, wire).applyTo(HttpRequest.newBuilder(uri)); // Authorization: Bearer …
 * }</pre>
 */
public final class CybersourceJwtSigner {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final String merchantId;
    private final String issuer;
    private final String kid;
    private final byte[] hmacKey;
    private final PrivateKey rsaKey;
    private final Clock clock;
    private final Supplier<String> jti;
    private final String responseMleKid;
    private final String digestAlgorithmClaim;
    private final boolean upperCaseMethod;
    private final X509Certificate requestMleCertificate;

    private CybersourceJwtSigner(Builder b) {
        this.merchantId = Objects.requireNonNull(b.merchantId, "merchantId");
        this.issuer = b.issuer != null ? b.issuer : b.merchantId;
        this.kid = Objects.requireNonNull(b.kid, "a shared secret or an RSA key");
        this.hmacKey = b.hmacKey;
        this.rsaKey = b.rsaKey;
        this.clock = b.clock;
        this.jti = b.jti;
        this.responseMleKid = b.responseMleKid;
        this.digestAlgorithmClaim = b.digestAlgorithmClaim;
        this.upperCaseMethod = b.upperCaseMethod;
        this.requestMleCertificate = b.requestMleCertificate;
    }

    /** A builder; set the merchant and either {@link Builder#sharedSecret} or {@link Builder#rsaKey}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this signer's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.merchantId = merchantId;
        b.issuer = issuer;
        b.kid = kid;
        b.hmacKey = hmacKey;
        b.rsaKey = rsaKey;
        b.clock = clock;
        b.jti = jti;
        b.responseMleKid = responseMleKid;
        b.digestAlgorithmClaim = digestAlgorithmClaim;
        b.upperCaseMethod = upperCaseMethod;
        b.requestMleCertificate = requestMleCertificate;
        return b;
    }

    /** Signs a request to {@code uri}: {@code request-host} is its host without port, the path with its query. */
    public Signed sign(String method, URI uri, byte[] body) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return sign(method, uri.getHost(), target, body);
    }

    /** Signs a request. */
    public Signed sign(String method, String host, String pathAndQuery, byte[] body) {
        return new Signed(token(header(), claims(method, host, pathAndQuery, body)));
    }

    /** The JOSE header this signer sends (a fresh copy to modify for negative tests). */
    public ObjectNode header() {
        ObjectNode h = SimJson.object();
        h.put("alg", hmacKey != null ? "HS256" : "RS256");
        h.put("typ", "JWT");
        h.put("kid", kid);
        return h;
    }

    /** The claims this signer sends now for a request (a fresh copy to modify for negative tests). */
    public ObjectNode claims(String method, String host, String pathAndQuery, byte[] body) {
        ObjectNode c = SimJson.object();
        if (WITH_BODY.contains(method.toUpperCase(Locale.ROOT))) {
            c.put("digest", sha256Base64(body));
            c.put(digestAlgorithmClaim, "SHA-256");
        }
        long iat = clock.instant().getEpochSecond();
        c.put("iat", iat);
        c.put("exp", iat + 120);
        c.put("request-method", upperCaseMethod ? method.toUpperCase(Locale.ROOT) : method.toLowerCase(Locale.ROOT));
        c.put("request-resource-path", pathAndQuery);
        c.put("request-host", host);
        c.put("iss", issuer);
        c.put("jti", jti.get());
        c.put("v-c-jwt-version", "2");
        c.put("v-c-merchant-id", merchantId);
        if (responseMleKid != null) {
            c.put("v-c-response-mle-kid", responseMleKid);
        }
        return c;
    }

    /**
     * Serialises and signs any header and claims with this signer's key: HMAC-SHA256 for a shared secret,
     * RSASSA-PKCS1-v1_5 SHA-256 for an RSA key, whatever the header's {@code alg} says (so tests can forge).
     */
    public String token(JsonNode header, JsonNode claims) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String input = enc.encodeToString(SimJson.write(header)) + "." + enc.encodeToString(SimJson.write(claims));
        byte[] data = input.getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] sig;
            if (hmacKey != null) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
                sig = mac.doFinal(data);
            } else {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(rsaKey);
                rsa.update(data);
                sig = rsa.sign();
            }
            return input + "." + enc.encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /**
     * Request MLE: the body to send, {@code {"encryptedRequest":"<JWE>"}}, the JWE encrypted to the request-MLE
     * certificate with header {@code alg RSA-OAEP-256, enc A256GCM, cty JWT, kid, iat} (notes §4.1). Sign
     * (digest) the returned bytes, not the plaintext.
     */
    public byte[] encryptRequest(byte[] plaintextJson) {
        ObjectNode body = SimJson.object();
        body.put("encryptedRequest", requestJwe(plaintextJson));
        return SimJson.write(body);
    }

    /** The compact request JWE of a plaintext. */
    public String requestJwe(byte[] plaintext) {
        if (requestMleCertificate == null) {
            throw new IllegalStateException("no request-MLE certificate configured");
        }
        ObjectNode h = SimJson.object();
        h.put("alg", "RSA-OAEP-256").put("enc", "A256GCM").put("cty", "JWT")
                .put("kid", JwtMleKeys.kidOf(requestMleCertificate)).put("iat", clock.instant().getEpochSecond());
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String head = enc.encodeToString(SimJson.write(h));
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(nonce);
        try {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.ENCRYPT_MODE, requestMleCertificate.getPublicKey(), new OAEPParameterSpec("SHA-256",
                    "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            String encryptedKey = enc.encodeToString(oaep.doFinal(key));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(head.getBytes(StandardCharsets.US_ASCII));
            byte[] out = gcm.doFinal(plaintext);
            byte[] ct = new byte[out.length - 16];
            byte[] tag = new byte[16];
            System.arraycopy(out, 0, ct, 0, ct.length);
            System.arraycopy(out, ct.length, tag, 0, 16);
            return String.join(".", head, encryptedKey, enc.encodeToString(nonce), enc.encodeToString(ct),
                    enc.encodeToString(tag));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /**
     * Response MLE, client side: the plaintext of {@code {"encryptedResponse":"<JWE>"}} decrypted with the
     * merchant's response-MLE private key; any other body is returned unchanged (notes §5: SDKs decrypt only
     * a single-member object).
     *
     * @throws IllegalArgumentException if the JWE does not decrypt
     */
    public static byte[] decryptResponse(byte[] body, PrivateKey responseMleKey) {
        JsonNode json;
        try {
            json = SimJson.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return body.clone();
        }
        if (json == null || !json.isObject() || json.size() != 1 || !json.path("encryptedResponse").isTextual()) {
            return body.clone();
        }
        String[] p = json.get("encryptedResponse").textValue().split("\\.");
        if (p.length != 5) {
            throw new IllegalArgumentException("encryptedResponse is not a compact JWE");
        }
        Base64.Decoder dec = Base64.getUrlDecoder();
        try {
            JsonNode h = SimJson.MAPPER.readTree(dec.decode(p[0]));
            if (!"RSA-OAEP-256".equals(h.path("alg").asText()) || !"A256GCM".equals(h.path("enc").asText())) {
                throw new IllegalArgumentException("unexpected JWE algorithms");
            }
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.DECRYPT_MODE, responseMleKey, new OAEPParameterSpec("SHA-256", "MGF1",
                    MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            byte[] key = oaep.doFinal(dec.decode(p[1]));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, dec.decode(p[2])));
            gcm.updateAAD(p[0].getBytes(StandardCharsets.US_ASCII));
            byte[] ct = dec.decode(p[3]);
            byte[] tag = dec.decode(p[4]);
            byte[] joined = new byte[ct.length + tag.length];
            System.arraycopy(ct, 0, joined, 0, ct.length);
            System.arraycopy(tag, 0, joined, ct.length, tag.length);
            return gcm.doFinal(joined);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("encryptedResponse does not decrypt", e);
        }
    }

    private static String sha256Base64(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CybersourceJwtSigner[merchantId=" + merchantId + ", kid=" + kid + "]";
    }

    /**
     * The {@code Authorization} header of one request.
     *
     * @param token the compact JWS
     */
    public record Signed(String token) {
        /** {@code Bearer <token>}. */
        public String authorization() {
            return "Bearer " + token;
        }

        /** Sets {@code Authorization}. No {@code Date}, {@code Digest}, {@code Signature} or {@code v-c-merchant-id} (notes §2.1). */
        public HttpRequest.Builder applyTo(HttpRequest.Builder builder) {
            return builder.header("Authorization", authorization());
        }
    }

    /** Builder; defaults: system clock, random UUID {@code jti}, {@code digestAlgorithm}, lower-case method. */
    public static final class Builder {
        private String merchantId;
        private String issuer;
        private String kid;
        private byte[] hmacKey;
        private PrivateKey rsaKey;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> jti = () -> UUID.randomUUID().toString();
        private String responseMleKid;
        private String digestAlgorithmClaim = "digestAlgorithm";
        private boolean upperCaseMethod;
        private X509Certificate requestMleCertificate;

        private Builder() {
        }

        /** The transacting merchant ({@code v-c-merchant-id}; also {@code iss} unless {@link #portfolio}). */
        public Builder merchantId(String merchantId) {
            this.merchantId = Objects.requireNonNull(merchantId);
            return this;
        }

        /** Meta key: {@code iss} is the portfolio id. */
        public Builder portfolio(String portfolioId) {
            this.issuer = Objects.requireNonNull(portfolioId);
            return this;
        }

        /** HS256 with the shared secret's key id and the secret as issued (base64; the key is its decoded bytes). */
        public Builder sharedSecret(String keyId, String base64Secret) {
            this.kid = Objects.requireNonNull(keyId);
            this.hmacKey = Base64.getDecoder().decode(base64Secret);
            this.rsaKey = null;
            return this;
        }

        /** RS256 with the P12 private key; {@code kid} is its certificate's ({@link JwtMleKeys#kidOf}). */
        public Builder rsaKey(String kid, PrivateKey key) {
            this.kid = Objects.requireNonNull(kid);
            this.rsaKey = Objects.requireNonNull(key);
            this.hmacKey = null;
            return this;
        }

        /** Source of {@code iat}/{@code exp} and the JWE {@code iat}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Source of {@code jti} values (e.g. fixed ones for deterministic tests). */
        public Builder jti(Supplier<String> jti) {
            this.jti = Objects.requireNonNull(jti);
            return this;
        }

        /** Ask for response MLE to the key with this id ({@code null}: plaintext answers). */
        public Builder responseMleKid(String kid) {
            this.responseMleKid = kid;
            return this;
        }

        /** Name of the digest-algorithm claim: {@code digestAlgorithm} (docs) or {@code digest-algorithm} (Node SDK). */
        public Builder digestAlgorithmClaim(String name) {
            if (!name.equals("digestAlgorithm") && !name.equals("digest-algorithm")) {
                throw new IllegalArgumentException(name);
            }
            this.digestAlgorithmClaim = name;
            return this;
        }

        /** {@code request-method} upper case (Python, Ruby, PHP, .NET SDKs) instead of lower (docs, Node). */
        public Builder upperCaseMethod(boolean upper) {
            this.upperCaseMethod = upper;
            return this;
        }

        /** Cybersource's request-MLE certificate, for {@link #encryptRequest}. */
        public Builder requestMleCertificate(X509Certificate certificate) {
            this.requestMleCertificate = certificate;
            return this;
        }

        /** The signer. */
        public CybersourceJwtSigner build() {
            return new CybersourceJwtSigner(this);
        }
    }
}
