package org.standalonecredit.spring.boot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.config.ConfigurationException;

/**
 * Registers one {@link CreditGateway} bean per key of {@code standalone-credit.gateways}. The number of beans depends
 * on configuration, so they are registered from the environment before any bean exists; each is created by
 * {@link StandaloneCreditGateways#open(String)} and closed by its destroy method, {@code close()}.
 */
class CreditGatewayRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {
    static final String BEAN_NAME_SUFFIX = "CreditGateway";

    private Environment environment;
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        StandaloneCreditProperties properties = Binder.get(environment)
                .bind(StandaloneCreditProperties.PREFIX, StandaloneCreditProperties.class)
                .orElseGet(StandaloneCreditProperties::new);
        String primary = properties.getPrimary() == null || properties.getPrimary().isBlank() ? null : properties.getPrimary().trim();
        if (primary != null && !properties.getGateways().containsKey(primary)) {
            throw new ConfigurationException(List.of(StandaloneCreditProperties.PREFIX + ".primary names '" + primary
                    + "', which is not a gateway under " + StandaloneCreditProperties.PREFIX + ".gateways (configured: "
                    + properties.getGateways().keySet() + ")"));
        }
        Map<String, String> byBeanName = new HashMap<>();
        for (String name : properties.getGateways().keySet()) {
            String beanName = beanName(name);
            String clash = byBeanName.putIfAbsent(beanName, name);
            if (clash != null) {
                throw new ConfigurationException(List.of(StandaloneCreditProperties.PREFIX + ".gateways." + clash + " and "
                        + StandaloneCreditProperties.PREFIX + ".gateways." + name + " would both be the bean '" + beanName
                        + "': rename one"));
            }
            RootBeanDefinition definition = new RootBeanDefinition(CreditGateway.class);
            definition.setInstanceSupplier(() -> beanFactory.getBean(StandaloneCreditGateways.class).open(name));
            definition.setDestroyMethodName("close");
            definition.setPrimary(name.equals(primary));
            definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
            definition.setDescription("stand-alone credit gateway '" + name + "' (" + StandaloneCreditGateways.prefix(name) + ".*)");
            registry.registerBeanDefinition(beanName, definition);
        }
    }

    /** {@code shop} → {@code shopCreditGateway}, {@code merchant-a} → {@code merchantACreditGateway}. */
    static String beanName(String gatewayName) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : gatewayName.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = name.length() > 0;
            } else {
                name.append(upper ? Character.toUpperCase(c) : name.length() == 0 ? Character.toLowerCase(c) : c);
                upper = false;
            }
        }
        return name + BEAN_NAME_SUFFIX;
    }
}
