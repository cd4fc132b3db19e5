package org.standalonecredit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.GatewayClosedException;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.simulator.fixtures.SeedCredits;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.testkit.junit.SimulatorExtension;

/** The auto-configuration on its own, with the simulators as the gateways. */
class StandaloneCreditAutoConfigurationTest {
    @RegisterExtension
    static final SimulatorExtension<CybersourceSimulator> CYBERSOURCE = SimulatorExtension.cybersource();
    @RegisterExtension
    static final SimulatorExtension<CommerceHubSimulator> COMMERCE_HUB = SimulatorExtension.commerceHub();

    /** A made-up value that must never appear in a message or a string. */
    private static final String CANARY = "Q2FuYXJ5U2VjcmV0VGhhdE11c3ROZXZlckJlUHJpbnRlZA==";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StandaloneCreditAutoConfiguration.class));

    static String[] cybersource(String name, String baseUrl) {
        String p = "standalone-credit.gateways." + name + ".";
        return new String[] {p + "gateway=cybersource", p + "cybersource.base-url=" + baseUrl,
            p + "cybersource.merchant-id=" + CybersourceSimulator.DEFAULT_MERCHANT_ID,
            p + "cybersource.key-id=" + CybersourceSimulator.DEFAULT_KEY_ID,
            p + "cybersource.secret-key=" + CybersourceSimulator.DEFAULT_SHARED_SECRET};
    }

    static String[] commerceHub(String name, String baseUrl) {
        String p = "standalone-credit.gateways." + name + ".";
        return new String[] {p + "gateway=commerce-hub", p + "commerce-hub.base-url=" + baseUrl,
            p + "commerce-hub.api-key=" + CommerceHubSimulator.DEFAULT_API_KEY,
            p + "commerce-hub.api-secret=" + CommerceHubSimulator.DEFAULT_API_SECRET,
            p + "commerce-hub.merchant-id=100008000003683", p + "commerce-hub.terminal-id=10000001"};
    }

    static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] part : parts) {
            Collections.addAll(all, part);
        }
        return all.toArray(String[]::new);
    }

    @Test
    void oneBeanPerGatewayNamedAfterItAndQualifiedByItsName() {
        runner.withPropertyValues(concat(cybersource("shop", CYBERSOURCE.baseUrl()), commerceHub("merchant-a", COMMERCE_HUB.baseUrl())))
                .withUserConfiguration(QualifiedUser.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(CreditGateway.class)).containsOnlyKeys("shopCreditGateway", "merchantACreditGateway");
                    assertThat(context.getBean("shopCreditGateway", CreditGateway.class).providerId()).isEqualTo("cybersource");
                    assertThat(context.getBean("merchantACreditGateway", CreditGateway.class).providerId()).isEqualTo("commerce-hub");
                    assertThat(context.getBean(Holder.class).gateway().providerId()).isEqualTo("commerce-hub");
                });
    }

    @Test
    void thePrimaryPropertyChoosesWhatAPlainInjectionPointGets() {
        String[] both = concat(cybersource("cards", CYBERSOURCE.baseUrl()), commerceHub("hub", COMMERCE_HUB.baseUrl()));
        runner.withPropertyValues(both).withPropertyValues("standalone-credit.primary=hub")
                .run(context -> assertThat(context.getBean(CreditGateway.class).providerId()).isEqualTo("commerce-hub"));
        runner.withPropertyValues(both).withPropertyValues("standalone-credit.primary=cards")
                .run(context -> assertThat(context.getBean(CreditGateway.class).providerId()).isEqualTo("cybersource"));
    }

    @Test
    void aSingleGatewayNeedsNoPrimaryAndCreditsThroughTheSimulator() {
        runner.withPropertyValues(cybersource("credit", CYBERSOURCE.baseUrl())).run(context -> {
            CreditResult result = context.getBean(CreditGateway.class).credit(SeedCredits.cybersourceCustomerToken().build());
            assertThat(result.outcome()).isEqualTo(CreditOutcome.PENDING_SETTLEMENT);
            assertThat(CYBERSOURCE.simulator().ledger().size()).isEqualTo(1);
        });
    }

    @Test
    void switchingTheProviderIsOneProperty() {
        String[] both = concat(cybersource("payments", CYBERSOURCE.baseUrl()), commerceHub("payments", COMMERCE_HUB.baseUrl()));
        runner.withPropertyValues(both).withPropertyValues("standalone-credit.gateways.payments.gateway=commerce-hub").run(context -> {
            CreditResult result = context.getBean(CreditGateway.class).credit(SeedCredits.commerceHubCard().build());
            assertThat(result.outcome()).isEqualTo(CreditOutcome.APPROVED);
            assertThat(COMMERCE_HUB.simulator().ledger().size()).isEqualTo(1);
            assertThat(CYBERSOURCE.simulator().ledger().size()).isZero();
        });
    }

    @Test
    void everyCreditListenerBeanSeesEveryGatewaysEventsAndCustomizersSeeEachName() {
        runner.withPropertyValues(cybersource("shop", CYBERSOURCE.baseUrl())).withUserConfiguration(Listeners.class).run(context -> {
            context.getBean(CreditGateway.class).credit(SeedCredits.cybersourceCustomerToken().build());
            Listeners listeners = context.getBean(Listeners.class);
            assertThat(listeners.first).extracting(ExchangeEvent::phase).contains(ExchangeEvent.Phase.REQUEST, ExchangeEvent.Phase.RESPONSE);
            assertThat(listeners.second).hasSameSizeAs(listeners.first); // the throwing listener before it did not stop it
            assertThat(listeners.customized).containsExactly("shop");
        });
    }

    @Test
    void aMissingOrWrongKeyFailsTheContextNamingTheKeyAsTheApplicationWroteIt() {
        runner.withPropertyValues("standalone-credit.gateways.shop.gateway=cybersource",
                "standalone-credit.gateways.shop.cybersource.key-id=k", "standalone-credit.gateways.shop.cybersource.secret-key=" + CANARY,
                "standalone-credit.gateways.shop.http.max-connections=0").run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).hasRootCauseInstanceOf(ConfigurationException.class);
                    ConfigurationException e = rootCause(failure, ConfigurationException.class);
                    assertThat(e.problems()).anyMatch(p -> p.startsWith("standalone-credit.gateways.shop.cybersource.merchant-id is required"));
                    assertThat(e.problems()).anyMatch(p -> p.startsWith("standalone-credit.gateways.shop.http.max-connections must be between 1 and 1024"));
                    assertThat(stackText(failure)).doesNotContain(CANARY);
                    org.springframework.boot.diagnostics.FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("    standalone-credit.gateways.shop.cybersource.merchant-id is required")
                            .doesNotContain(CANARY);
                    assertThat(analysis.getAction()).contains("standalone-credit.*");
                });
    }

    @Test
    void anUnknownProviderOrPrimaryIsNamedByItsKey() {
        runner.withPropertyValues("standalone-credit.gateways.shop.gateway=nopay").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure(), ConfigurationException.class).problems())
                    .singleElement().asString().startsWith("standalone-credit.gateways.shop.gateway names no installed provider")
                    .contains("cybersource", "commerce-hub");
        });
        runner.withPropertyValues(cybersource("shop", CYBERSOURCE.baseUrl())).withPropertyValues("standalone-credit.primary=shoop")
                .run(context -> assertThat(rootCause(context.getStartupFailure(), ConfigurationException.class).problems())
                        .singleElement().asString().startsWith("standalone-credit.primary names 'shoop'").contains("[shop]"));
    }

    @Test
    void closingTheContextClosesTheGateways() {
        CreditGateway[] kept = new CreditGateway[2];
        runner.withPropertyValues(concat(cybersource("shop", CYBERSOURCE.baseUrl()), commerceHub("hub", COMMERCE_HUB.baseUrl())))
                .run(context -> {
                    kept[0] = context.getBean("shopCreditGateway", CreditGateway.class);
                    kept[1] = context.getBean("hubCreditGateway", CreditGateway.class);
                });
        assertThatThrownBy(() -> kept[0].credit(SeedCredits.cybersourceCustomerToken().build())).isInstanceOf(GatewayClosedException.class);
        assertThatThrownBy(() -> kept[1].credit(SeedCredits.commerceHubCard().build())).isInstanceOf(GatewayClosedException.class);
        assertThat(CYBERSOURCE.simulator().ledger().size() + COMMERCE_HUB.simulator().ledger().size()).isZero();
    }

    @Test
    void disabledOpensNothing() {
        runner.withPropertyValues(cybersource("shop", CYBERSOURCE.baseUrl())).withPropertyValues("standalone-credit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CreditGateway.class).doesNotHaveBean(StandaloneCreditGateways.class));
    }

    @Test
    void secretsAreBoundAsSecretsAndNeverPrinted() {
        runner.withPropertyValues(cybersource("shop", CYBERSOURCE.baseUrl()))
                .withPropertyValues("standalone-credit.gateways.shop.journal.password=" + CANARY).run(context -> {
                    StandaloneCreditProperties properties = context.getBean(StandaloneCreditProperties.class);
                    StandaloneCreditProperties.Gateway shop = properties.getGateways().get("shop");
                    assertThat(shop.cybersource().secretKey()).isInstanceOf(Secret.class);
                    assertThat(shop.cybersource().secretKey().reveal()).isEqualTo(CybersourceSimulator.DEFAULT_SHARED_SECRET);
                    assertThat(shop.journal().password().reveal()).isEqualTo(CANARY);
                    String printed = properties + " " + shop + " " + shop.libraryKeys() + " "
                            + context.getBean(StandaloneCreditGateways.class).configSource("shop");
                    assertThat(printed).doesNotContain(CANARY).doesNotContain(CybersourceSimulator.DEFAULT_SHARED_SECRET);
                });
    }

    @Test
    void anotherProvidersKeysReachItUnderTheSameShape() {
        runner.withPropertyValues("standalone-credit.gateways.partner.gateway=third-party",
                "standalone-credit.gateways.partner.third-party.account=acct-7",
                "standalone-credit.gateways.partner.third-party.token.secret=" + CANARY).run(context -> {
                    assertThat(context.getBean("partnerCreditGateway", CreditGateway.class).providerId()).isEqualTo("third-party");
                    Map<String, Object> read = ThirdPartyProvider.READ.get("partner");
                    assertThat(read.get("account")).isEqualTo("acct-7");
                    assertThat(((Secret) read.get("token.secret")).reveal()).isEqualTo(CANARY);
                });
        runner.withPropertyValues("standalone-credit.gateways.partner.gateway=third-party").run(context -> assertThat(
                rootCause(context.getStartupFailure(), ConfigurationException.class).problems())
                .containsExactly("standalone-credit.gateways.partner.third-party.account is required",
                        "standalone-credit.gateways.partner.third-party.token.secret is required"));
    }

    @Test
    void beanNamesAreTheGatewayNameInCamelCase() {
        assertThat(CreditGatewayRegistrar.beanName("shop")).isEqualTo("shopCreditGateway");
        assertThat(CreditGatewayRegistrar.beanName("merchant-a")).isEqualTo("merchantACreditGateway");
        assertThat(CreditGatewayRegistrar.beanName("eu_west.refunds")).isEqualTo("euWestRefundsCreditGateway");
        assertThat(CreditGatewayRegistrar.beanName("Credit")).isEqualTo("creditCreditGateway");
    }

    static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }

    static String stackText(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedUser {
        @Bean
        Holder holder(@Qualifier("merchant-a") CreditGateway gateway) {
            return new Holder(gateway);
        }
    }

    record Holder(CreditGateway gateway) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        final List<ExchangeEvent> first = Collections.synchronizedList(new ArrayList<>());
        final List<ExchangeEvent> second = Collections.synchronizedList(new ArrayList<>());
        final List<String> customized = Collections.synchronizedList(new ArrayList<>());

        @Bean
        @org.springframework.core.annotation.Order(1)
        CreditListener recording() {
            return first::add;
        }

        @Bean
        @org.springframework.core.annotation.Order(2)
        CreditListener throwing() {
            return event -> {
                throw new IllegalStateException("a broken listener");
            };
        }

        @Bean
        @org.springframework.core.annotation.Order(3)
        CreditListener alsoRecording() {
            return second::add;
        }

        @Bean
        CreditGatewayOptionsCustomizer naming() {
            return (name, options) -> customized.add(name);
        }
    }
}
