package org.standalonecredit.cybersource;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.testkit.fakes.ScriptedTransport;

/**
 * {@code authentication=jwt}: one key moves an HTTP Signature configuration to a Bearer JWT signed with the same
 * key id and secret. The token is checked by an independent JOSE library (Nimbus) and by the simulator, which can
 * refuse HTTP Signature as Cybersource will after its retirement.
 */
class JwtAuthenticationTest {
    private static final CreditRequest REQUEST = CreditRequest.builder().amount("10.00", "USD")
            .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).merchantReference("JWT-1").build();
    private final List<CreditGateway> gateways = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @AfterEach
    void close() {
        gateways.forEach(CreditGateway::close);
    }

    private CreditGateway gateway(Map<String, String> extra, ScriptedTransport transport) {
        Map<String, String> config = new HashMap<>(TestGateways.config("cybersource", extra));
        GatewayOptions.Builder options = GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000)).clock(TestGateways.CLOCK).ids(() -> "id-" + ids.incrementAndGet())
                .sleeper(d -> { });
        if (transport != null) {
            options.transportFactory(s -> transport);
        }
        CreditGateway gateway = ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit", options.build());
        gateways.add(gateway);
        return gateway;
    }

    private static String header(OutboundRequest r, String name) {
        return r.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(h -> h.value()).findFirst().orElse(null);
    }

    @Test
    void aJwtCarriesTheDocumentedClaimsOverTheExactBodyAndVerifiesWithTheBase64DecodedSecret() throws Exception {
        ScriptedTransport transport = new ScriptedTransport().answer(201, "{\"id\":\"1\",\"status\":\"PENDING\"}");
        gateway(Map.of("credit.cybersource.authentication", "jwt", "credit.cybersource.base-url", "https://apitest.cybersource.com:8443"),
                transport).credit(REQUEST);
        OutboundRequest sent = transport.sent.get(0);

        String authorization = header(sent, "Authorization");
        assertTrue(authorization.startsWith("Bearer "), authorization);
        for (String absent : List.of("Signature", "Digest", "Date", "v-c-merchant-id")) {
            assertEquals(null, header(sent, absent), absent + " is an HTTP Signature header, not sent with a JWT");
        }
        JWSObject jws = JWSObject.parse(authorization.substring("Bearer ".length()));
        assertTrue(jws.verify(new MACVerifier(Base64.getDecoder().decode(TestGateways.SECRET))), "Nimbus verifies the HS256 signature");
        assertEquals("HS256", jws.getHeader().getAlgorithm().getName());
        assertEquals(TestGateways.KEY_ID, jws.getHeader().getKeyID());
        JWTClaimsSet claims = JWTClaimsSet.parse(jws.getPayload().toJSONObject());
        assertEquals(TestGateways.MERCHANT_ID, claims.getIssuer());
        assertEquals(TestGateways.MERCHANT_ID, claims.getStringClaim("v-c-merchant-id"));
        assertEquals("2", claims.getStringClaim("v-c-jwt-version"));
        assertEquals("apitest.cybersource.com", claims.getStringClaim("request-host"), "the host without the port");
        assertEquals("post", claims.getStringClaim("request-method"));
        assertEquals("/pts/v2/credits", claims.getStringClaim("request-resource-path"));
        assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(sent.body())),
                claims.getStringClaim("digest"), "the digest covers the exact bytes sent");
        assertEquals("SHA-256", claims.getStringClaim("digestAlgorithm"));
        assertEquals(TestGateways.NOW.getEpochSecond(), claims.getIssueTime().toInstant().getEpochSecond());
        assertEquals(120, claims.getExpirationTime().toInstant().getEpochSecond() - claims.getIssueTime().toInstant().getEpochSecond());
        assertFalse(claims.getJWTID().isBlank());
    }

    @Test
    void aMetaKeySignsAsThePortfolioForTheTransactingMerchant() throws Exception {
        ScriptedTransport transport = new ScriptedTransport().answer(201, "{\"id\":\"1\",\"status\":\"PENDING\"}");
        gateway(Map.of("credit.cybersource.authentication", "jwt", "credit.cybersource.portfolio-id", "portfolio1"), transport).credit(REQUEST);
        JWTClaimsSet claims = JWTClaimsSet.parse(JWSObject.parse(header(transport.sent.get(0), "Authorization").substring(7))
                .getPayload().toJSONObject());
        assertEquals("portfolio1", claims.getIssuer());
        assertEquals(TestGateways.MERCHANT_ID, claims.getStringClaim("v-c-merchant-id"));
    }

    @Test
    void anUnknownModeAndAMetaKeyWithoutJwtAreRefusedAtOpenNamingTheKey() {
        ConfigurationException mode = assertThrows(ConfigurationException.class,
                () -> gateway(Map.of("credit.cybersource.authentication", "oauth"), new ScriptedTransport()));
        assertTrue(mode.getMessage().contains("credit.cybersource.authentication"), mode.getMessage());
        ConfigurationException meta = assertThrows(ConfigurationException.class,
                () -> gateway(Map.of("credit.cybersource.authentication", "http-signature", "credit.cybersource.portfolio-id", "portfolio1"),
                        new ScriptedTransport()));
        assertTrue(meta.getMessage().contains("credit.cybersource.portfolio-id"), meta.getMessage());
        assertFalse(mode.getMessage().contains(TestGateways.SECRET) || meta.getMessage().contains(TestGateways.SECRET));
    }

    /** HS256 needs the secret as issued and at least 32 bytes: anything else is refused at open, never at the first credit. */
    @Test
    void aSecretThatCannotSignJwtsIsAConfigurationErrorNamingTheKeyNotTheValue() {
        for (String secret : List.of("c2hvcnQ=", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", " not base64 ")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> gateway(Map.of(
                    "credit.cybersource.authentication", "jwt", "credit.cybersource.secret-key", secret), new ScriptedTransport()));
            assertTrue(e.getMessage().contains("credit.cybersource.secret-key"), e.getMessage());
            assertFalse(e.getMessage().contains(secret.strip()), "the secret must not be shown: " + e.getMessage());
        }
    }

    @Test
    void aSimulatorThatRefusesHttpSignatureCreditsAJwtAndRejectsTheOldScheme() {
        try (CybersourceSimulator sim = CybersourceSimulator.builder().clock(TestGateways.CLOCK).refuseHttpSignature().start()) {
            CreditResult jwt = gateway(Map.of("credit.cybersource.base-url", sim.baseUrl(), "credit.cybersource.authentication", "jwt"), null)
                    .credit(REQUEST);
            assertTrue(jwt.outcome().isSuccess(), jwt.toString());
            CreditResult again = gateway(Map.of("credit.cybersource.base-url", sim.baseUrl(), "credit.cybersource.authentication", "jwt"), null)
                    .credit(CreditRequest.builder().amount("11.00", "USD").source(REQUEST.source()).merchantReference("JWT-2").build());
            assertTrue(again.outcome().isSuccess(), "every request has a fresh jti: " + again);

            CreditResult old = gateway(Map.of("credit.cybersource.base-url", sim.baseUrl(), "credit.cybersource.authentication", "http-signature"), null)
                    .credit(CreditRequest.builder().amount("12.00", "USD").source(REQUEST.source()).merchantReference("HS-1").build());
            assertEquals(CreditOutcome.REJECTED, old.outcome(), old.toString());
            assertEquals(OutcomeDetail.AUTHENTICATION_FAILED, old.detail());
            assertEquals(2, sim.ledger().size());
        }
    }

    @Test
    void theHostClaimNamesTheHostWithoutItsPort() {
        assertEquals("api.cybersource.com", JwtAuthentication.hostOnly("api.cybersource.com"));
        assertEquals("127.0.0.1", JwtAuthentication.hostOnly("127.0.0.1:8443"));
        assertEquals("[::1]", JwtAuthentication.hostOnly("[::1]:8443"));
        assertEquals("[::1]", JwtAuthentication.hostOnly("[::1]"));
        assertEquals("[::1", JwtAuthentication.hostOnly("[::1"), "malformed: left as it is, for the gateway to refuse");
    }
}
