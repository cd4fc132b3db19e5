package org.standalonecredit.simulator.cybersource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.SimJson;

/** What the simulator's JWT check refuses, and why. */
class JwtVerifierTest {
    static final String MERCHANT = CybersourceSimulator.DEFAULT_MERCHANT_ID;
    static final String KEY_ID = CybersourceSimulator.DEFAULT_KEY_ID;
    static final String SECRET = CybersourceSimulator.DEFAULT_SHARED_SECRET;
    static final String RSA_KID = "7300000000000000000003";
    static final String HOST = "127.0.0.1";
    static final String PATH = "/pts/v2/credits";
    static final byte[] BODY = Bodies.CYBERSOURCE_VECTOR_BODY.getBytes(StandardCharsets.UTF_8);

    final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));
    final AtomicInteger jtis = new AtomicInteger();
    final JwtVerifier verifier = new JwtVerifier(new JwtVerifier.Trust(MERCHANT, Map.of(KEY_ID, SECRET),
            Map.of(RSA_KID, JwtMleKeys.jwtCertificate()), Map.of("portfolio1", Set.of("child1", "child2")), Set.of()),
            clock, Duration.ofMinutes(5));
    final CybersourceJwtSigner hs = CybersourceJwtSigner.builder().merchantId(MERCHANT).sharedSecret(KEY_ID, SECRET)
            .clock(clock).jti(() -> "00000000-0000-4000-8000-" + String.format("%012d", jtis.incrementAndGet())).build();
    final CybersourceJwtSigner rs = hs.toBuilder().rsaKey(RSA_KID, JwtMleKeys.jwtPrivateKey()).build();

    String verify(String method, String hostHeader, String path, String token, byte[] body) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("Host", hostHeader);
        h.put("Authorization", "Bearer " + token);
        return verifier.verify(method, path, h::get, body).auth().reason();
    }

    String post(String token) {
        return verify("POST", HOST + ":8443", PATH, token, BODY);
    }

    ObjectNode claims(CybersourceJwtSigner signer) {
        return signer.claims("POST", HOST, PATH, BODY);
    }

    String postWithClaim(String name, Object value) {
        ObjectNode c = claims(hs);
        c.set(name, SimJson.MAPPER.valueToTree(value));
        return post(hs.token(hs.header(), c));
    }

    @Test
    void acceptsFreshHs256AndRs256Tokens() {
        assertEquals("ok", post(hs.sign("POST", HOST, PATH, BODY).token()));
        assertEquals("ok", post(rs.sign("POST", HOST, PATH, BODY).token()));
        assertEquals("ok", verify("GET", HOST, "/tss/v2/transactions/1", hs.sign("GET", HOST, "/tss/v2/transactions/1", new byte[0]).token(), new byte[0]));
    }

    @Test
    void acceptsBothDigestAlgorithmSpellingsAndEitherMethodCase() {
        for (String spelling : new String[] {"digestAlgorithm", "digest-algorithm"}) {
            for (boolean upper : new boolean[] {false, true}) {
                CybersourceJwtSigner s = hs.toBuilder().digestAlgorithmClaim(spelling).upperCaseMethod(upper).build();
                String token = s.sign("POST", HOST, PATH, BODY).token();
                assertTrue(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8)
                        .contains("\"" + spelling + "\":\"SHA-256\""));
                assertEquals("ok", post(token), spelling + " upper=" + upper);
            }
        }
        assertEquals("request-method does not match", postWithClaim("request-method", "Post"));
        assertEquals("request-method does not match", postWithClaim("request-method", "put"));
    }

    @Test
    void refusesAWrongDigest() {
        assertEquals("digest does not match the body", postWithClaim("digest", "Su00WowXgKqq3ovbO2eW96lZmS1mOhpPXRL74Cv3iHA="));
        byte[] other = Bodies.CYBERSOURCE_CUSTOMER_TOKEN.getBytes(StandardCharsets.UTF_8);
        assertEquals("digest does not match the body", verify("POST", HOST, PATH, hs.sign("POST", HOST, PATH, BODY).token(), other));
        assertEquals("digestAlgorithm is not SHA-256", postWithClaim("digestAlgorithm", "SHA-512"));
        ObjectNode c = claims(hs);
        c.put("digest", "SHA-256=" + c.get("digest").asText());
        assertEquals("digest does not match the body", post(hs.token(hs.header(), c)));
        ObjectNode get = hs.claims("GET", HOST, "/tss/v2/transactions/1", new byte[0]);
        get.put("digest", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=").put("digestAlgorithm", "SHA-256");
        assertEquals("digest claims must be absent without a body",
                verify("GET", HOST, "/tss/v2/transactions/1", hs.token(hs.header(), get), new byte[0]));
    }

    @Test
    void refusesAWrongPathButDecidesTheQueryStringLeniently() {
        assertEquals("request-resource-path does not match", postWithClaim("request-resource-path", "/pts/v2/credits/"));
        assertEquals("request-resource-path does not match", postWithClaim("request-resource-path", "/pts/v2/payments"));
        String target = "/tss/v2/transactions/1?x=1";
        byte[] none = new byte[0];
        assertEquals("ok", verify("GET", HOST, target, hs.sign("GET", HOST, target, none).token(), none), "with the query (Node 0.0.79+, Python)");
        assertEquals("ok", verify("GET", HOST, target, hs.sign("GET", HOST, "/tss/v2/transactions/1", none).token(), none), "without (.NET, Node 0.0.77)");
        assertEquals("request-resource-path does not match",
                verify("GET", HOST, target, hs.sign("GET", HOST, "/tss/v2/transactions/1?x=2", none).token(), none));
    }

    @Test
    void refusesAWrongHostOrAHostWithPort() {
        assertEquals("request-host does not match the Host header without port", postWithClaim("request-host", "apitest.cybersource.com"));
        assertEquals("request-host does not match the Host header without port", postWithClaim("request-host", HOST + ":8443"));
    }

    @Test
    void refusesAWrongMerchantAndChecksPortfolios() {
        assertEquals("v-c-merchant-id is not the merchant", postWithClaim("v-c-merchant-id", "othermerchant"));
        assertEquals("iss is neither the merchant nor a known portfolio", postWithClaim("iss", "othermerchant"));
        CybersourceJwtSigner meta = hs.toBuilder().portfolio("portfolio1").merchantId("child2").build();
        assertEquals("ok", post(meta.sign("POST", HOST, PATH, BODY).token()));
        CybersourceJwtSigner stranger = hs.toBuilder().portfolio("portfolio1").merchantId(MERCHANT).build();
        assertEquals("v-c-merchant-id is not a merchant of the portfolio", post(stranger.sign("POST", HOST, PATH, BODY).token()));
    }

    @Test
    void refusesExpiredFutureAndTooLongTokens() {
        String token = hs.sign("POST", HOST, PATH, BODY).token();
        clock.advance(Duration.ofSeconds(120).plus(Duration.ofMinutes(5)));
        assertEquals("ok", post(token), "exp + max clock skew is still accepted");
        token = hs.sign("POST", HOST, PATH, BODY).token();
        clock.advance(Duration.ofSeconds(120).plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertEquals("token expired", post(token));
        long now = clock.instant().getEpochSecond();
        ObjectNode c = claims(hs);
        c.put("exp", now + 121);
        assertEquals("exp is more than 2 minutes after iat", post(hs.token(hs.header(), c)));
        c.put("iat", now + 301).put("exp", now + 400);
        assertEquals("iat is in the future", post(hs.token(hs.header(), c)));
        c.put("iat", now).put("exp", now - 1);
        assertEquals("exp is before iat", post(hs.token(hs.header(), c)));
        assertEquals("iat or exp missing or not a NumericDate", postWithClaim("iat", 1.5));
        assertEquals("ok", postWithClaim("iat", Long.toString(now)), "docs: String / Numeric");
    }

    @Test
    void refusesAWrongSignature() {
        String token = hs.sign("POST", HOST, PATH, BODY).token();
        CybersourceJwtSigner textKey = hs.toBuilder()
                .sharedSecret(KEY_ID, Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.US_ASCII))).build();
        assertEquals("signature mismatch", post(textKey.sign("POST", HOST, PATH, BODY).token()), "the secret text is not the key");
        String[] p = token.split("\\.");
        String otherSignature = hs.sign("POST", HOST, PATH, BODY).token().split("\\.")[2];
        assertEquals("signature mismatch", post(p[0] + "." + p[1] + "." + otherSignature));
        assertEquals("signature is not canonical base64url", post(p[0] + "." + p[1] + "." + p[2] + "="));
        assertEquals("token is not a compact JWS of three parts", post(p[0] + "." + p[1]));
    }

    @Test
    void refusesAlgorithmsThatDoNotFitTheKid() {
        ObjectNode none = hs.header().put("alg", "none");
        String[] p = hs.token(none, claims(hs)).split("\\.");
        assertEquals("alg none or missing", post(p[0] + "." + p[1] + "."));
        assertEquals("alg RS256 is not allowed for a shared-secret kid", post(hs.token(hs.header().put("alg", "RS256"), claims(hs))));
        // HMAC keyed with the certificate's public key bytes: the classic confusion attack
        CybersourceJwtSigner confused = hs.toBuilder().sharedSecret(RSA_KID,
                Base64.getEncoder().encodeToString(JwtMleKeys.jwtCertificate().getPublicKey().getEncoded())).build();
        assertEquals("alg HS256 is not allowed for a certificate kid", post(confused.sign("POST", HOST, PATH, BODY).token()));
        assertEquals("typ is not JWT", post(hs.token(hs.header().put("typ", "JOSE"), claims(hs))));
        ObjectNode noTyp = hs.header();
        noTyp.remove("typ");
        assertEquals("ok", post(hs.token(noTyp, claims(hs))));
    }

    @Test
    void refusesAnUnknownOrMissingKid() {
        assertEquals("unknown kid", post(hs.token(hs.header().put("kid", "08c94330-f618-42a3-b09d-e1e43be5efdb"), claims(hs))));
        ObjectNode noKid = hs.header();
        noKid.remove("kid");
        assertEquals("no kid", post(hs.token(noKid, claims(hs))));
    }

    @Test
    void refusesAReplayedJtiWithinTheTokensLife() {
        CybersourceJwtSigner fixed = hs.toBuilder().jti(() -> "6643fb9a-8093-47c6-95d3-8d69785b5e62").build();
        String token = fixed.sign("POST", HOST, PATH, BODY).token();
        assertEquals("ok", post(token));
        assertEquals("jti replayed", post(token));
        clock.advance(Duration.ofSeconds(30));
        assertEquals("jti replayed", post(fixed.sign("POST", HOST, PATH, BODY).token()), "a new token with the same jti");
        assertEquals("ok", post(hs.sign("POST", HOST, PATH, BODY).token()), "another jti is fine");
    }

    @Test
    void refusesV1TokensAndMissingClaims() {
        assertEquals("v-c-jwt-version is not \"2\" (v1 tokens are not accepted)", postWithClaim("v-c-jwt-version", 2));
        ObjectNode c = claims(hs);
        c.remove("jti");
        assertEquals("no jti", post(hs.token(hs.header(), c)));
        assertEquals("v-c-response-mle-kid is not a string", postWithClaim("v-c-response-mle-kid", 7));
    }
}
