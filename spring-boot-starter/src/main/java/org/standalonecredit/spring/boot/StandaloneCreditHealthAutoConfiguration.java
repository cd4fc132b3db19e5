package org.standalonecredit.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot 4 Actuator: the health component {@code standaloneCredit}, one indicator per gateway, UP when the
 * gateway's configuration and key material open ({@link StandaloneCreditGateways#check(String)}: nothing is sent), DOWN
 * with the masked reason otherwise. Turned off with {@code management.health.standalone-credit.enabled=false}.
 */
@AutoConfiguration(after = StandaloneCreditAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthContributor")
public class StandaloneCreditHealthAutoConfiguration {

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
