package org.standalonecredit.cybersource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.cybersource.jose.CertificateKeyIds;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * Message-level encryption against the simulator, which decrypts requests with its MLE key and encrypts answers
 * to the merchant's response certificate (both the SDK vectors' throwaway keys).
 */
class MessageEncryptionTest {
    private final CybersourceSimulator sim = CybersourceSimulator.builder().clock(TestGateways.KEYS_VALID).magicAmounts(false).start();
    private final List<CreditGateway> gateways = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        gateways.forEach(CreditGateway::close);
        sim.close();
    }

    private static String pem(String name) {
        try (InputStream in = MessageEncryptionTest.class.getResourceAsStream("/jose/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kid(String certificate) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem(certificate).getBytes(StandardCharsets.US_ASCII)));
        return CertificateKeyIds.keyId(cert);
    }

    private CreditGateway gateway(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("credit.cybersource.base-url", sim.baseUrl()));
        config.putAll(extra);
        CreditGateway gateway = TestGateways.create(TestGateways.config("cybersource", config), null, new java.util.ArrayList<>(), TestGateways.KEYS_VALID);
        gateways.add(gateway);
        return gateway;
    }

    private static CreditRequest request(String reference) {
        return CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"))
                .merchantReference(reference).transactionId(reference).build();
    }

    private Map<String, String> bothWays(String responseKey) throws Exception {
        return Map.of("credit.cybersource.mle.request", "true",
                "credit.cybersource.mle.certificate", pem("request_mle_sjc.cert.pem"),
                "credit.cybersource.mle.response", "true",
                "credit.cybersource.mle.response-key", pem(responseKey),
                "credit.cybersource.mle.response-key-id", kid("response_mle.cert.pem"));
    }

    @Test
    void anEncryptedCreditIsMadeAndItsEncryptedAnswerIsRead() throws Exception {
        CreditResult result = gateway(bothWays("response_mle.key.pk8.pem")).credit(request("MLE-1"));

        assertTrue(result.outcome().isSuccess(), result.toString());
        assertEquals(0, new java.math.BigDecimal("10.00").compareTo(result.creditedAmount().orElseThrow()), "read from the decrypted answer");
        assertEquals(1, sim.ledger().size());
        String sent = sim.journal().get(0).bodyAsString();
        assertTrue(sent.startsWith("{\"encryptedRequest\":\""), "the body on the wire is the encrypted wrapper");
        assertFalse(sent.contains("F45FB3E443AC3C57E053A2598D0A9CFF"), "no request field travels in the clear");
    }

    /** Seeds 000, 001 and 002 with both directions encrypted: the gateway reads exactly the seed bodies. */
    @Test
    void theSeedCreditsTravelEncryptedBothWaysAndArriveAsTheSeeds() throws Exception {
        CreditGateway gateway = gateway(bothWays("response_mle.key.pk8.pem"));
        List<CreditRequest> seeds = List.of(
                CreditRequest.builder().amount("10.00", "USD").merchantReference("12345678").idempotencyKey("seed-000")
                        .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).build(),
                CreditRequest.builder().amount("1.00", "USD").merchantReference("RTS-Auth").idempotencyKey("seed-001")
                        .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"))
                        .extension(CybersourceCreditOptions.builder().capture(false).commerceIndicator("internet").build()).build(),
                CreditRequest.builder().amount("200.00", "THB").idempotencyKey("seed-002")
                        .source(PaymentSource.instrumentIdentifier("DCED1B858116F177E053AF598E0AA10A",
                                org.standalonecredit.api.CardExpiry.of(3, 2031), org.standalonecredit.api.CardBrand.VISA))
                        .transactionId("43987654321").partner(org.standalonecredit.api.PartnerIds.certification("123456789012")).build());
        List<String> files = List.of("000-customer-token-request.json", "001-customer-token-options-request.json",
                "002-instrument-identifier-request.json");
        for (int i = 0; i < seeds.size(); i++) {
            CreditResult result = gateway.credit(seeds.get(i));
            assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome(), result.toString());
            var received = sim.journal().get(i);
            assertTrue(received.bodyAsString().startsWith("{\"encryptedRequest\":\""));
            assertEquals(org.standalonecredit.testkit.fakes.Seeds.json(files.get(i)),
                    org.standalonecredit.testkit.fakes.Seeds.tree(new String(CybersourceSimulator.plaintextBody(received), StandardCharsets.UTF_8)), files.get(i));
        }
        assertEquals(3, sim.ledger().size());
    }

    @Test
    void anAnswerThatDoesNotDecryptAfterSendingIsUnknownNotAFailure() throws Exception {
        CreditResult result = gateway(bothWays("jwt_p12.key.pk8.pem")).credit(request("MLE-2"));

        assertEquals(CreditOutcome.UNKNOWN, result.outcome(), result.toString());
        assertTrue(result.reconciliation().isPresent());
        assertEquals(1, sim.ledger().size(), "the gateway made the credit: only UNKNOWN may say so");
        assertEquals(1, sim.journal().size(), "and it is never sent again");
    }

    @Test
    void theResponseKeyIdMayComeFromTheResponseCertificate() {
        CreditResult result = gateway(Map.of("credit.cybersource.mle.response", "true",
                "credit.cybersource.mle.response-key", pem("response_mle.key.pk8.pem"),
                "credit.cybersource.mle.response-certificate", pem("response_mle.cert.pem"))).credit(request("MLE-3"));
        assertTrue(result.outcome().isSuccess(), result.toString());
    }

    @Test
    void aResponseKeyThatDoesNotBelongToTheResponseCertificateIsRefusedAtOpen() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> gateway(Map.of("credit.cybersource.mle.response", "true",
                "credit.cybersource.mle.response-key", pem("jwt_p12.key.pk8.pem"),
                "credit.cybersource.mle.response-certificate", pem("response_mle.cert.pem"))));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("credit.cybersource.mle.response-key does not belong")), e.getMessage());
        assertEquals(0, sim.journal().size());

        ConfigurationException noKid = assertThrows(ConfigurationException.class, () -> gateway(Map.of("credit.cybersource.mle.response", "true",
                "credit.cybersource.mle.response-key", pem("response_mle.key.pk8.pem"))));
        assertTrue(noKid.getMessage().contains("credit.cybersource.mle.response-key-id is required"), noKid.getMessage());
    }

    @Test
    void anExpiredGatewayCertificateIsRefusedAtOpen() {
        java.time.Clock later = java.time.Clock.fixed(java.time.Instant.parse("2040-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        Map<String, String> config = new HashMap<>(TestGateways.config("cybersource", Map.of("credit.cybersource.base-url", sim.baseUrl(),
                "credit.cybersource.mle.request", "true", "credit.cybersource.mle.certificate", pem("request_mle_sjc.cert.pem"))));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TestGateways.create(config, null, new java.util.ArrayList<>(), later));
        assertTrue(e.getMessage().contains("credit.cybersource.mle.certificate is expired or not yet valid"), e.getMessage());
    }

    @Test
    void encryptionSettingsThatCannotWorkAreRefusedAtOpenNamingTheKeyNotTheMaterial() {
        ConfigurationException noCertificate = assertThrows(ConfigurationException.class,
                () -> gateway(Map.of("credit.cybersource.mle.request", "true")));
        assertTrue(noCertificate.getMessage().contains("credit.cybersource.mle.certificate"), noCertificate.getMessage());

        ConfigurationException httpSignature = assertThrows(ConfigurationException.class, () -> gateway(Map.of(
                "credit.cybersource.authentication", "http-signature", "credit.cybersource.mle.request", "true",
                "credit.cybersource.mle.certificate", pem("request_mle_sjc.cert.pem"))));
        assertTrue(httpSignature.getMessage().contains("credit.cybersource.mle.request"), httpSignature.getMessage());

        String notAKey = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----";
        ConfigurationException badKey = assertThrows(ConfigurationException.class, () -> gateway(Map.of(
                "credit.cybersource.mle.response", "true", "credit.cybersource.mle.response-key", notAKey,
                "credit.cybersource.mle.response-key-id", "kid-1")));
        assertTrue(badKey.getMessage().contains("credit.cybersource.mle.response-key"), badKey.getMessage());
        assertFalse(badKey.getMessage().contains("bm90IGEga2V5"), "the key material is never shown: " + badKey.getMessage());
    }
}
