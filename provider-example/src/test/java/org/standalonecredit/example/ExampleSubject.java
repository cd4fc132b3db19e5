package org.standalonecredit.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.SimJson;
import org.standalonecredit.simulator.fixtures.TestCards;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.SimulatedGateway;
import org.standalonecredit.testkit.conformance.SimulatorBackedGateway;

/** The example provider as the conformance suite, the fault matrix and the soak drive it (registered for ServiceLoader in its test jar). */
public final class ExampleSubject implements ConformanceSubject {

    @Override
    public String providerId() {
        return ExampleProvider.ID;
    }

    @Override
    public SimulatedGateway startSimulator() {
        return new SimulatorBackedGateway(ExampleSimulator.builder().start());
    }

    @Override
    public Map<String, String> configuration(String baseUrl) {
        return Map.of("credit.example-pay.base-url", baseUrl,
                "credit.example-pay.api-key", ExampleSimulator.DEFAULT_API_KEY,
                "credit.example-pay.api-secret", ExampleSimulator.DEFAULT_API_SECRET);
    }

    @Override
    public CreditRequest.Builder validRequest(String amount, String currency) {
        return CreditRequest.builder().amount(amount, currency)
                .source(PaymentSource.card(TestCards.VISA, CardExpiry.of(2, 2035), "123", CardBrand.VISA));
    }

    @Override
    public String amountOnWire(RecordedRequest creditRequest) {
        try {
            return SimJson.textOrNull(SimJson.parseObject(creditRequest.body()), "/amount/value");
        } catch (SimJson.InvalidJsonException e) {
            throw new UncheckedIOException(new IOException("the credit body is not JSON", e));
        }
    }

    @Override
    public Optional<String> idempotencyValueOnWire(RecordedRequest creditRequest) {
        return Optional.ofNullable(creditRequest.header("Idempotency-Key"));
    }

    @Override
    public boolean gatewayDeduplicates() {
        return ExampleGateway.GATEWAY_DEDUPLICATES;
    }
}
