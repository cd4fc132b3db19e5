package org.standalonecredit.testkit.conformance.minihub;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.SimulatedGateway;
import org.standalonecredit.testkit.conformance.SimulatorBackedGateway;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;

/** The mini provider as a conformance subject, optionally with one flaw. */
public class MiniHubSubject implements ConformanceSubject {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final String flaw;

    public MiniHubSubject() {
        this("none");
    }

    MiniHubSubject(String flaw) {
        this.flaw = flaw;
    }

    @Override
    public String providerId() {
        return "mini-hub";
    }

    @Override
    public SimulatedGateway startSimulator() {
        return SimulatorBackedGateway.commerceHub(CommerceHubSimulator.builder());
    }

    @Override
    public Map<String, String> configuration(String baseUrl) {
        Map<String, String> c = new HashMap<>();
        c.put("credit.mini-hub.base-url", baseUrl);
        c.put("credit.mini-hub.api-key", CommerceHubSimulator.DEFAULT_API_KEY);
        c.put("credit.mini-hub.api-secret", CommerceHubSimulator.DEFAULT_API_SECRET);
        c.put("credit.mini-hub.flaw", flaw);
        return c;
    }

    @Override
    public CreditRequest.Builder validRequest(String amount, String currency) {
        return CreditRequest.builder().amount(amount, currency)
                .source(PaymentSource.card("4005550000000019", CardExpiry.of(2, 2035), "123", CardBrand.VISA));
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
