package org.standalonecredit.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.micrometer.MicrometerCreditMetrics;

/**
 * Micrometer for every gateway when {@code standalone-credit-micrometer} and Micrometer are on the class path: one
 * {@link MicrometerCreditMetrics} listener bean, which the gateways receive like any other {@link CreditListener}
 * bean, recording on the application's {@link MeterRegistry} and, when there is one, observing on its
 * {@link ObservationRegistry} (so a tracing bridge sees each credit and its exchanges). The registries are looked up
 * when the gateways are made, after every auto-configuration has declared its beans, so the order of
 * auto-configurations does not matter. Off with {@code standalone-credit.metrics.enabled=false}; an application's own
 * {@code MicrometerCreditMetrics} bean replaces this one.
 */
@AutoConfiguration(before = StandaloneCreditAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, MicrometerCreditMetrics.class})
@ConditionalOnProperty(prefix = StandaloneCreditProperties.PREFIX + ".metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public class StandaloneCreditMetricsAutoConfiguration {

    /** A listener that records nothing when the application has no meter registry at all. */
    @Bean
    @ConditionalOnMissingBean(MicrometerCreditMetrics.class)
    public CreditListener standaloneCreditMetrics(ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        MeterRegistry registry = meters.getIfUnique();
        if (registry == null) {
            return CreditListener.NONE;
        }
        return MicrometerCreditMetrics.of(registry, observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }
}
