package org.standalonecredit.simulator.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.SimHttp;
import org.standalonecredit.simulator.SimJson;

/** Multi-use public key round trip: fetch the key over HTTP, encrypt in the test, credit, decrypt in the simulator. */
class CommerceHubEncryptionTest {
    final MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"));
    final CommerceHubSimulator sim = CommerceHubSimulator.builder().clock(clock)
            .idGenerator(org.standalonecredit.simulator.SimulatorIds.sequential())
            .environment(CommerceHubSimulator.Environment.PRODUCTION).start();

    @AfterEach
    void close() {
        sim.close();
    }

    CommerceHubCardEncryptor fetchKey() throws Exception {
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/security/v1/keys/generate", "crid-key",
                "{\"merchantDetails\":{\"merchantId\":\"100008000003683\"}}");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode key = SimHttp.json(r).get("asymmetricKeyDetails");
        assertEquals("RSA", key.get("encryptionType").asText());
        assertEquals(2048, key.get("modulus").asInt());
        assertEquals("ACTIVE", key.get("status").asText());
        assertEquals("2026-01-05T03:04:05Z", key.get("validFrom").asText());
        assertTrue(key.get("validTo").isTextual());
        assertEquals(sim.encryptionKeyId(), key.get("keyId").asText());
        String encoded = key.get("encodedPublicKey").asText();
        assertTrue(encoded.startsWith("MIIBIjAN"), "base64 X.509 SubjectPublicKeyInfo DER");
        RSAPublicKey parsed = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        assertEquals(2048, parsed.getModulus().bitLength());
        return CommerceHubCardEncryptor.fromEncodedPublicKey(key.get("keyId").asText(), encoded);
    }

    static String credit(ObjectNode encryptionData) {
        ObjectNode body = SimJson.object();
        body.putObject("amount").put("total", new java.math.BigDecimal("31.00")).put("currency", "USD");
        ObjectNode source = body.putObject("source").put("sourceType", "PaymentCard");
        source.set("encryptionData", encryptionData);
        body.putObject("merchantDetails").put("merchantId", "100008000003683").put("terminalId", "10000001");
        return new String(SimJson.write(body), StandardCharsets.UTF_8);
    }

    @Test
    void encryptedCardRoundTrip() throws Exception {
        CommerceHubCardEncryptor encryptor = fetchKey();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("card.cardData", "5500007287297385");
        fields.put("card.nameOnCard", "Zoë Müller");
        fields.put("card.expirationMonth", "12");
        fields.put("card.expirationYear", "2030");
        fields.put("card.securityCode", "777");
        CommerceHubCardEncryptor.EncryptionData data = encryptor.encrypt(fields);
        assertEquals("card.cardData:16,card.nameOnCard:12,card.expirationMonth:2,card.expirationYear:4,card.securityCode:3",
                data.encryptionBlockFields(), "lengths are UTF-8 bytes");
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-enc", credit(data.toJson()));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode b = SimHttp.json(r);
        assertEquals("55000072", b.at("/source/card/bin").asText());
        assertEquals("7385", b.at("/source/card/last4").asText());
        assertEquals("MASTERCARD", b.at("/source/card/scheme").asText());
        assertEquals("12", b.at("/source/card/expirationMonth").asText());
        assertFalse(r.body().contains("5500007287297385"));
        assertFalse(r.body().contains("securityCode"));
        assertFalse(r.body().contains("\"777\""));
        assertFalse(r.body().contains("nameOnCard"));
        LedgerEntry e = sim.ledger().entries().get(0);
        assertTrue(e.paymentSource().encrypted());
        assertEquals("7385", e.paymentSource().last4());
        assertEquals("2030", e.paymentSource().expirationYear());
    }

    @Test
    void unknownKeyIdIsRejected() throws Exception {
        CommerceHubCardEncryptor.EncryptionData data = fetchKey().encryptCard("4012001928706700", "12", "2030");
        ObjectNode json = data.toJson().put("keyId", "00000000-0000-0000-0000-000000000000");
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-kid", credit(json));
        assertEquals(400, r.statusCode());
        assertEquals("666", SimHttp.json(r).at("/error/0/code").asText());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void undecryptableBlockIsRejected() throws Exception {
        ObjectNode json = fetchKey().encryptCard("4012001928706700", "12", "2030").toJson()
                .put("encryptionBlock", Base64.getEncoder().encodeToString(new byte[256]));
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-bad", credit(json));
        assertEquals(400, r.statusCode());
        assertEquals("693", SimHttp.json(r).at("/error/0/code").asText());
    }

    @Test
    void sha1Mgf1CiphertextIsRejected() throws Exception {
        CommerceHubCardEncryptor.EncryptionData good = fetchKey().encryptCard("4012001928706700", "12", "2030");
        Cipher javaDefault = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding"); // MGF1 defaults to SHA-1
        javaDefault.init(Cipher.ENCRYPT_MODE, sim.publicKey());
        String block = Base64.getEncoder().encodeToString(
                javaDefault.doFinal("4012001928706700122030".getBytes(StandardCharsets.UTF_8)));
        ObjectNode json = good.toJson().put("encryptionBlock", block);
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-sha1", credit(json));
        assertEquals("693", SimHttp.json(r).at("/error/0/code").asText());
    }

    @Test
    void declaredLengthsMustMatchThePlaintext() throws Exception {
        ObjectNode json = fetchKey().encryptCard("4012001928706700", "12", "2030").toJson()
                .put("encryptionBlockFields", "card.cardData:16,card.expirationMonth:2,card.expirationYear:2");
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-len", credit(json));
        assertEquals("302", SimHttp.json(r).at("/error/0/code").asText());
        ObjectNode target = fetchKey().encryptCard("4012001928706700", "12", "2030").toJson()
                .put("encryptionTarget", "TRACK");
        r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-tgt", credit(target));
        assertEquals("302", SimHttp.json(r).at("/error/0/code").asText());
    }

    @Test
    void keyGenerationIsAuthenticated() throws Exception {
        java.net.http.HttpRequest unsigned = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sim.baseUrl() + "/security/v1/keys/generate"))
                .header("Client-Request-Id", "x").header("Api-Key", sim.apiKey()).header("Timestamp", "1")
                .header("Auth-Token-Type", "HMAC").header("Authorization", "AAAA")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        assertEquals(401, SimHttp.CLIENT.send(unsigned, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
