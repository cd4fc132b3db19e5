package org.standalonecredit.cybersource;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.SimulatedGateway;
import org.standalonecredit.testkit.conformance.SimulatorBackedGateway;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/** The cybersource provider as the conformance suite, the fault matrix and the soak drive it (registered for ServiceLoader in its test jar). */
public final class CybersourceSubject implements ConformanceSubject {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String providerId() {
        return "cybersource";
    }

    @Override
    public SimulatedGateway startSimulator() {
        return SimulatorBackedGateway.cybersource(CybersourceSimulator.builder());
    }

    @Override
    public Map<String, String> configuration(String baseUrl) {
        return Map.of("credit.cybersource.base-url", baseUrl,
                "credit.cybersource.merchant-id", CybersourceSimulator.DEFAULT_MERCHANT_ID,
                "credit.cybersource.key-id", CybersourceSimulator.DEFAULT_KEY_ID,
                "credit.cybersource.secret-key", CybersourceSimulator.DEFAULT_SHARED_SECRET);
    }

    @Override
    public CreditRequest.Builder validRequest(String amount, String currency) {
        return CreditRequest.builder().amount(amount, currency).source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"));
    }

    @Override
    public String amountOnWire(RecordedRequest creditRequest) {
        return field(creditRequest, "/orderInformation/amountDetails/totalAmount").orElseThrow();
    }

    @Override
    public Optional<String> idempotencyValueOnWire(RecordedRequest creditRequest) {
        return field(creditRequest, "/clientReferenceInformation/transactionId");
    }

    @Override
    public boolean gatewayDeduplicates() {
        return false;
    }

    static Optional<String> field(RecordedRequest request, String pointer) {
        try {
            var node = JSON.readTree(request.body()).at(pointer);
            return node.isMissingNode() ? Optional.empty() : Optional.of(node.asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
