package org.standalonecredit.cybersource;

import org.standalonecredit.testkit.fakes.ScriptedTransport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderRegistry;

class CybersourceConfigurationTest {
    private final ScriptedTransport transport = new ScriptedTransport();

    private ConfigurationException invalid(Map<String, String> config) {
        return assertThrows(ConfigurationException.class, () -> TestGateways.create(config, transport, new ArrayList<>()));
    }

    @Test
    void isFoundThroughServiceLoaderWithHonestCapabilities() {
        CreditProvider provider = ProviderRegistry.load().get("cybersource");
        assertEquals("Cybersource", provider.displayName());
        assertEquals(CybersourceProvider.CAPABILITIES, provider.capabilities());
        assertFalse(provider.capabilities().supports(org.standalonecredit.api.SourceKind.GATEWAY_TOKEN));
        assertEquals(List.of("merchant-id", "key-id", "secret-key", "environment", "base-url", "authentication", "portfolio-id", "p12-file", "p12-base64", "p12-password", "mle.request", "mle.certificate", "mle.response", "mle.response-key", "mle.response-key-id", "mle.response-certificate"), provider.configurationKeys());
    }

    @Test
    void everyMissingKeyIsListedAtOnce() {
        ConfigurationException e = invalid(Map.of("credit.gateway", "cybersource"));
        assertTrue(e.problems().contains("credit.cybersource.merchant-id is required"), e.getMessage());
        assertTrue(e.problems().contains("credit.cybersource.key-id is required"), e.getMessage());
        assertTrue(e.problems().contains("credit.cybersource.secret-key is required"), e.getMessage());
    }

    @Test
    void aSecretThatIsNotBase64IsReportedWithoutEchoingIt() {
        String notBase64 = "not*base64*secret-value";
        ConfigurationException e = invalid(TestGateways.config("cybersource", Map.of("credit.cybersource.secret-key", notBase64)));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("credit.cybersource.secret-key ")), e.getMessage());
        assertFalse(e.getMessage().contains(notBase64));
    }

    @Test
    void badValuesAreAllListed() {
        Map<String, String> config = new HashMap<>(TestGateways.config("cybersource", Map.of()));
        config.put("credit.cybersource.environment", "staging");
        config.put("credit.cybersource.base-url", "http://gateway.example.com");
        config.put("credit.cybersource.merchant-id", "bad\"merchant");
        ConfigurationException e = invalid(config);
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("credit.cybersource.environment must be one of [test, production, production-india, "
                + "production-saudi-arabia, test-saudi-arabia]"), e.getMessage());
        assertTrue(e.getMessage().contains("credit.cybersource.base-url may use http:// only for a loopback host"), e.getMessage());
        assertTrue(e.getMessage().contains("credit.cybersource.merchant-id must be"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "test, https://apitest.cybersource.com/pts/v2/credits",
            "production, https://api.cybersource.com/pts/v2/credits",
            "production-india, https://api.in.cybersource.com/pts/v2/credits",
            "production-saudi-arabia, https://api.sa.cybersource.com/pts/v2/credits",
            "test-saudi-arabia, https://apitest.sa.cybersource.com/pts/v2/credits"})
    void eachEnvironmentGoesToItsHost(String environment, String url) {
        transport.answer(201, "{\"id\":\"1\",\"status\":\"PENDING\"}");
        try (CreditGateway gateway = TestGateways.create(TestGateways.config("cybersource",
                Map.of("credit.cybersource.environment", environment)), transport, new ArrayList<>())) {
            gateway.credit(CreditRequest.builder().amount("1.00", "USD").source(PaymentSource.customerToken("C1")).build());
        }
        assertEquals(url, transport.last().uri().toString());
        assertEquals(java.net.URI.create(url).getHost(), transport.header(0, "Host"));
    }

    @Test
    void theGatewayDescribesItselfWithoutSecrets() {
        try (CreditGateway gateway = TestGateways.create(TestGateways.config("cybersource", Map.of()), transport, new ArrayList<>())) {
            assertFalse(gateway.toString().contains(TestGateways.SECRET));
            assertTrue(gateway.toString().contains("apitest.cybersource.com"));
        }
    }
}
