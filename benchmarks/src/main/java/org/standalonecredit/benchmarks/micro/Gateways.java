package org.standalonecredit.benchmarks.micro;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.TransportSettings;

/**
 * Gateways created through the public API (registry + configuration) over an in-memory transport. {@link #create}
 * gives the provider's own gateway, without the credit journal in front, so that a benchmark may credit one
 * pre-built request again and again (through the journal, every call after the first would return the recorded
 * result); {@link #journaled} gives the gateway as an application gets it, for the journal's own cost.
 */
public final class Gateways {
    private Gateways() {
    }

    /**
     * @param config    the gateway's configuration (name "credit")
     * @param transport the in-memory transport factory
     */
    public static CreditGateway create(Map<String, String> config, Function<TransportSettings, HttpTransport> transport) {
        return ((JournaledCreditGateway) journaled(config, transport, new InMemoryCreditJournal(1))).delegate();
    }

    /** The gateway as the registry gives it, recording every credit in {@code journal} (null: the configured one). */
    public static CreditGateway journaled(Map<String, String> config, Function<TransportSettings, HttpTransport> transport,
                                          CreditJournal journal) {
        Map<String, String> c = new LinkedHashMap<>(config);
        // one attempt: the refusing transport must not make the library retry (and sleep)
        c.put("credit.retry.max-attempts", "1");
        GatewayOptions.Builder options = GatewayOptions.builder()
                .transportFactory(transport)
                .sleeper(d -> { });
        if (journal != null) {
            options.journal(journal);
        }
        return ProviderRegistry.load().create(ConfigSource.fromMap(c), "credit", options.build());
    }
}
