package org.standalonecredit.api.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.standalonecredit.api.config.GatewaySettings;

/**
 * Timeouts, limits, proxy and TLS for one gateway's transport. Read from {@code <name>.http.*}:
 * connect-timeout, response-timeout, deadline, max-response-bytes, max-connections, proxy (host:port).
 */
public record TransportSettings(Duration connectTimeout, Duration responseTimeout, Duration deadline,
                                int maxResponseBytes, int maxConnections, String proxy, SSLContext sslContext) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    public TransportSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(deadline, "deadline");
    }

    public static TransportSettings defaults() {
        return new TransportSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_DEADLINE,
                DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_CONNECTIONS, null, null);
    }

    /** Reads {@code http.*} from the given view; problems go to the view's list. */
    public static TransportSettings from(GatewaySettings http) {
        Duration connect = http.duration("connect-timeout", DEFAULT_CONNECT_TIMEOUT);
        Duration response = http.duration("response-timeout", DEFAULT_RESPONSE_TIMEOUT);
        Duration deadline = http.duration("deadline", DEFAULT_DEADLINE);
        int maxBytes = http.integer("max-response-bytes", DEFAULT_MAX_RESPONSE_BYTES, 1024, 64 << 20);
        int maxConnections = http.integer("max-connections", DEFAULT_MAX_CONNECTIONS, 1, 1024);
        Optional<String> proxy = http.optional("proxy");
        if (proxy.isPresent() && !proxy.get().matches("[A-Za-z0-9.\\-]+:\\d{1,5}")) {
            http.problem("proxy", "must be host:port");
        }
        return new TransportSettings(connect, response, deadline, maxBytes, maxConnections, proxy.orElse(null), null);
    }

    public TransportSettings withSslContext(SSLContext context) {
        return new TransportSettings(connectTimeout, responseTimeout, deadline, maxResponseBytes, maxConnections, proxy, context);
    }

    public TransportSettings withTimeouts(Duration connect, Duration response, Duration overall) {
        return new TransportSettings(connect, response, overall, maxResponseBytes, maxConnections, proxy, sslContext);
    }
}
