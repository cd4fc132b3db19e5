package org.standalonecredit.commercehub;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.SimulatedGateway;
import org.standalonecredit.testkit.conformance.SimulatorBackedGateway;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;

/** The commercehub provider as the conformance suite, the fault matrix and the soak drive it (registered for ServiceLoader in its test jar). */
public final class CommerceHubSubject implements ConformanceSubject {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final AtomicInteger invoices = new AtomicInteger();

    @Override
    public String providerId() {
        return "commerce-hub";
    }

    @Override
    public SimulatedGateway startSimulator() {
        return SimulatorBackedGateway.commerceHub(CommerceHubSimulator.builder());
    }

    @Override
    public Map<String, String> configuration(String baseUrl) {
        return Map.of("credit.commerce-hub.base-url", baseUrl,
                "credit.commerce-hub.api-key", CommerceHubSimulator.DEFAULT_API_KEY,
                "credit.commerce-hub.api-secret", CommerceHubSimulator.DEFAULT_API_SECRET,
                "credit.commerce-hub.merchant-id", "100008000003683",
                "credit.commerce-hub.terminal-id", "10000001");
    }

    @Override
    public CreditRequest.Builder validRequest(String amount, String currency) {
        return CreditRequest.builder().amount(amount, currency)
                .source(PaymentSource.card("4005550000000019", CardExpiry.of(2, 2035), "123", CardBrand.VISA))
                .extension(CommerceHubCreditOptions.builder().invoiceNumber("INV" + invoices.incrementAndGet()).build());
    }

    @Override
    public String amountOnWire(RecordedRequest creditRequest) {
        try {
            return JSON.readTree(creditRequest.body()).path("amount").path("total").decimalValue().toPlainString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> idempotencyValueOnWire(RecordedRequest creditRequest) {
        return Optional.ofNullable(creditRequest.header("Client-Request-Id"));
    }

    @Override
    public boolean gatewayDeduplicates() {
        return true;
    }
}
