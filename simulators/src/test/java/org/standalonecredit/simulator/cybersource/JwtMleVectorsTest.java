package org.standalonecredit.simulator.cybersource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.AuthResult;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.SimJson;

/**
 * The JWT/MLE vectors of the protocol notes (§8, {@code vectors.json}, generated with the official Node SDK
 * 0.0.83 and from the docs): every one is accepted at the vectors' fixed clock, every one-character change is not.
 */
class JwtMleVectorsTest {
    static final JsonNode VECTORS = load();
    static final Instant FIXED_NOW = Instant.ofEpochMilli(VECTORS.get("fixed_now_ms").asLong());
    static final String GATEWAY_HOST = VECTORS.at("/inputs/host").asText();

    final MutableClock clock = MutableClock.at(FIXED_NOW);

    static JsonNode load() {
        try (InputStream in = JwtMleVectorsTest.class.getResourceAsStream("/cybersource_jwt_mle/vectors.json")) {
            return SimJson.MAPPER.readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode vector(String name) {
        return VECTORS.at("/vectors/" + name);
    }

    JwtVerifier verifier(Set<String> hostAliases) {
        JsonNode in = VECTORS.get("inputs");
        return new JwtVerifier(new JwtVerifier.Trust(in.get("merchant_id").asText(),
                Map.of(in.get("key_id").asText(), in.get("shared_secret_b64").asText()),
                Map.of(in.get("jwt_p12_kid").asText(), JwtMleKeys.jwtCertificate()), Map.of(), hostAliases),
                clock, Duration.ofMinutes(5));
    }

    /** A request as the gateway receives it: Host = the gateway's host, the vector's Authorization and body. */
    static Map<String, String> headers(String authorization) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("Host", GATEWAY_HOST);
        h.put("Authorization", authorization);
        return h;
    }

    static byte[] bodyOf(JsonNode v) {
        JsonNode body = v.has("wire_body") ? v.get("wire_body") : v.get("body");
        return body == null ? new byte[0] : body.asText().getBytes(StandardCharsets.UTF_8);
    }

    JwtVerifier.Verified verify(JwtVerifier verifier, JsonNode v, String authorization, byte[] body) {
        return verifier.verify(v.get("method").asText(), v.get("path").asText(), headers(authorization)::get, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1_hs256_post", "v2_hs256_get", "v3_hs256_request_mle", "v5_rs256_post", "v8_doc_form_hs256_post"})
    void acceptsTokenVector(String name) {
        JsonNode v = vector(name);
        JwtVerifier.Verified r = verify(verifier(Set.of()), v, v.get("authorization").asText(), bodyOf(v));
        assertTrue(r.auth().accepted(), r.auth().reason());
        assertEquals("testmerchant", r.merchantId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1_hs256_post", "v2_hs256_get", "v3_hs256_request_mle", "v5_rs256_post", "v8_doc_form_hs256_post"})
    void refusesEveryOneCharacterChangeOfTheToken(String name) {
        JsonNode v = vector(name);
        String authorization = v.get("authorization").asText();
        JwtVerifier verifier = verifier(Set.of());
        byte[] body = bodyOf(v);
        for (int i = "Bearer ".length(); i < authorization.length(); i++) {
            char c = authorization.charAt(i);
            String changed = authorization.substring(0, i) + (c == 'A' ? 'B' : 'A') + authorization.substring(i + 1);
            AuthResult r = verify(verifier, v, changed, body).auth();
            assertFalse(r.accepted(), name + " accepted with character " + i + " changed");
        }
        assertTrue(verify(verifier, v, authorization, body).auth().accepted(), "the untouched vector still passes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1_hs256_post", "v3_hs256_request_mle", "v5_rs256_post", "v8_doc_form_hs256_post"})
    void refusesAOneByteChangeOfTheBody(String name) {
        JsonNode v = vector(name);
        byte[] body = bodyOf(v);
        body[body.length / 2] ^= 1;
        AuthResult r = verify(verifier(Set.of()), v, v.get("authorization").asText(), body).auth();
        assertEquals("digest does not match the body", r.reason());
    }

    @Test
    void requestMleVectorCarriesTheResponseKidAndDecryptsToThePlaintext() throws Exception {
        JsonNode v = vector("v3_hs256_request_mle");
        JwtVerifier.Verified r = verify(verifier(Set.of()), v, v.get("authorization").asText(), bodyOf(v));
        assertEquals("7200000000000000000002", r.responseMleKid());
        String jwe = MleCodec.encryptedRequest(bodyOf(v));
        assertEquals(v.get("jwe").asText(), jwe);
        byte[] plain = codec().decrypt(jwe);
        assertEquals(v.get("plaintext_body").asText(), new String(plain, StandardCharsets.UTF_8));
    }

    @Test
    void refusesEveryOneCharacterChangeOfTheRequestJwe() {
        String jwe = vector("v3_hs256_request_mle").get("jwe").asText();
        MleCodec codec = codec();
        for (int i = 0; i < jwe.length(); i++) {
            char c = jwe.charAt(i);
            String changed = jwe.substring(0, i) + (c == 'A' ? 'B' : 'A') + jwe.substring(i + 1);
            int at = i;
            assertThrows(MleCodec.MleException.class, () -> codec.decrypt(changed), "accepted with character " + at + " changed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v6_e2e_plain", "v7_e2e_mle"})
    void acceptsTheCapturedSdkRequestsWhenTheGatewayHostIsAnAlias(String name) {
        JsonNode captured = vector(name).get("captured");
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        JsonNode raw = captured.get("rawHeaders");
        for (int i = 0; i < raw.size(); i += 2) {
            h.put(raw.get(i).asText(), raw.get(i + 1).asText());
        }
        byte[] body = captured.get("body").asText().getBytes(StandardCharsets.UTF_8);
        String method = captured.get("method").asText();
        String path = captured.get("url").asText();
        assertEquals("request-host does not match the Host header without port",
                verifier(Set.of()).verify(method, path, h::get, body).auth().reason(), "Host is the loopback capture address");
        JwtVerifier.Verified r = verifier(Set.of(GATEWAY_HOST)).verify(method, path, h::get, body);
        assertTrue(r.auth().accepted(), r.auth().reason());
    }

    @Test
    void responseMleVectorDecryptsWithTheResponseKey() {
        JsonNode v = vector("v4_response_mle");
        byte[] plain = CybersourceJwtSigner.decryptResponse(v.get("response_body").asText().getBytes(StandardCharsets.UTF_8),
                JwtMleKeys.responseMlePrivateKey());
        assertEquals(v.get("plaintext").asText(), new String(plain, StandardCharsets.UTF_8));
    }

    @Test
    void keyIdsAreTheSubjectSerialNumbersOfTheVectors() {
        JsonNode in = VECTORS.get("inputs");
        assertEquals(in.get("request_mle_kid").asText(), JwtMleKeys.kidOf(JwtMleKeys.requestMleCertificate()));
        assertEquals(in.get("response_mle_kid").asText(), JwtMleKeys.kidOf(JwtMleKeys.responseMleCertificate()));
        assertEquals(in.get("jwt_p12_kid").asText(), JwtMleKeys.kidOf(JwtMleKeys.jwtCertificate()));
    }

    @Test
    void vectorClockPrecedesTheCertificatesSoValidityDatesAreNotChecked() {
        for (var cert : List.of(JwtMleKeys.jwtCertificate(), JwtMleKeys.requestMleCertificate(),
                JwtMleKeys.responseMleCertificate())) {
            assertTrue(cert.getNotBefore().toInstant().isAfter(FIXED_NOW), "the vectors were made before notBefore");
        }
    }

    @Test
    void vectorsStopPassingWhenTheyExpire() {
        JsonNode v = vector("v1_hs256_post");
        clock.set(Instant.ofEpochSecond(1796083320L).plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertEquals("token expired", verify(verifier(Set.of()), v, v.get("authorization").asText(), bodyOf(v)).auth().reason());
    }

    @Test
    void theSimulatorsSignerAndEncryptorRoundTripThroughTheVerifier() throws Exception {
        CybersourceJwtSigner signer = CybersourceJwtSigner.builder().merchantId("testmerchant")
                .sharedSecret(VECTORS.at("/inputs/key_id").asText(), VECTORS.at("/inputs/shared_secret_b64").asText())
                .clock(clock).jti(() -> "12345678-1234-4234-8234-123456789012")
                .requestMleCertificate(JwtMleKeys.requestMleCertificate()).build();
        byte[] plain = vector("v1_hs256_post").get("body").asText().getBytes(StandardCharsets.UTF_8);
        byte[] wire = signer.encryptRequest(plain);
        String authorization = signer.sign("POST", GATEWAY_HOST, "/pts/v2/credits", wire).authorization();
        JwtVerifier.Verified r = verifier(Set.of()).verify("POST", "/pts/v2/credits", headers(authorization)::get, wire);
        assertTrue(r.auth().accepted(), r.auth().reason());
        assertNull(r.responseMleKid());
        assertArrayEquals(plain, codec().decrypt(MleCodec.encryptedRequest(wire)));
    }

    static MleCodec codec() {
        return new MleCodec(JwtMleKeys.requestMlePrivateKey(), VECTORS.at("/inputs/request_mle_kid").asText());
    }
}
