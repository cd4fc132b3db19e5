package org.standalonecredit.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot 3.5 Actuator: the same health component as {@link StandaloneCreditHealthAutoConfiguration}, on Boot 3's
 * health API ({@code org.springframework.boot.actuate.health}, which Boot 4 moved to {@code spring-boot-health}). Only one
 * of the two can match: each needs its own generation's classes.
 */
@AutoConfiguration(after = StandaloneCreditAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthContributor")
public class StandaloneCreditBoot3HealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(StandaloneCreditGateways.class)
    @ConditionalOnEnabledHealthIndicator("standalone-credit")
    static class Contributor {

        @Bean
        @ConditionalOnMissingBean(name = "standaloneCreditHealthContributor")
        CompositeHealthContributor standaloneCreditHealthContributor(StandaloneCreditGateways gateways) {
            Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
            for (String name : gateways.names()) {
                indicators.put(name, () -> health(gateways.check(name)));
            }
            return CompositeHealthContributor.fromMap(indicators);
        }

        static Health health(GatewayCheck check) {
            Health.Builder health = check.opens() ? Health.up() : Health.down().withDetail("reason", check.reason());
            check.provider().ifPresent(p -> health.withDetail("provider", p));
            return health.build();
        }
    }
}
