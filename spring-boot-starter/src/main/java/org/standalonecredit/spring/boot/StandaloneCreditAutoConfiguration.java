package org.standalonecredit.spring.boot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.observe.CreditListener;

/**
 * One {@link CreditGateway} bean per gateway under {@code standalone-credit.gateways.<name>}, opened through the
 * library's registry (providers found with ServiceLoader) and closed with the context. The bean is named
 * {@code <name in camel case>CreditGateway}, qualified by the gateway name, and {@code @Primary} when
 * {@code standalone-credit.primary} names it. Every {@link CreditListener} bean receives every gateway's events (the
 * place where metrics plug in), and every {@link CreditGatewayOptionsCustomizer} bean adjusts each gateway's options.
 */
@AutoConfiguration
@ConditionalOnClass(CreditGateway.class)
@ConditionalOnProperty(prefix = StandaloneCreditProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(StandaloneCreditProperties.class)
@Import(CreditGatewayRegistrar.class)
public class StandaloneCreditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public StandaloneCreditGateways standaloneCreditGateways(StandaloneCreditProperties properties, Environment environment,
                                                             ObjectProvider<CreditListener> listeners,
                                                             ObjectProvider<CreditGatewayOptionsCustomizer> customizers) {
        return new StandaloneCreditGateways(properties, Binder.get(environment), listeners.orderedStream().toList(),
                customizers.orderedStream().toList());
    }
}
