package org.standalonecredit.visaacceptance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.SimulatedGateway;
import org.standalonecredit.testkit.conformance.SimulatorBackedGateway;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/** The visaacceptance provider as the conformance suite, the fault matrix and the soak drive it (registered for ServiceLoader in its test jar). */
public final class VisaAcceptanceSubject implements ConformanceSubject {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final java.util.concurrent.atomic.AtomicLong transactionIds = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public String providerId() {
        return "visa-acceptance";
    }

    @Override
    public SimulatedGateway startSimulator() {
        return SimulatorBackedGateway.cybersource(CybersourceSimulator.builder().visaAcceptanceMassTransit());
    }

    @Override
    public Map<String, String> configuration(String baseUrl) {
        return Map.of("credit.visa-acceptance.base-url", baseUrl,
                "credit.visa-acceptance.merchant-id", CybersourceSimulator.DEFAULT_MERCHANT_ID,
                "credit.visa-acceptance.key-id", CybersourceSimulator.DEFAULT_KEY_ID,
                "credit.visa-acceptance.secret-key", CybersourceSimulator.DEFAULT_SHARED_SECRET);
    }

    @Override
    public CreditRequest.Builder validRequest(String amount, String currency) {
        return CreditRequest.builder().amount(amount, currency)
                .transactionId("MT" + transactionIds.incrementAndGet())
                .partner(PartnerIds.certification("123456789012"))
                .source(PaymentSource.instrumentIdentifier("DCED1B858116F177E053AF598E0AA10A", CardExpiry.of(3, 2031), CardBrand.VISA));
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

    private static Optional<String> field(RecordedRequest request, String pointer) {
        try {
            var node = JSON.readTree(request.body()).at(pointer);
            return node.isMissingNode() ? Optional.empty() : Optional.of(node.asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
