package org.standalonecredit.api;

import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;

/**
 * The entry point. {@code StandaloneCredit.open(config)} reads {@code credit.gateway} and the
 * chosen provider's keys and returns a ready gateway; switching gateway is a configuration change.
 *
 * <pre>{@code
 * try (CreditGateway gateway = StandaloneCredit.open(ConfigSource.layered(ConfigSource.environment(), fileConfig))) {
 *     CreditResult result = gateway.credit(request);
 * }
 * }</pre>
 */
public final class StandaloneCredit {
    public static final String DEFAULT_NAME = "credit";

    private StandaloneCredit() {
    }

    /** The gateway configured under "credit". */
    public static CreditGateway open(ConfigSource config) {
        return open(config, DEFAULT_NAME);
    }

    /** The gateway configured under {@code name}, for several merchants or gateways in one JVM. */
    public static CreditGateway open(ConfigSource config, String name) {
        return providers().create(config, name);
    }

    public static CreditGateway open(ConfigSource config, String name, GatewayOptions options) {
        return providers().create(config, name, options);
    }

    /** The providers installed on the class path. */
    public static ProviderRegistry providers() {
        return ProviderRegistry.load();
    }
}
