package org.standalonecredit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.standalonecredit.spring.boot.StandaloneCreditAutoConfigurationTest.commerceHub;
import static org.standalonecredit.spring.boot.StandaloneCreditAutoConfigurationTest.concat;
import static org.standalonecredit.spring.boot.StandaloneCreditAutoConfigurationTest.cybersource;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.testkit.junit.SimulatorExtension;

/**
 * What the health contributor does, whichever Boot generation's health API it is written in: one indicator per gateway,
 * checked by opening its configuration and sending nothing. Both health auto-configurations are always listed, to show
 * that only the running generation's one matches.
 */
abstract class HealthContract {
    @RegisterExtension
    static final SimulatorExtension<CybersourceSimulator> CYBERSOURCE = SimulatorExtension.cybersource();
    @RegisterExtension
    static final SimulatorExtension<CommerceHubSimulator> COMMERCE_HUB = SimulatorExtension.commerceHub();

    private static final String CANARY = "Q2FuYXJ5U2VjcmV0VGhhdE11c3ROZXZlckJlUHJpbnRlZA==";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            StandaloneCreditAutoConfiguration.class, StandaloneCreditHealthAutoConfiguration.class,
            StandaloneCreditBoot3HealthAutoConfiguration.class));

    /** The package of the running generation's health API, which an application without Actuator lacks. */
    abstract String healthApiPackage();

    /** The status ("UP", "DOWN") of one gateway's indicator in the {@code standaloneCreditHealthContributor} bean. */
    abstract String status(AssertableApplicationContext context, String gateway);

    abstract Map<String, Object> details(AssertableApplicationContext context, String gateway);

    /** What spring.main.lazy-initialization=true does in an application (SpringApplication applies it; the runner does not). */
    private ApplicationContextRunner lazy() {
        return runner.withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()));
    }

    @Test
    void upForEveryGatewayThatOpensAndNothingIsSent() {
        runner.withPropertyValues(concat(cybersource("shop", CYBERSOURCE.baseUrl()), commerceHub("hub", COMMERCE_HUB.baseUrl())))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(status(context, "shop")).isEqualTo("UP");
                    assertThat(details(context, "shop")).containsEntry("provider", "cybersource");
                    assertThat(status(context, "hub")).isEqualTo("UP");
                    assertThat(details(context, "hub")).containsEntry("provider", "commerce-hub");
                    assertThat(CYBERSOURCE.simulator().journal().size() + COMMERCE_HUB.simulator().journal().size()).isZero();
                });
    }

    @Test
    void downWithTheKeyNamedAndNoSecretWhenAGatewayCannotBeOpened() {
        // lazily initialised beans let the application start with a gateway that cannot open: health is where it shows
        lazy().withPropertyValues("standalone-credit.gateways.shop.gateway=cybersource",
                "standalone-credit.gateways.shop.cybersource.key-id=k", "standalone-credit.gateways.shop.cybersource.secret-key=" + CANARY)
                .withPropertyValues(commerceHub("hub", COMMERCE_HUB.baseUrl()))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(status(context, "shop")).isEqualTo("DOWN");
                    assertThat(details(context, "shop")).containsEntry("provider", "cybersource");
                    assertThat((String) details(context, "shop").get("reason"))
                            .contains("standalone-credit.gateways.shop.cybersource.merchant-id is required");
                    assertThat(details(context, "shop").toString()).doesNotContain(CANARY);
                    assertThat(status(context, "hub")).isEqualTo("UP");
                });
    }

    @Test
    void downWhenTheProviderIsNotInstalled() {
        lazy().withPropertyValues("standalone-credit.gateways.shop.gateway=nopay").run(context -> {
            assertThat(status(context, "shop")).isEqualTo("DOWN");
            assertThat((String) details(context, "shop").get("reason"))
                    .contains("standalone-credit.gateways.shop.gateway names no installed provider");
        });
    }

    @Test
    void noContributorWithoutActuatorOrWhenTurnedOff() {
        String[] shop = cybersource("shop", CYBERSOURCE.baseUrl());
        runner.withPropertyValues(shop).withClassLoader(new FilteredClassLoader(healthApiPackage()))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("standaloneCreditHealthContributor"));
        runner.withPropertyValues(shop).withPropertyValues("management.health.standalone-credit.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("standaloneCreditHealthContributor"));
    }
}
