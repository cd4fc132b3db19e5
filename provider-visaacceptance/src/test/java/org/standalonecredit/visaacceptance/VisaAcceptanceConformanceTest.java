package org.standalonecredit.visaacceptance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.ConformanceSuite;
import org.standalonecredit.testkit.conformance.SimulatedGateway;
import org.standalonecredit.testkit.conformance.SimulatorBackedGateway;
import org.standalonecredit.testkit.sim.Gateway;
import org.standalonecredit.testkit.sim.RecordedRequest;
import org.standalonecredit.testkit.sim.cybersource.CybersourceSimulator;

/**
 * The testkit conformance suite against the Visa Acceptance provider, with the mass-transit rules
 * off: the suite's generic checks (plain cards, references without transaction ids) are outside
 * those rules, which {@link MassTransitRuleTest} and the end-to-end test cover.
 */
class VisaAcceptanceConformanceTest {

    @TestFactory
    Stream<DynamicNode> conformance() {
        return ConformanceSuite.of(new VisaAcceptanceSubject()).tests();
    }

    public static final class VisaAcceptanceSubject implements ConformanceSubject {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String providerId() {
            return "visa-acceptance";
        }

        @Override
        public SimulatedGateway startSimulator() {
            return SimulatorBackedGateway.cybersource(CybersourceSimulator.builder().gateway(Gateway.VISA_ACCEPTANCE));
        }

        @Override
        public Map<String, String> configuration(String baseUrl) {
            return Map.of("credit.visa-acceptance.base-url", baseUrl,
                    "credit.visa-acceptance.merchant-id", CybersourceSimulator.DEFAULT_MERCHANT_ID,
                    "credit.visa-acceptance.key-id", CybersourceSimulator.DEFAULT_KEY_ID,
                    "credit.visa-acceptance.secret-key", CybersourceSimulator.DEFAULT_SHARED_SECRET,
                    "credit.visa-acceptance.mass-transit", "false");
        }

        @Override
        public CreditRequest.Builder validRequest(String amount, String currency) {
            return CreditRequest.builder().amount(amount, currency).source(PaymentSource.paymentInstrument("F45FE45E7993C7DBE053A2598D0AED19"));
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
}
