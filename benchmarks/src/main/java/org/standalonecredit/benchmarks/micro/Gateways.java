package org.standalonecredit.benchmarks.micro;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.TransportSettings;

/** Gateways created through the public API (registry + configuration) over an in-memory transport. */
public final class Gateways {
    private Gateways() {
    }

    /**
     * @param config    the gateway's configuration (name "credit")
     * @param transport the in-memory transport factory
     */
    public static CreditGateway create(Map<String, String> config, Function<TransportSettings, HttpTransport> transport) {
        Map<String, String> c = new LinkedHashMap<>(config);
        // one attempt: the refusing transport must not make the library retry (and sleep)
        c.put("credit.retry.max-attempts", "1");
        GatewayOptions options = GatewayOptions.builder()
                .transportFactory(transport)
                .sleeper(d -> { })
                .build();
        return ProviderRegistry.load().create(ConfigSource.fromMap(c), "credit", options);
    }
}
