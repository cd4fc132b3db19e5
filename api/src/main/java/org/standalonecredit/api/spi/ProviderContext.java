package org.standalonecredit.api.spi;

import java.time.Clock;
import org.standalonecredit.api.IdGenerator;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.HttpTransportFactory;
import org.standalonecredit.api.transport.TransportSettings;

/** Everything a provider needs to create a gateway: its settings and the shared collaborators. */
public final class ProviderContext {
    private final String gatewayName;
    private final String providerId;
    private final GatewaySettings settings;
    private final TransportSettings transportSettings;
    private final RetryPolicy retryPolicy;
    private final GatewayOptions options;

    public ProviderContext(String gatewayName, String providerId, GatewaySettings settings,
                           TransportSettings transportSettings, RetryPolicy retryPolicy, GatewayOptions options) {
        this.gatewayName = gatewayName;
        this.providerId = providerId;
        this.settings = settings;
        this.transportSettings = options.sslContext() != null ? transportSettings.withSslContext(options.sslContext()) : transportSettings;
        this.retryPolicy = retryPolicy;
        this.options = options;
    }

    /** The configured name of this gateway ("credit", "merchant-a", ...). */
    public String gatewayName() { return gatewayName; }
    public String providerId() { return providerId; }
    /** Settings under {@code <name>.<providerId>.}, sharing the problem list with transport and retry settings. */
    public GatewaySettings settings() { return settings; }
    public TransportSettings transportSettings() { return transportSettings; }
    public RetryPolicy retryPolicy() { return retryPolicy; }
    public Clock clock() { return options.clock(); }
    public IdGenerator ids() { return options.ids(); }
    public CreditListener listener() { return options.listener(); }
    public Sleeper sleeper() { return options.sleeper(); }

    /** A new transport for this gateway; the gateway owns it and closes it. Call after validating settings. */
    public HttpTransport newTransport() {
        if (options.transportFactory() != null) {
            return options.transportFactory().apply(transportSettings);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return HttpTransportFactory.discover(loader != null ? loader : ProviderContext.class.getClassLoader()).create(transportSettings);
    }
}
