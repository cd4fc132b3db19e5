package org.standalonecredit.simulator.cybersource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.SimHttp;
import org.standalonecredit.simulator.SimJson;
import org.standalonecredit.simulator.SimulatorIds;

/** JWT and MLE over HTTP: the simulator's answers, ledger and recorded reasons. */
class CybersourceJwtMleTest {
    final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));
    final AtomicInteger jtis = new AtomicInteger();
    CybersourceSimulator sim = start(CybersourceSimulator.builder());

    CybersourceSimulator start(CybersourceSimulator.Builder builder) {
        return builder.clock(clock).idGenerator(SimulatorIds.sequential()).start();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    CybersourceJwtSigner signer() {
        return sim.jwtSigner().toBuilder().jti(() -> "00000000-0000-4000-8000-" + String.format("%012d", jtis.incrementAndGet()))
                .build();
    }

    HttpResponse<String> send(String method, String path, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(SimHttp.GUARD)
                .header("Content-Type", "application/json;charset=utf-8").header("Accept", "application/hal+json;charset=utf-8")
                .header("Authorization", authorization);
        b.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return SimHttp.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> jwtCredit(CybersourceJwtSigner signer, byte[] wire) throws Exception {
        URI uri = URI.create(sim.baseUrl() + "/pts/v2/credits");
        return send("POST", "/pts/v2/credits", wire, signer.sign("POST", uri, wire).authorization());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jwtCreditIsApprovedAndRecordedForTheMerchantOfTheToken() throws Exception {
        HttpResponse<String> r = jwtCredit(signer(), utf8(Bodies.CYBERSOURCE_VECTOR_BODY));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("PENDING", SimHttp.json(r).get("status").asText());
        assertEquals(1, sim.ledger().size());
        assertEquals("testmerchant", sim.ledger().entries().get(0).merchantId());
        assertEquals("ok", sim.lastAuthResult().orElseThrow().reason());
        assertTrue(sim.journal().get(0).header("v-c-merchant-id") == null, "the journal keeps the request as sent");
    }

    @Test
    void bothSchemesAreAcceptedByDefault() throws Exception {
        assertEquals(201, SimHttp.cybersourceCredit(sim, Bodies.CYBERSOURCE_VECTOR_BODY).statusCode());
        assertEquals(201, jwtCredit(signer(), utf8(Bodies.CYBERSOURCE_CUSTOMER_TOKEN)).statusCode());
        URI lookup = URI.create(sim.baseUrl() + "/tss/v2/transactions/" + sim.ledger().entries().get(0).gatewayTransactionId());
        HttpResponse<String> get = send("GET", lookup.getRawPath(), new byte[0], signer().sign("GET", lookup, new byte[0]).authorization());
        assertEquals(200, get.statusCode(), get.body());
    }

    @Test
    void retiredHttpSignatureGets401WhileJwtIsApproved() throws Exception {
        sim.close();
        sim = start(CybersourceSimulator.builder().refuseHttpSignature());
        HttpResponse<String> old = SimHttp.cybersourceCredit(sim, Bodies.CYBERSOURCE_VECTOR_BODY);
        assertEquals(401, old.statusCode());
        assertEquals("Authentication Failed", SimHttp.json(old).at("/response/rmsg").asText());
        assertEquals("HTTP Signature is retired (refuseHttpSignature)", sim.lastAuthResult().orElseThrow().reason());
        assertEquals(201, jwtCredit(signer(), utf8(Bodies.CYBERSOURCE_VECTOR_BODY)).statusCode());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void refusedTokenIs401WithTheReasonRecordedAndNothingCredited() throws Exception {
        byte[] body = utf8(Bodies.CYBERSOURCE_VECTOR_BODY);
        CybersourceJwtSigner s = signer();
        String authorization = s.sign("POST", "127.0.0.1", "/pts/v2/credits", body).authorization();
        assertEquals(201, send("POST", "/pts/v2/credits", body, authorization).statusCode());
        HttpResponse<String> replay = send("POST", "/pts/v2/credits", body, authorization);
        assertEquals(401, replay.statusCode());
        assertEquals("Authentication Failed", SimHttp.json(replay).at("/response/rmsg").asText());
        assertEquals("jti replayed", sim.lastAuthResult().orElseThrow().reason());
        assertEquals("jti replayed", sim.authResult(sim.journal().get(1)).orElseThrow().reason());
        assertEquals(1, sim.ledger().size());
        sim.reset();
        assertEquals(201, send("POST", "/pts/v2/credits", body, authorization).statusCode(), "reset forgets jtis");
    }

    @Test
    void requestMleCreditReachesTheLedger() throws Exception {
        CybersourceJwtSigner s = signer();
        byte[] wire = s.encryptRequest(utf8(Bodies.CYBERSOURCE_VECTOR_BODY));
        HttpResponse<String> r = jwtCredit(s, wire);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("10.00", SimHttp.json(r).at("/creditAmountDetails/creditAmount").asText());
        assertEquals(1, sim.ledger().size());
        assertEquals("refund-0001", sim.ledger().entries().get(0).merchantReference());
        assertTrue(sim.journal().get(0).bodyAsString().startsWith("{\"encryptedRequest\":\""));
    }

    @Test
    void aRecordedRequestIsReadInTheClearWhetherOrNotItWasEncrypted() throws Exception {
        CybersourceJwtSigner s = signer();
        jwtCredit(s, s.encryptRequest(utf8(Bodies.CYBERSOURCE_VECTOR_BODY)));
        jwtCredit(s, utf8(Bodies.CYBERSOURCE_CUSTOMER_TOKEN));
        RecordedRequest encrypted = sim.journal().get(0);
        assertTrue(encrypted.bodyAsString().startsWith("{\"encryptedRequest\":\""), "the journal keeps the wrapper");

        assertArrayEquals(utf8(Bodies.CYBERSOURCE_VECTOR_BODY), CybersourceSimulator.plaintextBody(encrypted));
        assertArrayEquals(utf8(Bodies.CYBERSOURCE_CUSTOMER_TOKEN), CybersourceSimulator.plaintextBody(sim.journal().get(1)));
    }

    @Test
    void aRecordedRequestEncryptedToAnotherCertificateIsNotPassedOffAsPlaintext() throws Exception {
        CybersourceJwtSigner s = signer();
        CybersourceJwtSigner wrongCertificate = s.toBuilder().requestMleCertificate(JwtMleKeys.responseMleCertificate()).build();
        jwtCredit(s, wrongCertificate.encryptRequest(utf8(Bodies.CYBERSOURCE_VECTOR_BODY)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CybersourceSimulator.plaintextBody(sim.journal().get(0)));
        assertTrue(e.getMessage().contains("kid is not the simulator's request-MLE certificate"), e.getMessage());
    }

    @Test
    void undecryptableRequestIs400WithTheReasonRecorded() throws Exception {
        CybersourceJwtSigner s = signer();
        String jwe = s.requestJwe(utf8(Bodies.CYBERSOURCE_VECTOR_BODY));
        String[] p = jwe.split("\\.");
        String otherKey = s.requestJwe(utf8("{}")).split("\\.")[1];
        byte[] wire = utf8("{\"encryptedRequest\":\"" + String.join(".", p[0], otherKey, p[2], p[3], p[4]) + "\"}");
        HttpResponse<String> r = jwtCredit(s, wire);
        assertEquals(400, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("INVALID_REQUEST", b.get("status").asText());
        assertEquals("request MLE: JWE does not decrypt with the request-MLE key", sim.lastAuthResult().orElseThrow().reason());
        assertEquals(0, sim.ledger().size());
        CybersourceJwtSigner wrongCertificate = s.toBuilder().requestMleCertificate(JwtMleKeys.responseMleCertificate()).build();
        assertEquals(400, jwtCredit(s, wrongCertificate.encryptRequest(utf8(Bodies.CYBERSOURCE_VECTOR_BODY))).statusCode());
        assertEquals("request MLE: JWE kid is not the simulator's request-MLE certificate", sim.lastAuthResult().orElseThrow().reason());
    }

    @Test
    void responseMleAnswerDecryptsToTheNormalAnswer() throws Exception {
        CybersourceJwtSigner s = signer().toBuilder().responseMleKid("7200000000000000000002").build();
        HttpResponse<String> r = jwtCredit(s, s.encryptRequest(utf8(Bodies.CYBERSOURCE_VECTOR_BODY)));
        assertEquals(201, r.statusCode());
        JsonNode wire = SimHttp.json(r);
        assertEquals(1, wire.size());
        String jwe = wire.get("encryptedResponse").asText();
        JsonNode header = SimJson.MAPPER.readTree(java.util.Base64.getUrlDecoder().decode(jwe.split("\\.")[0]));
        assertEquals("RSA-OAEP-256", header.get("alg").asText());
        assertEquals("A256GCM", header.get("enc").asText());
        assertEquals("7200000000000000000002", header.get("kid").asText());
        assertEquals(clock.instant().getEpochSecond(), header.get("iat").asLong());
        JsonNode answer = SimJson.MAPPER.readTree(CybersourceJwtSigner.decryptResponse(utf8(r.body()), JwtMleKeys.responseMlePrivateKey()));
        assertEquals("PENDING", answer.get("status").asText());
        assertEquals(sim.ledger().entries().get(0).gatewayTransactionId(), answer.get("id").asText());
        assertEquals("10.00", answer.at("/creditAmountDetails/creditAmount").asText());
        assertFalse(r.body().contains("PENDING"));
    }

    @Test
    void unknownResponseMleKidIs400BeforeAnyCredit() throws Exception {
        CybersourceJwtSigner s = signer().toBuilder().responseMleKid("7999999999999999999999").build();
        assertEquals(400, jwtCredit(s, utf8(Bodies.CYBERSOURCE_VECTOR_BODY)).statusCode());
        assertEquals("response MLE: unknown v-c-response-mle-kid", sim.lastAuthResult().orElseThrow().reason());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void capturedNodeSdkMleCreditIsProcessedAndAnsweredEncrypted() throws Exception {
        sim.close();
        clock.set(JwtMleVectorsTest.FIXED_NOW);
        sim = start(CybersourceSimulator.builder().acceptRequestHost(JwtMleVectorsTest.GATEWAY_HOST));
        JsonNode captured = JwtMleVectorsTest.vector("v7_e2e_mle").get("captured");
        JsonNode raw = captured.get("rawHeaders");
        String authorization = null;
        for (int i = 0; i < raw.size(); i += 2) {
            if (raw.get(i).asText().equals("Authorization")) {
                authorization = raw.get(i + 1).asText();
            }
        }
        HttpResponse<String> r = send("POST", captured.get("url").asText(), utf8(captured.get("body").asText()), authorization);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode answer = SimJson.MAPPER.readTree(CybersourceJwtSigner.decryptResponse(utf8(r.body()), JwtMleKeys.responseMlePrivateKey()));
        assertEquals("PENDING", answer.get("status").asText());
        assertEquals(1, sim.ledger().size());
        assertEquals("12345678", sim.ledger().entries().get(0).merchantReference());
    }

    @Test
    void rs256CreditWithTheMerchantsCertificateIsApproved() throws Exception {
        CybersourceJwtSigner s = signer().toBuilder().rsaKey("7300000000000000000003", JwtMleKeys.jwtPrivateKey()).build();
        assertEquals(201, jwtCredit(s, utf8(Bodies.CYBERSOURCE_VECTOR_BODY)).statusCode());
        sim.close();
        sim = start(CybersourceSimulator.builder().jwtCertificate("7300000000000000000003", JwtMleKeys.responseMleCertificate()));
        assertEquals(401, jwtCredit(s, utf8(Bodies.CYBERSOURCE_VECTOR_BODY)).statusCode());
        assertEquals("signature mismatch", sim.lastAuthResult().orElseThrow().reason());
    }
}
