package org.standalonecredit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.standalonecredit.spring.boot.StandaloneCreditAutoConfigurationTest.commerceHub;
import static org.standalonecredit.spring.boot.StandaloneCreditAutoConfigurationTest.concat;
import static org.standalonecredit.spring.boot.StandaloneCreditAutoConfigurationTest.cybersource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.testkit.junit.SimulatorExtension;

/** The Boot 4 health contributor: one indicator per gateway, checked by opening its configuration, sending nothing. */
class StandaloneCreditHealthTest {
    @RegisterExtension
    static final SimulatorExtension<CybersourceSimulator> CYBERSOURCE = SimulatorExtension.cybersource();
    @RegisterExtension
    static final SimulatorExtension<CommerceHubSimulator> COMMERCE_HUB = SimulatorExtension.commerceHub();

    private static final String CANARY = "Q2FuYXJ5U2VjcmV0VGhhdE11c3ROZXZlckJlUHJpbnRlZA==";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(StandaloneCreditAutoConfiguration.class, StandaloneCreditHealthAutoConfiguration.class));

    /** What spring.main.lazy-initialization=true does in an application (SpringApplication applies it; the runner does not). */
    private ApplicationContextRunner lazy() {
        return runner.withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()));
    }

    private static Health health(CompositeHealthContributor contributor, String gateway) {
        return ((HealthIndicator) contributor.getContributor(gateway)).health();
    }

    @Test
    void upForEveryGatewayThatOpensAndNothingIsSent() {
        runner.withPropertyValues(concat(cybersource("shop", CYBERSOURCE.baseUrl()), commerceHub("hub", COMMERCE_HUB.baseUrl())))
                .run(context -> {
                    CompositeHealthContributor contributor = context.getBean("standaloneCreditHealthContributor", CompositeHealthContributor.class);
                    Health shop = health(contributor, "shop");
                    Health hub = health(contributor, "hub");
                    assertThat(shop.getStatus()).isEqualTo(Status.UP);
                    assertThat(shop.getDetails()).containsEntry("provider", "cybersource");
                    assertThat(hub.getStatus()).isEqualTo(Status.UP);
                    assertThat(hub.getDetails()).containsEntry("provider", "commerce-hub");
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
                    CompositeHealthContributor contributor = context.getBean("standaloneCreditHealthContributor", CompositeHealthContributor.class);
                    Health shop = health(contributor, "shop");
                    assertThat(shop.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(shop.getDetails()).containsEntry("provider", "cybersource");
                    assertThat((String) shop.getDetails().get("reason")).contains("standalone-credit.gateways.shop.cybersource.merchant-id is required");
                    assertThat(shop.toString()).doesNotContain(CANARY);
                    assertThat(health(contributor, "hub").getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void downWhenTheProviderIsNotInstalled() {
        lazy().withPropertyValues("standalone-credit.gateways.shop.gateway=nopay").run(context -> {
            Health shop = health(context.getBean("standaloneCreditHealthContributor", CompositeHealthContributor.class), "shop");
            assertThat(shop.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) shop.getDetails().get("reason")).contains("standalone-credit.gateways.shop.gateway names no installed provider");
        });
    }

    @Test
    void noContributorWithoutActuatorOrWhenTurnedOff() {
        String[] shop = cybersource("shop", CYBERSOURCE.baseUrl());
        runner.withPropertyValues(shop).withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("standaloneCreditHealthContributor"));
        runner.withPropertyValues(shop).withPropertyValues("management.health.standalone-credit.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("standaloneCreditHealthContributor"));
    }
}
