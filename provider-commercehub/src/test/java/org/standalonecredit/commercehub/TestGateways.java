package org.standalonecredit.commercehub;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.simulator.MutableClock;

/** Gateways over a {@link FakeTransport}, with a clock that pauses advance, and sample requests. Test data only. */
final class TestGateways {
    static final String API_KEY = "TEST_API_KEY_0123456789abcdef";
    static final String API_SECRET = "TEST_API_SECRET_fedcba9876543210";
    static final String MERCHANT_ID = "100008000003683";
    static final String TERMINAL_ID = "10000001";
    static final String TEST_PAN = "4005550000000019";
    static final Instant START = Instant.parse("2023-11-14T22:13:20Z");

    final MutableClock clock = MutableClock.at(START);
    final FakeTransport transport = new FakeTransport();
    final Map<String, String> config = new HashMap<>();
    CreditListener listener = CreditListener.NONE;
    private final AtomicInteger ids = new AtomicInteger();

    TestGateways() {
        config.put("credit.gateway", "commerce-hub");
        config.put("credit.commerce-hub.api-key", API_KEY);
        config.put("credit.commerce-hub.api-secret", API_SECRET);
        config.put("credit.commerce-hub.merchant-id", MERCHANT_ID);
        config.put("credit.commerce-hub.terminal-id", TERMINAL_ID);
        config.put("credit.retry.backoff", "100ms");
        // these tests script each exchange; the inquiry before a caller's unseen key has its own tests (UnseenKeyTest)
        config.put("credit.commerce-hub.inquire-unseen-keys", "false");
    }

    TestGateways with(String key, String value) {
        config.put(key, value);
        return this;
    }

    CreditGateway gateway() {
        return ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit", GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000))
                .clock(clock)
                .ids(() -> String.format("00000000-0000-4000-8000-%012d", ids.incrementAndGet()))
                .listener(listener)
                .sleeper(clock::advance)
                .transportFactory(settings -> transport)
                .build());
    }

    /**
     * The provider's own gateway, without the journal in front: for the tests of how Commerce Hub itself treats a
     * key sent again (replay window, inquiry first), which matters when the journal has no record of the key.
     */
    CreditGateway providerGateway() {
        return ((JournaledCreditGateway) gateway()).delegate();
    }

    static CreditRequest.Builder cardCredit(String amount) {
        return CreditRequest.builder()
                .amount(amount, "USD")
                .source(PaymentSource.card(TEST_PAN, CardExpiry.of(2, 2035), "123", null))
                .idempotencyKey("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60");
    }

    static String approved(String total, String currency) {
        return """
                {"gatewayResponse":{"transactionType":"CREDIT","transactionState":"AUTHORIZED",
                  "transactionProcessingDetails":{"orderId":"RKOrdID-1","apiTraceId":"362866ac81864d7c9d1ff8b5aa6e98db",
                    "clientRequestId":"5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60","transactionId":"84356531338"}},
                 "source":{"sourceType":"PaymentCard","card":{"last4":"0019","scheme":"VISA"}},
                 "paymentReceipt":{"approvedAmount":{"total":%s,"currency":"%s"},
                   "processorResponseDetails":{"approvalStatus":"APPROVED","approvalCode":"OK5882","responseCode":"000",
                     "responseMessage":"APPROVAL","hostResponseCode":"00"}}}""".formatted(total, currency);
    }
}
