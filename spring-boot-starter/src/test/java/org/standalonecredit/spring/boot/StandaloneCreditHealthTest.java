package org.standalonecredit.spring.boot;

import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** The health contract on Spring Boot 4 ({@code spring-boot-health}). */
class StandaloneCreditHealthTest extends HealthContract {

    @Override
    String healthApiPackage() {
        return "org.springframework.boot.health";
    }

    private static HealthIndicator indicator(AssertableApplicationContext context, String gateway) {
        return (HealthIndicator) context.getBean("standaloneCreditHealthContributor", CompositeHealthContributor.class).getContributor(gateway);
    }

    @Override
    String status(AssertableApplicationContext context, String gateway) {
        return indicator(context, gateway).health().getStatus().getCode();
    }

    @Override
    Map<String, Object> details(AssertableApplicationContext context, String gateway) {
        return indicator(context, gateway).health().getDetails();
    }
}
