package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.MGF1ParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/** RSA-encrypted card data for production, with the public key fetched from Commerce Hub and cached. */
class CardEncryptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeyPair keys;
    private final TestGateways env = new TestGateways().with("credit.commerce-hub.card-encryption", "rsa");
    private final AtomicInteger keyFetches = new AtomicInteger();

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    static String keyAnswer(String encodedPublicKey, Instant validTo, String status) {
        return """
                {"gatewayResponse":{"transactionProcessingDetails":{"apiTraceId":"7285fd4f2496418992e5b12fbb7f68e4"}},
                 "asymmetricKeyDetails":{"keyId":"e294a246-078b-4ec0-82d6-5ab7fccd6491","encryptionType":"RSA","modulus":2048,
                   "encodedPublicKey":"%s","validFrom":"2023-11-01T00:00:00Z","validTo":"%s","status":"%s"}}"""
                .formatted(encodedPublicKey, validTo, status);
    }

    private static String base64Key() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** Answers key generation with the test key valid until {@code validTo}, and credits with an approval. */
    private void serve(Instant validTo) {
        env.transport.otherwise(r -> {
            if (r.uri().getPath().endsWith("/security/v1/keys/generate")) {
                keyFetches.incrementAndGet();
                return FakeTransport.response(201, keyAnswer(base64Key(), validTo, "ACTIVE"));
            }
            return FakeTransport.response(201, TestGateways.approved(amountOf(r), "USD"));
        });
    }

    private static String amountOf(OutboundRequest r) {
        try {
            return JSON.readTree(r.body()).at("/amount/total").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String decrypt(String block) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.DECRYPT_MODE, keys.getPrivate(),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        return new String(cipher.doFinal(Base64.getDecoder().decode(block)), StandardCharsets.UTF_8);
    }

    @Test
    void encryptsTheCardFieldsInOrderWithOaepSha256() throws GeneralSecurityException {
        EncryptionKey key = new EncryptionKey("k-1", keys.getPublic(), Instant.MAX);
        CardEncryptor.EncryptedCard withCode = CardEncryptor.encrypt(
                PaymentSource.card(TestGateways.TEST_PAN, CardExpiry.of(2, 2035), "123", null), key);
        assertEquals("4005550000000019022035123", decrypt(withCode.encryptionBlock()));
        assertEquals("card.cardData:16,card.expirationMonth:2,card.expirationYear:4,card.securityCode:3", withCode.encryptionBlockFields());
        assertEquals("k-1", withCode.keyId());
        assertFalse(withCode.toString().contains(TestGateways.TEST_PAN));

        CardEncryptor.EncryptedCard withoutCode = CardEncryptor.encrypt(
                PaymentSource.card(TestGateways.TEST_PAN, CardExpiry.of(11, 2030)), key);
        assertEquals("4005550000000019112030", decrypt(withoutCode.encryptionBlock()));
        assertEquals("card.cardData:16,card.expirationMonth:2,card.expirationYear:4", withoutCode.encryptionBlockFields());

        // MGF1 must be SHA-256 too: the JDK's default for this transformation (MGF1 with SHA-1) cannot decrypt it
        Cipher jdkDefault = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        jdkDefault.init(Cipher.DECRYPT_MODE, keys.getPrivate());
        assertThrows(BadPaddingException.class, () -> jdkDefault.doFinal(Base64.getDecoder().decode(withCode.encryptionBlock())));
    }

    @Test
    void acceptsTheKeyInBase64HexOrPem() {
        byte[] der = keys.getPublic().getEncoded();
        assertEquals(keys.getPublic(), EncryptionKey.decodePublicKey(base64Key()).orElseThrow());
        assertEquals(keys.getPublic(), EncryptionKey.decodePublicKey(HexFormat.of().formatHex(der)).orElseThrow());
        assertEquals(keys.getPublic(), EncryptionKey.decodePublicKey("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----").orElseThrow());
        assertTrue(EncryptionKey.decodePublicKey("not a key").isEmpty());
        assertTrue(EncryptionKey.decodePublicKey(null).isEmpty());
    }

    @Test
    void refusesKeysShorterThan2048Bits() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String weak = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        assertTrue(EncryptionKey.decodePublicKey(weak).isEmpty());
    }

    @Test
    void sendsTheCardEncryptedWithAFetchedKeyAndFetchesItOnce() throws Exception {
        serve(TestGateways.START.plus(Duration.ofDays(90)));
        try (CreditGateway gateway = env.providerGateway()) {
            assertEquals(CreditOutcome.APPROVED, gateway.credit(TestGateways.cardCredit("12.04").build()).outcome());
            assertEquals(CreditOutcome.APPROVED, gateway.credit(TestGateways.cardCredit("13.00")
                    .idempotencyKey("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0").build()).outcome());
        }
        assertEquals(1, keyFetches.get());
        OutboundRequest keyRequest = env.transport.sentTo("/security/v1/keys/generate").get(0);
        assertEquals(JSON.readTree("{\"merchantDetails\":{\"merchantId\":\"100008000003683\"}}"), JSON.readTree(keyRequest.body()));
        assertTrue(keyRequest.headers().stream().anyMatch(h -> h.name().equals("Authorization")));

        OutboundRequest credit = env.transport.sentTo("/payments/v1/credits").get(0);
        String text = new String(credit.body(), StandardCharsets.UTF_8);
        assertFalse(text.contains(TestGateways.TEST_PAN));
        JsonNode data = JSON.readTree(text).at("/source/encryptionData");
        assertEquals("RSA", data.get("encryptionType").asText());
        assertEquals("MANUAL", data.get("encryptionTarget").asText());
        assertEquals("e294a246-078b-4ec0-82d6-5ab7fccd6491", data.get("keyId").asText());
        assertEquals("4005550000000019022035123", decrypt(data.get("encryptionBlock").asText()));
    }

    @Test
    void fetchesANewKeyShortlyBeforeTheOldOneExpires() {
        serve(TestGateways.START.plus(Duration.ofHours(1)));
        try (CreditGateway gateway = env.providerGateway()) {
            gateway.credit(TestGateways.cardCredit("12.04").build());
            env.clock.advance(Duration.ofMinutes(49));
            gateway.credit(TestGateways.cardCredit("12.04").idempotencyKey("k-2").build());
            assertEquals(1, keyFetches.get());
            env.clock.advance(Duration.ofMinutes(2));
            gateway.credit(TestGateways.cardCredit("12.04").idempotencyKey("k-3").build());
            assertEquals(2, keyFetches.get(), "within 10 minutes of validTo the key is replaced");
        }
    }

    @Test
    void concurrentCreditsShareOneKeyFetch() throws Exception {
        serve(TestGateways.START.plus(Duration.ofDays(90)));
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try (CreditGateway gateway = env.providerGateway()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CreditResult>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CreditRequest request = TestGateways.cardCredit((i + 1) + ".00").idempotencyKey("concurrent-" + i).build();
                results.add(pool.submit(() -> {
                    go.await();
                    return gateway.credit(request);
                }));
            }
            go.countDown();
            for (Future<CreditResult> r : results) {
                assertEquals(CreditOutcome.APPROVED, r.get().outcome());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, keyFetches.get());
    }

    @Test
    void noKeyMeansNoCreditWasSent() {
        env.transport.answer(401, "{\"error\":[{\"type\":\"APIM\",\"message\":\"ApiKey and/or Authentication supplied are invalid.\"}]}")
                .fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED)
                .fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED)
                .fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED)
                .answer(201, keyAnswer(base64Key(), TestGateways.START.plus(Duration.ofDays(1)), "INACTIVE"))
                .answer(201, keyAnswer("bm90IGEga2V5", TestGateways.START.plus(Duration.ofDays(1)), "ACTIVE"));
        try (CreditGateway gateway = env.providerGateway()) {
            CreditResult unauthorized = gateway.credit(TestGateways.cardCredit("12.04").build());
            assertEquals(CreditOutcome.REJECTED, unauthorized.outcome());
            assertEquals(OutcomeDetail.AUTHENTICATION_FAILED, unauthorized.detail());
            assertEquals(0, unauthorized.attempts());
            assertEquals(CreditOutcome.NOT_SENT, gateway.credit(TestGateways.cardCredit("12.04").build()).outcome());
            assertEquals(CreditOutcome.NOT_SENT, gateway.credit(TestGateways.cardCredit("12.04").build()).outcome());
            assertEquals(CreditOutcome.NOT_SENT, gateway.credit(TestGateways.cardCredit("12.04").build()).outcome());
        }
        assertTrue(env.transport.sentTo("/payments/v1/credits").isEmpty());
    }

    @Test
    void aResubmissionOfAnEncryptedCreditCarriesTheIdenticalBytes() {
        serve(TestGateways.START.plus(Duration.ofDays(90)));
        env.with("credit.retry.max-resends-after-sent", "0");
        try (CreditGateway gateway = env.providerGateway()) {
            CreditRequest request = TestGateways.cardCredit("12.04").build();
            gateway.credit(request);
            gateway.credit(request);
        }
        List<OutboundRequest> credits = env.transport.sentTo("/payments/v1/credits");
        assertEquals(2, credits.size());
        assertArrayEquals(credits.get(0).body(), credits.get(1).body(), "RSA-OAEP is randomised: the first ciphertext must be re-used");
    }

    @Test
    void tokensNeedNoKey() {
        serve(TestGateways.START.plus(Duration.ofDays(90)));
        try (CreditGateway gateway = env.providerGateway()) {
            gateway.credit(TestGateways.cardCredit("12.04")
                    .source(PaymentSource.gatewayToken("1234560000000019", "TRANSARMOR", CardExpiry.of(10, 2030))).build());
        }
        assertEquals(0, keyFetches.get());
    }
}
