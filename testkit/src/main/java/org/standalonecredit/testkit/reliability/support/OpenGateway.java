package org.standalonecredit.testkit.reliability.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.transport.apache.ApacheHttpTransport;

/**
 * A gateway opened through {@link StandaloneCredit#open} exactly as an application opens it, with
 * the production transport, which is kept so a test can read its connection-pool figures, and a journal of the
 * test's own: a fresh in-memory one unless one is given (a durable one, for the soak with the JDBC journal).
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
        return open(config, listener, sleeper, ssl, new InMemoryCreditJournal(10_000));
    }

    /** A gateway recording its credits in {@code journal}, which the caller closes (closing the gateway does not). */
    public static OpenGateway open(Map<String, String> config, CreditListener listener, Sleeper sleeper, SSLContext ssl,
                                   CreditJournal journal) {
        List<HttpTransport> transports = new CopyOnWriteArrayList<>();
        GatewayOptions options = GatewayOptions.builder().journal(journal)
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

    /** The gateway as the registry made it, in front of the provider's: its journal and the scope of its records. */
    public JournaledCreditGateway journaled() {
        return (JournaledCreditGateway) gateway;
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
