package org.standalonecredit.spring.boot;

import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.ProviderContext;

/**
 * A provider this starter has no typed section for, as a third party would ship it: its keys reach it through the
 * same {@code <name>.<id>.*} shape. It records what it read, by gateway name, so a test can look.
 */
public final class ThirdPartyProvider implements CreditProvider {
    static final String ID = "third-party";
    static final Map<String, Map<String, Object>> READ = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Third party";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(EnumSet.of(SourceKind.CUSTOMER_TOKEN), EnumSet.noneOf(org.standalonecredit.api.FollowUp.class));
    }

    @Override
    public List<String> configurationKeys() {
        return List.of("account", "token.secret");
    }

    @Override
    public CreditGateway create(ProviderContext context) {
        String account = context.settings().required("account");
        Secret secret = context.settings().secret("token.secret");
        context.settings().throwIfInvalid();
        READ.put(context.gatewayName(), Map.of("account", account, "token.secret", secret));
        return (CreditGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CreditGateway.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "providerId" -> ID;
                    case "capabilities" -> capabilities();
                    case "close" -> null;
                    case "toString" -> "ThirdPartyGateway";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
