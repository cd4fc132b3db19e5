package org.standalonecredit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.micrometer.MicrometerCreditMetrics;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.fixtures.TestCards;
import org.standalonecredit.testkit.junit.SimulatorExtension;

/**
 * The sample application as it starts in production, with both gateway simulators standing in for the gateways: the
 * same {@link RefundService}, the same injected bean, and one property choosing the provider. Each nested class is a
 * context of its own.
 */
class SampleApplicationTests {
    @RegisterExtension
    static final SimulatorExtension<CybersourceSimulator> CYBERSOURCE = SimulatorExtension.cybersource();
    @RegisterExtension
    static final SimulatorExtension<CommerceHubSimulator> COMMERCE_HUB = SimulatorExtension.commerceHub();

    /** A test card both simulators accept; it appears in no assertion message or output. */
    static final PaymentSource CARD = PaymentSource.card(TestCards.COMMERCE_HUB_SANDBOX, CardExpiry.of(2, 2035), "123", CardBrand.VISA);

    /** The simulators' addresses and credentials, where production would have the environment's. */
    @DynamicPropertySource
    static void simulators(DynamicPropertyRegistry registry) {
        String p = "standalone-credit.gateways.payments.";
        registry.add(p + "cybersource.base-url", CYBERSOURCE::baseUrl);
        registry.add(p + "cybersource.merchant-id", () -> CybersourceSimulator.DEFAULT_MERCHANT_ID);
        registry.add(p + "cybersource.key-id", () -> CybersourceSimulator.DEFAULT_KEY_ID);
        registry.add(p + "cybersource.secret-key", () -> CybersourceSimulator.DEFAULT_SHARED_SECRET);
        registry.add(p + "commerce-hub.base-url", COMMERCE_HUB::baseUrl);
        registry.add(p + "commerce-hub.api-key", () -> CommerceHubSimulator.DEFAULT_API_KEY);
        registry.add(p + "commerce-hub.api-secret", () -> CommerceHubSimulator.DEFAULT_API_SECRET);
        registry.add(p + "commerce-hub.merchant-id", () -> "100008000003683");
        registry.add(p + "commerce-hub.terminal-id", () -> "10000001");
    }

    /** How many credits the metrics timed for this provider and outcome (0 before the first). */
    static double creditTimerCount(MeterRegistry meters, String provider, String outcome) {
        Timer timer = meters.find(MicrometerCreditMetrics.CALLS).tag("operation", "credit").tag("provider", provider)
                .tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    /** The gateway's entry in /actuator/health. */
    static HealthDescriptor gatewayHealth(HealthEndpoint health) {
        return health.healthForPath("standaloneCredit", "payments");
    }

    @SpringBootTest(classes = SampleApplication.class)
    @org.junit.jupiter.api.Nested
    class WithCybersource {
        @Autowired
        RefundService refunds;
        @Autowired
        HealthEndpoint health;
        @Autowired
        MeterRegistry meters;

        @Test
        void aCreditIsTimedAndCountedByProviderAndOutcome() {
            double before = creditTimerCount(meters, "cybersource", "PENDING_SETTLEMENT");

            refunds.refund("ORDER-1003", "10.00", "USD", CARD);

            assertThat(creditTimerCount(meters, "cybersource", "PENDING_SETTLEMENT")).isEqualTo(before + 1);
            assertThat(meters.get(MicrometerCreditMetrics.ATTEMPTS).tag("provider", "cybersource").counter().count()).isPositive();
        }

        @Test
        void creditsThroughCybersource() {
            CreditResult result = refunds.refund("ORDER-1001", "10.00", "USD", CARD);

            assertThat(refunds.provider()).isEqualTo("cybersource");
            assertThat(result.outcome()).isEqualTo(CreditOutcome.PENDING_SETTLEMENT);
            assertThat(CYBERSOURCE.simulator().ledger().size()).isEqualTo(1);
            assertThat(COMMERCE_HUB.simulator().ledger().size()).isZero();
        }

        @Test
        void aRetriedRefundIsNotSentAgain() {
            CreditResult first = refunds.refund("ORDER-1002", "10.00", "USD", CARD);
            CreditResult again = refunds.refund("ORDER-1002", "10.00", "USD", CARD);

            assertThat(again.outcome()).isEqualTo(first.outcome());
            assertThat(again.attempts()).isZero();
            assertThat(CYBERSOURCE.simulator().ledger().size()).isEqualTo(1);
        }

        @Test
        void healthShowsTheGatewayUpWithoutSendingAnything() {
            HealthDescriptor payments = gatewayHealth(health);
            assertThat(payments.getStatus()).isEqualTo(Status.UP);
            assertThat(((IndicatedHealthDescriptor) payments).getDetails()).containsEntry("provider", "cybersource");
            assertThat(CYBERSOURCE.simulator().journal().size()).isZero();
        }
    }

    @SpringBootTest(classes = SampleApplication.class, properties = "standalone-credit.gateways.payments.gateway=commerce-hub")
    @org.junit.jupiter.api.Nested
    class WithCommerceHub {
        @Autowired
        RefundService refunds;
        @Autowired
        HealthEndpoint health;

        @Test
        void theSameCodeCreditsThroughCommerceHub() {
            CreditResult result = refunds.refund("ORDER-2001", "10.00", "USD", CARD);

            assertThat(refunds.provider()).isEqualTo("commerce-hub");
            assertThat(result.outcome()).isEqualTo(CreditOutcome.APPROVED);
            assertThat(COMMERCE_HUB.simulator().ledger().size()).isEqualTo(1);
            assertThat(CYBERSOURCE.simulator().ledger().size()).isZero();
        }

        @Test
        void healthShowsTheGatewayUp() {
            assertThat(((IndicatedHealthDescriptor) gatewayHealth(health)).getDetails()).containsEntry("provider", "commerce-hub");
        }
    }

    /** Even where an operator asks Actuator to show configuration values, a bound credential is not among them. */
    @SpringBootTest(classes = SampleApplication.class, properties = {"management.endpoints.web.exposure.include=configprops",
        "management.endpoint.configprops.show-values=always"})
    @org.junit.jupiter.api.Nested
    class ConfigurationReport {
        @Autowired
        ConfigurationPropertiesReportEndpoint configprops;

        @Test
        void showsTheKeysButNoSecret() {
            StringBuilder report = new StringBuilder();
            configprops.configurationPropertiesWithPrefix("standalone-credit").getContexts().values()
                    .forEach(c -> c.getBeans().values().forEach(b -> report.append(b.getProperties())));

            assertThat(report).contains("merchantId", CybersourceSimulator.DEFAULT_MERCHANT_ID, "secretKey", "apiSecret");
            assertThat(report).doesNotContain(CybersourceSimulator.DEFAULT_SHARED_SECRET, CommerceHubSimulator.DEFAULT_API_SECRET,
                    CommerceHubSimulator.DEFAULT_API_KEY);
        }
    }
}
