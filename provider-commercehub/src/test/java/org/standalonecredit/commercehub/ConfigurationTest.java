package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderRegistry;

class ConfigurationTest {

    @Test
    void isFoundByItsIdAndDeclaresWhatItSupports() {
        CreditProvider provider = ProviderRegistry.load().get("commerce-hub");
        assertEquals("Fiserv Commerce Hub", provider.displayName());
        assertEquals(java.util.Set.of(SourceKind.CARD, SourceKind.GATEWAY_TOKEN), provider.capabilities().sources());
        assertEquals(java.util.Set.of(FollowUp.VOID, FollowUp.TIMEOUT_VOID, FollowUp.STATUS_BY_GATEWAY_ID,
                FollowUp.STATUS_BY_TRANSACTION_ID, FollowUp.STATUS_BY_IDEMPOTENCY_KEY), provider.capabilities().followUps());
        assertTrue(provider.configurationKeys().containsAll(List.of("api-key", "api-secret", "merchant-id", "terminal-id",
                "environment", "base-url", "credit-path", "card-encryption", "transaction-interaction")));
    }

    @Test
    void listsEveryMissingKeyAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ProviderRegistry.load()
                .create(ConfigSource.fromMap(Map.of("credit.gateway", "commerce-hub")), "credit"));
        assertEquals(List.of("credit.commerce-hub.api-key is required", "credit.commerce-hub.api-secret is required",
                "credit.commerce-hub.merchant-id is required", "credit.commerce-hub.terminal-id is required"), e.problems());
    }

    @Test
    void listsEveryBadValueAtOnceWithoutEchoingSecrets() {
        TestGateways env = new TestGateways()
                .with("credit.commerce-hub.environment", "staging")
                .with("credit.commerce-hub.base-url", "http://example.com/ch")
                .with("credit.commerce-hub.credit-path", "/payments/v1/charges")
                .with("credit.commerce-hub.card-encryption", "aes")
                .with("credit.commerce-hub.transaction-interaction", "moto")
                .with("credit.http.deadline", "soon");
        ConfigurationException e = assertThrows(ConfigurationException.class, env::gateway);
        List<String> keys = e.problems().stream().map(p -> p.substring(0, p.indexOf(' '))).toList();
        assertEquals(List.of("credit.http.deadline", "credit.commerce-hub.environment", "credit.commerce-hub.base-url",
                "credit.commerce-hub.credit-path", "credit.commerce-hub.card-encryption",
                "credit.commerce-hub.transaction-interaction"), keys);
        assertFalse(e.getMessage().contains(TestGateways.API_SECRET));
        assertFalse(e.getMessage().contains(TestGateways.API_KEY));
    }

    @Test
    void refusesPlainCardDataForProduction() {
        TestGateways env = new TestGateways().with("credit.commerce-hub.environment", "production")
                .with("credit.commerce-hub.card-encryption", "plain");
        ConfigurationException e = assertThrows(ConfigurationException.class, env::gateway);
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("credit.commerce-hub.card-encryption must be rsa with environment=production"));
        assertTrue(env.transport.sent().isEmpty());
    }

    @Test
    void productionSendsToTheProductionHost() {
        TestGateways env = new TestGateways().with("credit.commerce-hub.environment", "production");
        env.transport.answer(201, TestGateways.approved("12.04", "USD"));
        try (CreditGateway gateway = env.gateway()) {
            gateway.credit(TestGateways.cardCredit("12.04")
                    .source(PaymentSource.gatewayToken("1234560000000019", "TRANSARMOR", CardExpiry.of(10, 2030))).build());
        }
        assertEquals("https://connect.fiservapis.com/ch/payments/v1/credits", env.transport.sent().get(0).uri().toString());
    }

    @Test
    void theOpenRefundPathAndABaseUrlAreConfigurable() {
        TestGateways env = new TestGateways().with("credit.commerce-hub.credit-path", "/payments/v1/refunds")
                .with("credit.commerce-hub.base-url", "http://127.0.0.1:8089/");
        env.transport.answer(201, TestGateways.approved("12.04", "USD").replace("\"CREDIT\"", "\"REFUND\""));
        try (CreditGateway gateway = env.gateway()) {
            assertTrue(gateway.credit(TestGateways.cardCredit("12.04").build()).outcome().isSuccess());
        }
        assertEquals("http://127.0.0.1:8089/payments/v1/refunds", env.transport.sent().get(0).uri().toString());
    }

    @Test
    void closingTheGatewayClosesItsTransport() {
        TestGateways env = new TestGateways();
        env.gateway().close();
        assertTrue(env.transport.closed);
    }
}
