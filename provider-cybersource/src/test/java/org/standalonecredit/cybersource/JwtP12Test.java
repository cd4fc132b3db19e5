package org.standalonecredit.cybersource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.cybersource.JwtMleKeys;

/**
 * {@code authentication=jwt-p12}: RS256 with the Business Center's PKCS#12 (the vectors' throwaway P12, password
 * {@code testmerchant}), read from a file or from base64 text, against the simulator that trusts its certificate.
 */
class JwtP12Test {
    private static final String PASSWORD = "testmerchant";
    private static final String P12_BASE64 = resource("jwt_p12.p12.b64").replaceAll("\\s+", "");

    private CybersourceSimulator sim = CybersourceSimulator.builder().clock(TestGateways.KEYS_VALID).magicAmounts(false).start();
    private final List<CreditGateway> gateways = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        gateways.forEach(CreditGateway::close);
        sim.close();
    }

    private static String resource(String name) {
        try (InputStream in = JwtP12Test.class.getResourceAsStream("/jose/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A P12 configuration without the shared-secret keys, which jwt-p12 does not use. */
    private static Map<String, String> p12Config(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("credit.gateway", "cybersource",
                "credit.cybersource.merchant-id", "testmerchant", "credit.cybersource.authentication", "jwt-p12",
                "credit.cybersource.p12-password", PASSWORD));
        config.putAll(extra);
        return config;
    }

    private CreditGateway gateway(Map<String, String> extra, Clock clock) {
        Map<String, String> config = p12Config(extra);
        config.put("credit.cybersource.base-url", sim.baseUrl());
        CreditGateway gateway = TestGateways.create(config, null, new ArrayList<>(), clock);
        gateways.add(gateway);
        return gateway;
    }

    private CreditGateway gateway(Map<String, String> extra) {
        return gateway(extra, TestGateways.KEYS_VALID);
    }

    private ConfigurationException refused(Map<String, String> extra, Clock clock) {
        return assertThrows(ConfigurationException.class, () -> gateway(extra, clock));
    }

    private static CreditRequest request(String reference) {
        return CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"))
                .merchantReference(reference).transactionId(reference).build();
    }

    private static String tokenHeader(RecordedRequest request) {
        String token = request.header("Authorization").substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    @Test
    void aCreditSignedWithTheP12FromBase64TextIsAcceptedWithTheCertificatesKeyId() {
        CreditResult result = gateway(Map.of("credit.cybersource.p12-base64", P12_BASE64)).credit(request("P12-1"));

        assertTrue(result.outcome().isSuccess(), result.toString());
        assertTrue(sim.lastAuthResult().orElseThrow().accepted());
        String header = tokenHeader(sim.journal().get(0));
        assertTrue(header.contains("\"alg\":\"RS256\""), header);
        assertTrue(header.contains("\"kid\":\"7300000000000000000003\""), "kid is the certificate's subject serialNumber: " + header);
    }

    @Test
    void theP12IsReadFromAFileAndEveryFollowUpIsSignedTheSameWay() throws IOException {
        Path file = dir.resolve("merchant.p12");
        Files.write(file, Base64.getDecoder().decode(P12_BASE64));
        CreditGateway gateway = gateway(Map.of("credit.cybersource.p12-file", file.toString()));

        CreditResult credit = gateway.credit(request("P12-2"));
        StatusResult byReference = gateway.status(StatusQuery.byMerchantReference("P12-2"));
        StatusResult byId = gateway.status(StatusQuery.byGatewayTransactionId(credit.gatewayTransactionId().orElseThrow()));
        VoidResult voided = gateway.voidCredit(VoidRequest.ofCredit(credit.gatewayTransactionId().orElseThrow()));

        assertTrue(credit.outcome().isSuccess(), credit.toString());
        assertEquals(1, byReference.credits().size(), byReference.toString());
        assertEquals(1, byId.credits().size(), byId.toString());
        assertTrue(voided.voided(), voided.toString());
        sim.journal().all().forEach(r -> assertTrue(sim.authResult(r).orElseThrow().accepted(), r.toString()));
        assertEquals(4, sim.journal().size());
    }

    @Test
    void aPortfolioP12SignsForItsTransactingMerchant() {
        sim.close();
        sim = CybersourceSimulator.builder().clock(TestGateways.KEYS_VALID).magicAmounts(false).merchantId("transactingmerchant")
                .portfolio("testmerchant", "transactingmerchant").start();
        CreditResult result = gateway(Map.of("credit.cybersource.p12-base64", P12_BASE64, "credit.cybersource.portfolio-id", "testmerchant",
                "credit.cybersource.merchant-id", "transactingmerchant")).credit(request("P12-3"));

        assertTrue(result.outcome().isSuccess(), result + " " + sim.lastAuthResult());
        String claims = new String(Base64.getUrlDecoder().decode(
                sim.journal().get(0).header("Authorization").substring(7).split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"testmerchant\"") && claims.contains("\"v-c-merchant-id\":\"transactingmerchant\""), claims);
    }

    @Test
    void theGatewaysMleCertificateIsTakenFromTheP12WhenItHoldsOne() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("serialnumber=7300000000000000000003,cn=testmerchant", JwtMleKeys.jwtPrivateKey(), PASSWORD.toCharArray(),
                new java.security.cert.Certificate[] {JwtMleKeys.jwtCertificate()});
        store.setCertificateEntry("cybersource_sjc_us", JwtMleKeys.requestMleCertificate());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, PASSWORD.toCharArray());

        CreditResult result = gateway(Map.of("credit.cybersource.p12-base64", Base64.getEncoder().encodeToString(bytes.toByteArray()),
                "credit.cybersource.mle.request", "true")).credit(request("P12-4"));

        assertTrue(result.outcome().isSuccess(), result.toString());
        assertTrue(sim.journal().get(0).bodyAsString().startsWith("{\"encryptedRequest\":\""));
    }

    @Test
    void unusableP12SettingsAreRefusedAtOpenNamingTheKeyNeverThePassword() {
        String wrongPassword = "not-the-password-3141";
        ConfigurationException wrong = refused(Map.of("credit.cybersource.p12-base64", P12_BASE64,
                "credit.cybersource.p12-password", wrongPassword), TestGateways.KEYS_VALID);
        assertTrue(wrong.problems().stream().anyMatch(p -> p.startsWith("credit.cybersource.p12-password ")), wrong.getMessage());
        assertFalse(wrong.getMessage().contains(wrongPassword));

        ConfigurationException neither = refused(Map.of(), TestGateways.KEYS_VALID);
        assertTrue(neither.getMessage().contains("credit.cybersource.p12-file or credit.cybersource.p12-base64 is required"),
                neither.getMessage());

        ConfigurationException both = refused(Map.of("credit.cybersource.p12-base64", P12_BASE64,
                "credit.cybersource.p12-file", dir.resolve("x.p12").toString()), TestGateways.KEYS_VALID);
        assertTrue(both.getMessage().contains("are both set"), both.getMessage());

        ConfigurationException notBase64 = refused(Map.of("credit.cybersource.p12-base64", "***not base64***"), TestGateways.KEYS_VALID);
        assertTrue(notBase64.problems().stream().anyMatch(p -> p.startsWith("credit.cybersource.p12-base64 ")), notBase64.getMessage());
        assertFalse(notBase64.getMessage().contains("***not base64***"));

        ConfigurationException missingFile = refused(Map.of("credit.cybersource.p12-file", dir.resolve("absent.p12").toString()),
                TestGateways.KEYS_VALID);
        assertTrue(missingFile.problems().stream().anyMatch(p -> p.startsWith("credit.cybersource.p12-file ")), missingFile.getMessage());

        ConfigurationException otherMerchant = refused(Map.of("credit.cybersource.p12-base64", P12_BASE64,
                "credit.cybersource.merchant-id", "someoneelse"), TestGateways.KEYS_VALID);
        assertTrue(otherMerchant.getMessage().contains("no private key for 'someoneelse'"), otherMerchant.getMessage());

        Clock later = Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC);
        ConfigurationException expired = refused(Map.of("credit.cybersource.p12-base64", P12_BASE64), later);
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());

        ConfigurationException noMleCertificate = refused(Map.of("credit.cybersource.p12-base64", P12_BASE64,
                "credit.cybersource.mle.request", "true"), TestGateways.KEYS_VALID);
        assertTrue(noMleCertificate.getMessage().contains("credit.cybersource.mle.certificate is required"), noMleCertificate.getMessage());
        assertEquals(0, sim.journal().size(), "nothing was sent");
    }
}
