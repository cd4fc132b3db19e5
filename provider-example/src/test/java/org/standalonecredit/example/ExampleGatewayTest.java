package org.standalonecredit.example;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;

/** What the conformance suite cannot see from outside: the simulator is as strict as the gateway, and keys stay hidden. */
class ExampleGatewayTest {
    private final ExampleSubject subject = new ExampleSubject();

    private CreditGateway gateway(Map<String, String> config) {
        Map<String, String> c = new HashMap<>(config);
        c.put("credit.gateway", ExampleProvider.ID);
        return ProviderRegistry.load().create(ConfigSource.fromMap(c), "credit", GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000)).sleeper(d -> { }).build());
    }

    @Test
    void aBodySignedWithAnotherSecretIsRefusedAsAuthenticationAndCreditsNothing() {
        try (ExampleSimulator sim = ExampleSimulator.builder().start()) {
            Map<String, String> config = new HashMap<>(subject.configuration(sim.baseUrl()));
            config.put("credit.example-pay.api-secret", "another-secret");
            try (CreditGateway gateway = gateway(config)) {
                CreditResult result = gateway.credit(subject.validRequest("10.00", "USD").build());
                assertEquals(CreditOutcome.REJECTED, result.outcome(), result.toString());
                assertEquals(OutcomeDetail.AUTHENTICATION_FAILED, result.detail());
                assertEquals(1, sim.journal().size());
                assertEquals(0, sim.ledger().size());
            }
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictNotACredit() {
        try (ExampleSimulator sim = ExampleSimulator.builder().start();
             CreditGateway journaled = gateway(subject.configuration(sim.baseUrl()))) {
            // the provider's own gateway: through the registry's journal the reused key never leaves the machine
            CreditGateway gateway = ((JournaledCreditGateway) journaled).delegate();
            assertTrue(gateway.credit(subject.validRequest("10.00", "USD").idempotencyKey("k-1").build()).outcome().isSuccess());
            CreditResult reused = gateway.credit(subject.validRequest("11.00", "USD").idempotencyKey("k-1").build());
            assertEquals(CreditOutcome.REJECTED, reused.outcome(), "422 is a refusal: " + reused);
            assertEquals("idempotency_conflict", reused.responseCode().orElseThrow());
            assertEquals(1, sim.ledger().size());
        }
    }

    @Test
    void undeclaredFollowUpsAreRefusedByTheKitsDefaults() {
        try (ExampleSimulator sim = ExampleSimulator.builder().start(); CreditGateway gateway = gateway(subject.configuration(sim.baseUrl()))) {
            assertThrows(UnsupportedFollowUpException.class, () -> gateway.status(StatusQuery.byIdempotencyKey("k-1")));
            assertEquals(0, sim.journal().size());
        }
    }

    @Test
    void missingKeysAreAllReportedAndNoValueIsShown() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> gateway(Map.of()));
        for (String key : ExampleSettings.KEYS) {
            assertTrue(e.getMessage().contains("credit.example-pay." + key), e.getMessage());
        }
        ExampleSettings settings = new ExampleSettings("http://127.0.0.1:1", ExampleSimulator.DEFAULT_API_KEY,
                org.standalonecredit.api.config.Secret.of(ExampleSimulator.DEFAULT_API_SECRET));
        assertFalse(settings.toString().contains(ExampleSimulator.DEFAULT_API_KEY), settings.toString());
        assertFalse(settings.toString().contains(ExampleSimulator.DEFAULT_API_SECRET), settings.toString());
    }
}
