package org.standalonecredit.visaacceptance;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.transport.HttpTransport;

/** Visa Acceptance gateways made from configuration, through the registry, with a fixed clock. */
final class TestGateways {
    /** The protocol notes' test credentials (§1.3): not a real secret. */
    static final String MERCHANT_ID = "testmerchant";
    static final String KEY_ID = "08c94330-f618-42a3-b09d-e1e43be5efda";
    static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:02:31Z"), ZoneOffset.UTC);

    private TestGateways() {
    }

    static Map<String, String> config(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>();
        config.put("credit.gateway", "visa-acceptance");
        config.put("credit.visa-acceptance.merchant-id", MERCHANT_ID);
        config.put("credit.visa-acceptance.key-id", KEY_ID);
        config.put("credit.visa-acceptance.secret-key", SECRET);
        config.putAll(extra);
        return config;
    }

    static CreditGateway create(Map<String, String> config, HttpTransport transport) {
        GatewayOptions.Builder options = GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000)).clock(CLOCK).ids(() -> "generated-key").sleeper(d -> { });
        if (transport != null) {
            options.transportFactory(s -> transport);
        }
        return ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit", options.build());
    }

    /** The request of seed 003. */
    static CreditRequest.Builder seed003() {
        return CreditRequest.builder().amount("200.00", "THB").idempotencyKey("key-003")
                .source(PaymentSource.instrumentIdentifier("DCED1B858116F177E053AF598E0AA10A", CardExpiry.of(3, 2031), CardBrand.VISA))
                .transactionId("43987654321")
                .partner(PartnerIds.certification("123456789012"));
    }
}
