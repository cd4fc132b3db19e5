package org.standalonecredit.cybersource;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.testkit.fakes.ScriptedTransport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.transport.HttpTransport;

/** Gateways made the way applications make them: from configuration, through the registry. */
final class TestGateways {
    /** The protocol notes' test credentials (§1.3): not a real secret. */
    static final String MERCHANT_ID = "testmerchant";
    static final String KEY_ID = "08c94330-f618-42a3-b09d-e1e43be5efda";
    static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final Instant NOW = Instant.parse("2026-11-22T12:02:31Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Inside the validity of every JWT/MLE vector certificate (2026-12-01T20:03:43Z to 2036-11-28), unlike {@link #CLOCK}. */
    static final Clock KEYS_VALID = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private TestGateways() {
    }

    static Map<String, String> config(String providerId, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>();
        config.put("credit.gateway", providerId);
        config.put("credit." + providerId + ".merchant-id", MERCHANT_ID);
        config.put("credit." + providerId + ".key-id", KEY_ID);
        config.put("credit." + providerId + ".secret-key", SECRET);
        config.putAll(extra);
        return config;
    }

    /** {@link #config} signing with HTTP Signature, for the tests of that scheme's headers (JWT is the default). */
    static Map<String, String> httpSignatureConfig(String providerId, Map<String, String> extra) {
        Map<String, String> config = config(providerId, extra);
        config.putIfAbsent("credit." + providerId + ".authentication", "http-signature");
        return config;
    }

    static CreditGateway create(Map<String, String> config, HttpTransport transport, List<ExchangeEvent> events) {
        return create(config, transport, events, CLOCK);
    }

    static CreditGateway create(Map<String, String> config, HttpTransport transport, List<ExchangeEvent> events, Clock clock) {
        GatewayOptions.Builder options = GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000)).clock(clock).ids(() -> "generated-key")
                .listener(events::add).sleeper(d -> { });
        if (transport != null) {
            options.transportFactory(s -> transport);
        }
        return ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit", options.build());
    }

    static CreditGateway cybersource(ScriptedTransport transport) {
        return create(config("cybersource", Map.of()), transport, new java.util.ArrayList<>());
    }
}
