package org.standalonecredit.cybersource.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.standalonecredit.cybersource.jose.JoseFixtures.HOST;
import static org.standalonecredit.cybersource.jose.JoseFixtures.KEY_ID;
import static org.standalonecredit.cybersource.jose.JoseFixtures.MERCHANT_ID;
import static org.standalonecredit.cybersource.jose.JoseFixtures.SECRET;
import static org.standalonecredit.cybersource.jose.JoseFixtures.VECTOR_CLOCK;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JWS vectors of protocol notes §8. v1–v3, v5–v7 are the Node SDK's form ({@code {"typ","alg","kid"}},
 * {@code digest-algorithm}); this library emits the documented form (v8), so for those the signing core is
 * pinned by re-signing the vector's own header and claims texts, and the claim builder by equal claim values.
 */
class JwtVectorsTest {
    private static JwsKey keyFor(JsonNode vector) {
        String alg = FlatJson.membersOrNull(JoseFixtures.utf8(vector.path("header_json").asText())).get("alg").orElseThrow();
        if (alg.equals("RS256")) {
            return new RsaJwsKey("7300000000000000000003", JoseFixtures.privateKey("jwt_p12.key.pk8.pem"),
                    JoseFixtures.certificate("jwt_p12.cert.pem").getPublicKey());
        }
        return HmacJwsKey.fromBase64Secret(KEY_ID, SECRET);
    }

    @Test
    void signsTheDocumentedFormByteForByte() {
        JsonNode v8 = JoseFixtures.vector("v8_doc_form_hs256_post");
        String jti = JoseFixtures.jsonMap(v8.path("claims_json").asText()).get("jti").toString();
        JwtSigner signer = JwtSigner.sharedSecret(MERCHANT_ID, MERCHANT_ID, KEY_ID, SECRET, VECTOR_CLOCK, JoseFixtures.ids(jti));

        String authorization = signer.authorization("POST", HOST, v8.path("path").asText(), JoseFixtures.utf8(v8.path("body").asText()), null);

        assertEquals(v8.path("authorization").asText(), authorization);
        String token = JoseFixtures.token(v8);
        assertEquals(v8.path("header_json").asText(), JoseFixtures.segment(token, 0));
        assertEquals(v8.path("claims_json").asText(), JoseFixtures.segment(token, 1));
    }

