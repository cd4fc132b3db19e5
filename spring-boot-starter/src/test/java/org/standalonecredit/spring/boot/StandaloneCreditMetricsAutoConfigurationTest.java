package org.standalonecredit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.micrometer.MicrometerCreditMetrics;

/** Micrometer is wired when the module and a registry are there, and stays out of the way otherwise. */
class StandaloneCreditMetricsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StandaloneCreditMetricsAutoConfiguration.class, StandaloneCreditAutoConfiguration.class));

    @Test
    void withAMeterRegistryEveryGatewayGetsTheMetricsListener() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context.getBean("standaloneCreditMetrics")).isInstanceOf(MicrometerCreditMetrics.class));
    }

    @Test
    void withoutAMeterRegistryTheListenerRecordsNothing() {
        runner.run(context -> assertThat(context.getBean("standaloneCreditMetrics")).isSameAs(CreditListener.NONE));
    }

    @Test
    void offByProperty() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("standalone-credit.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("standaloneCreditMetrics"));
    }

    @Test
    void anApplicationsOwnMetricsBeanReplacesIt() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("mine", MicrometerCreditMetrics.class, () -> MicrometerCreditMetrics.of(new SimpleMeterRegistry()))
                .run(context -> assertThat(context).doesNotHaveBean("standaloneCreditMetrics").hasBean("mine"));
    }
}
