package org.standalonecredit.visaacceptance;

import org.standalonecredit.testkit.fakes.ScriptedTransport;
import org.standalonecredit.testkit.fakes.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderRegistry;

class VisaAcceptanceConfigurationTest {
    private final ScriptedTransport transport = new ScriptedTransport();

    @Test
    void isFoundNextToCybersource() {
        ProviderRegistry registry = ProviderRegistry.load();
        CreditProvider provider = registry.get("visa-acceptance");
        assertEquals("Visa Acceptance", provider.displayName());
        assertTrue(registry.ids().contains("cybersource"), "the Cybersource provider it builds on is installed too");
        assertEquals(List.of("merchant-id", "key-id", "secret-key", "environment", "base-url", "authentication", "portfolio-id", "p12-file", "p12-base64", "p12-password", "mle.request", "mle.certificate", "mle.response", "mle.response-key", "mle.response-key-id", "mle.response-certificate", "mass-transit"), provider.configurationKeys());
    }

    @ParameterizedTest
    @CsvSource({"test, apitest.visaacceptance.com", "production, api.visaacceptance.com"})
    void eachEnvironmentGoesToItsVisaAcceptanceHost(String environment, String host) {
        transport.answer(201, Seeds.text("003-mass-transit-response.json"));
        try (CreditGateway gateway = TestGateways.create(TestGateways.config(Map.of("credit.visa-acceptance.environment", environment)), transport)) {
            gateway.credit(TestGateways.seed003().build());
        }
        assertEquals("https://" + host + "/pts/v2/credits", transport.last().uri().toString());
        assertEquals(host, transport.header(0, "Host"));
    }

    @Test
    void cybersourceEnvironmentsAreNotVisaAcceptanceOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestGateways.create(
                TestGateways.config(Map.of("credit.visa-acceptance.environment", "production-india")), transport));
        assertTrue(e.getMessage().contains("credit.visa-acceptance.environment must be one of [test, production]"), e.getMessage());
    }

    @Test
    void everyBadKeyIsListed() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestGateways.create(Map.of(
                "credit.gateway", "visa-acceptance", "credit.visa-acceptance.mass-transit", "yes"), transport));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.problems().contains("credit.visa-acceptance.merchant-id is required"));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("credit.visa-acceptance.mass-transit must be true or false")));
    }
}
