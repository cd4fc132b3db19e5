package org.standalonecredit.cybersource.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.standalonecredit.cybersource.jose.JoseFixtures.HOST;
import static org.standalonecredit.cybersource.jose.JoseFixtures.KEY_ID;
import static org.standalonecredit.cybersource.jose.JoseFixtures.MERCHANT_ID;
import static org.standalonecredit.cybersource.jose.JoseFixtures.SECRET;
import static org.standalonecredit.cybersource.jose.JoseFixtures.VECTOR_CLOCK;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtSignerTest {
    private static final byte[] BODY = JoseFixtures.utf8("{\"a\":1}");

    private static JwtSigner signer(String issuer, String merchantId, String... ids) {
        return JwtSigner.sharedSecret(issuer, merchantId, KEY_ID, SECRET, VECTOR_CLOCK, JoseFixtures.ids(ids));
    }

    private static Map<String, Object> claimsOf(String authorization) {
        return JoseFixtures.jsonMap(JoseFixtures.segment(authorization.substring("Bearer ".length()), 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=="})
    void refusesASecretThatIsNotCanonicalBase64WithoutQuotingIt(String secret) {
        CredentialException e = assertThrows(CredentialException.class,
                () -> JwtSigner.sharedSecret(MERCHANT_ID, MERCHANT_ID, KEY_ID, secret, VECTOR_CLOCK, JwtSigner.randomJwtIds()));
        assertEquals(CredentialException.Problem.SECRET_NOT_BASE64, e.problem());
        assertTrue(e.getMessage().contains(KEY_ID), e.getMessage());
        assertNoSecretIn(e, secret);
    }

    @Test
    void refusesASecretShorterThan256BitsWithoutQuotingIt() {
        String secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg=="; // 31 bytes
        CredentialException e = assertThrows(CredentialException.class,
                () -> JwtSigner.sharedSecret(MERCHANT_ID, MERCHANT_ID, KEY_ID, secret, VECTOR_CLOCK, JwtSigner.randomJwtIds()));
        assertEquals(CredentialException.Problem.SECRET_TOO_SHORT, e.problem());
        assertNoSecretIn(e, secret);
    }

    static void assertNoSecretIn(Throwable e, String secret) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), "a message quotes the secret: " + t.getMessage());
        }
    }

    @Test
    void acceptsTheSecretWithSurroundingWhiteSpaceAsSettingsFilesHaveIt() {
        JwtSigner padded = JwtSigner.sharedSecret(MERCHANT_ID, MERCHANT_ID, KEY_ID, "  " + SECRET + "\n", VECTOR_CLOCK, JoseFixtures.ids("x"));
        assertEquals(signer(MERCHANT_ID, MERCHANT_ID, "x").authorization("POST", HOST, "/p", BODY, null),
                padded.authorization("POST", HOST, "/p", BODY, null));
    }

    @Test
    void aGetCarriesNoDigestAndMayNotHaveABody() {
        Map<String, Object> claims = claimsOf(signer(MERCHANT_ID, MERCHANT_ID, "id-1").authorization("GET", HOST, "/tss/v2/transactions/1", null, null));
        assertFalse(claims.containsKey("digest"));
        assertFalse(claims.containsKey("digestAlgorithm"));
        assertEquals("get", claims.get("request-method"));
        assertThrows(IllegalArgumentException.class,
                () -> signer(MERCHANT_ID, MERCHANT_ID, "id-2").authorization("DELETE", HOST, "/x", BODY, null));
    }

    @Test
    void aPostWithoutABodyDigestsNoBytes() {
        Map<String, Object> claims = claimsOf(signer(MERCHANT_ID, MERCHANT_ID, "id-1").authorization("POST", HOST, "/p", null, null));
        assertEquals("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", claims.get("digest"));
    }

    @Test
    void aMetaKeyIssuesAsThePortfolioForTheTransactingMerchant() {
        Map<String, Object> claims = claimsOf(signer("portfolio1", "merchant7", "id-1").authorization("POST", HOST, "/pts/v2/credits", BODY, null));
        assertEquals("portfolio1", claims.get("iss"));
        assertEquals("merchant7", claims.get("v-c-merchant-id"));
    }

    @Test
    void timesAreWholeSecondsAndExpireTwoMinutesLater() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00.999Z"), ZoneOffset.UTC);
        JwtSigner signer = JwtSigner.sharedSecret(MERCHANT_ID, MERCHANT_ID, KEY_ID, SECRET, clock, JoseFixtures.ids("id-1"));
        JwtClaims claims = signer.claims("POST", HOST, "/p", BODY, null);
        assertEquals(1796083200L, claims.issuedAt());
        assertEquals(1796083320L, claims.expiresAt());
        Map<String, Object> json = JoseFixtures.jsonMap(claims.toJson());
        assertEquals(1796083200, json.get("iat"));
        assertEquals(1796083320, json.get("exp"));
    }

    @Test
    void eachTokenTakesTheNextIdAndResponseMleAddsItsKid() {
        JwtSigner signer = signer(MERCHANT_ID, MERCHANT_ID, "id-1", "id-2");
        JwtClaims first = signer.claims("POST", HOST, "/p", BODY, null);
        JwtClaims second = signer.claims("post", HOST, "/p", BODY, "7200000000000000000002");
        assertEquals("id-1", first.jwtId());
        assertEquals("id-2", second.jwtId());
        assertNull(first.responseMleKid());
        assertFalse(first.toJson().contains("v-c-response-mle-kid"));
        assertTrue(second.toJson().endsWith(",\"v-c-response-mle-kid\":\"7200000000000000000002\"}"), second.toJson());
    }

    @Test
    void randomIdsAreLowerCaseUuidV4() {
        Pattern uuid4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        String a = JwtSigner.randomJwtIds().get();
        assertTrue(uuid4.matcher(a).matches(), a);
        assertFalse(a.equals(JwtSigner.randomJwtIds().get()));
    }

    @Test
    void escapesClaimTextsSoTheyReadBackUnchanged() {
        String odd = "m\"e\\r\u0001ch\u00e9";
        JwtClaims claims = JwtClaims.forRequest(odd, odd, HOST, "POST", "/p/\"x\"", BODY, null, Instant.EPOCH, "j\n1");
        Map<String, Object> json = JoseFixtures.jsonMap(claims.toJson());
        assertEquals(odd, json.get("iss"));
        assertEquals(odd, json.get("v-c-merchant-id"));
        assertEquals("/p/\"x\"", json.get("request-resource-path"));
        assertEquals("j\n1", json.get("jti"));
    }

    @Test
    void refusesClaimsTheProtocolDoesNotAllow() {
        assertThrows(IllegalArgumentException.class, () -> JwtClaims.forRequest("i", "m", "https://h", "POST", "/p", BODY, null, Instant.EPOCH, "j"));
        assertThrows(IllegalArgumentException.class, () -> JwtClaims.forRequest("i", "m", HOST, "POST", "p", BODY, null, Instant.EPOCH, "j"));
        assertThrows(IllegalArgumentException.class, () -> JwtClaims.forRequest("i", "m", HOST, "PO ST", "/p", BODY, null, Instant.EPOCH, "j"));
        assertThrows(IllegalArgumentException.class, () -> JwtClaims.forRequest("i", "m", HOST, "POST", "/p", BODY, null, Instant.EPOCH, " "));
        assertThrows(IllegalArgumentException.class, () -> new JwtClaims("i", "m", HOST, "get", "/p", 1, "j", "digest", null));
        assertThrows(IllegalArgumentException.class, () -> new JwtClaims("i", "m", HOST, "post", "/p", 1, "j", null, null));
    }

    @Test
    void oneSignerGivesTheSameTokenFromManyThreadsAtOnce() throws Exception {
        JwtSigner signer = JwtSigner.sharedSecret(MERCHANT_ID, MERCHANT_ID, KEY_ID, SECRET, VECTOR_CLOCK, () -> "same-id");
        String expected = signer.authorization("POST", HOST, "/pts/v2/credits", BODY, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    List<String> tokens = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        tokens.add(signer.authorization("POST", HOST, "/pts/v2/credits", BODY, null));
                    }
                    return tokens;
                }));
            }
            for (Future<List<String>> result : results) {
                for (String token : result.get()) {
                    assertEquals(expected, token);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(signer.verifies(expected.substring("Bearer ".length())));
    }

    @Test
    void showsNoKeyInToString() {
        JwtSigner signer = signer(MERCHANT_ID, MERCHANT_ID, "x");
        assertFalse(signer.toString().contains(SECRET), signer.toString());
        assertTrue(signer.toString().contains("HS256") && signer.toString().contains(KEY_ID), signer.toString());
    }
}
