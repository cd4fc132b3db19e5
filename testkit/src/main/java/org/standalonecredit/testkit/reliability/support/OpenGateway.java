package org.standalonecredit.testkit.reliability.support;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.transport.apache.ApacheHttpTransport;

/**
 * A gateway opened through {@link StandaloneCredit#open} exactly as an application opens it, with
 * the production transport, which is kept so a test can read its connection-pool figures.
 */
public final class OpenGateway implements AutoCloseable {
    private final CreditGateway gateway;
    private final List<HttpTransport> transports;

    private OpenGateway(CreditGateway gateway, List<HttpTransport> transports) {
        this.gateway = gateway;
        this.transports = transports;
    }

    public static OpenGateway open(Map<String, String> config, CreditListener listener, Sleeper sleeper) {
        return open(config, listener, sleeper, null);
    }

    public static OpenGateway open(Map<String, String> config, CreditListener listener, Sleeper sleeper, SSLContext ssl) {
        List<HttpTransport> transports = new CopyOnWriteArrayList<>();
        GatewayOptions options = GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000))
                .listener(listener)
                .sleeper(sleeper)
                .sslContext(ssl)
                .transportFactory(settings -> {
                    HttpTransport t = new ApacheHttpTransport(settings);
                    transports.add(t);
                    return t;
                })
                .build();
        CreditGateway gateway = StandaloneCredit.open(ConfigSource.fromMap(config), StandaloneCredit.DEFAULT_NAME, options);
        return new OpenGateway(gateway, transports);
    }

    public CreditGateway gateway() {
        return gateway;
    }

    /** Connections still leased from the gateway's pool(s): must be 0 when no credit is in flight. */
    public int leasedConnections() {
        return transports.stream().mapToInt(t -> t.stats().leased()).sum();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
