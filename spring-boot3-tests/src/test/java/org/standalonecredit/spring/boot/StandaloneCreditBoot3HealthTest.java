package org.standalonecredit.spring.boot;

import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** The health contract on Spring Boot 3.5 ({@code org.springframework.boot.actuate.health}). */
class StandaloneCreditBoot3HealthTest extends HealthContract {

    @Override
    String healthApiPackage() {
        return "org.springframework.boot.actuate.health";
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