    /** RS256 PKCS#1 v1.5 is deterministic: the same token as python's {@code cryptography} (make_rs256_doc_form.py). */
    @Test
    void signsTheDocumentedFormWithTheP12ByteForByte() {
        JsonNode v5 = JoseFixtures.vector("v5_rs256_post");
        String jti = JoseFixtures.jsonMap(v5.path("claims_json").asText()).get("jti").toString();
        P12Credentials p12 = P12Credentials.fromBase64(JoseFixtures.p12Base64(), JoseFixtures.P12_PASSWORD.toCharArray(),
                MERCHANT_ID, JoseFixtures.CERTIFICATES_VALID);
        JwtSigner signer = JwtSigner.p12(MERCHANT_ID, MERCHANT_ID, p12, VECTOR_CLOCK, JoseFixtures.ids(jti));

        String authorization = signer.authorization("POST", HOST, "/pts/v2/credits", JoseFixtures.utf8(v5.path("body").asText()), null);

        assertEquals("Bearer " + JoseFixtures.text("rs256_doc_form.txt").strip(), authorization);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1_hs256_post", "v2_hs256_get", "v3_hs256_request_mle", "v5_rs256_post", "v6_e2e_plain", "v7_e2e_mle",
            "v8_doc_form_hs256_post"})
    void reSigningTheVectorsHeaderAndClaimsGivesTheVectorsTokenByteForByte(String name) {
        JsonNode vector = JoseFixtures.vector(name);
        String token = JoseFixtures.token(vector);
        assertEquals(vector.path("header_json").asText(), JoseFixtures.segment(token, 0), "the vector's header_json is its token's header");

        String resigned = JwsCompact.sign(keyFor(vector), JwsCompact.headerSegment(vector.path("header_json").asText()),
                vector.path("claims_json").asText());

        assertEquals(token, resigned);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1_hs256_post", "v2_hs256_get", "v3_hs256_request_mle", "v5_rs256_post", "v6_e2e_plain", "v7_e2e_mle",
            "v8_doc_form_hs256_post"})
    void verifiesEachVectorTokenAndRefusesEveryOneCharacterChange(String name) {
        JsonNode vector = JoseFixtures.vector(name);
        JwsKey key = keyFor(vector);
        String token = JoseFixtures.token(vector);
        assertTrue(JwsCompact.verifies(key, token));

        for (int i = 0; i < token.length(); i++) {
            char original = token.charAt(i);
            char changed = original == 'A' ? 'B' : original == '.' ? 'x' : 'A';
            String tampered = token.substring(0, i) + changed + token.substring(i + 1);
            assertFalse(JwsCompact.verifies(key, tampered), name + ": a change at " + i + " must not verify");
        }
        assertFalse(JwsCompact.verifies(key, token + "A"));
        assertFalse(JwsCompact.verifies(key, token.substring(0, token.length() - 1)));
    }

    /** 32 signature bytes = 43 characters: the last carries 2 unused bits, which the JDK decoder ignores. */
    @Test
    void refusesAChangeInTheUnusedBitsOfTheSignature() {
        JsonNode v8 = JoseFixtures.vector("v8_doc_form_hs256_post");
        String token = JoseFixtures.token(v8);
        String alias = JoseFixtures.lastCharacterLowBitFlipped(token);
        assertArrayEquals(java.util.Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)),
                java.util.Base64.getUrlDecoder().decode(alias.substring(alias.lastIndexOf('.') + 1)), "the JDK decodes both to the same bytes");
        assertFalse(JwsCompact.verifies(keyFor(v8), alias));
    }

    @Test
    void theSharedSecretIsUsedBase64DecodedNotAsText() {
        JsonNode v1 = JoseFixtures.vector("v1_hs256_post");
        String textKeyed = JwsCompact.sign(HmacJwsKey.fromBase64Secret(KEY_ID,
                        java.util.Base64.getEncoder().encodeToString(JoseFixtures.utf8(SECRET))),
                JwsCompact.headerSegment(v1.path("header_json").asText()), v1.path("claims_json").asText());
        assertNotEquals(JoseFixtures.token(v1), textKeyed);
    }

    /** The claim builder gives the SDK's claim values for the SDK's inputs; only the spelling of one name differs. */
    @ParameterizedTest
    @ValueSource(strings = {"v1_hs256_post", "v2_hs256_get", "v3_hs256_request_mle", "v5_rs256_post", "v6_e2e_plain", "v7_e2e_mle"})
    void buildsTheSameClaimValuesAsTheNodeSdk(String name) {
        JsonNode vector = JoseFixtures.vector(name);
        Map<String, Object> expected = JoseFixtures.jsonMap(vector.path("claims_json").asText());
        JsonNode captured = vector.path("captured");
        String method = captured.isMissingNode() ? vector.path("method").asText() : captured.path("method").asText();
        String path = captured.isMissingNode() ? vector.path("path").asText() : captured.path("url").asText();
        String body = captured.isMissingNode() ? vector.path(vector.has("wire_body") ? "wire_body" : "body").asText(null)
                : captured.path("body").asText();

        JwtClaims claims = JwtClaims.forRequest(MERCHANT_ID, MERCHANT_ID, HOST, method, path, body == null ? null : JoseFixtures.utf8(body),
                (String) expected.get("v-c-response-mle-kid"), JoseFixtures.VECTOR_NOW, (String) expected.get("jti"));

        if (expected.containsKey("digest-algorithm")) {
            expected.put("digestAlgorithm", expected.remove("digest-algorithm"));
        }
        assertEquals(expected, JoseFixtures.jsonMap(claims.toJson()));
    }

    @Test
    void theRequestMleDigestCoversTheWrapperNotThePlaintext() {
        JsonNode v3 = JoseFixtures.vector("v3_hs256_request_mle");
        String digest = (String) JoseFixtures.jsonMap(v3.path("claims_json").asText()).get("digest");
        assertEquals(digest, JwtClaims.digest(JoseFixtures.utf8(v3.path("wire_body").asText())));
        assertNotEquals(digest, JwtClaims.digest(JoseFixtures.utf8(v3.path("plaintext_body").asText())));
    }

    /** The copy in src/test/resources/jose must stay the published material; skipped where shared/ is not beside the repository. */
    @Test
    void theResourceCopyMatchesTheSharedVectors() throws IOException {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../../shared/protocols/vectors/cybersource_jwt_mle").normalize();
        Assumptions.assumeTrue(Files.isDirectory(shared), "no shared vectors folder at " + shared + ": comparing the copy is skipped");
        for (String name : new String[] {"vectors.json", "jwt_p12.p12.b64", "jwt_p12.cert.pem", "jwt_p12.key.pk8.pem",
                "request_mle_sjc.cert.pem", "request_mle_sjc.key.pk8.pem", "response_mle.cert.pem", "response_mle.key.pk8.pem"}) {
            assertArrayEquals(Files.readAllBytes(shared.resolve(name)), JoseFixtures.bytes(name), name);
        }
    }
}
