package org.standalonecredit.api.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.standalonecredit.api.config.GatewaySettings;

/**
 * Timeouts, limits, proxy and TLS for one gateway's transport. Read from {@code <name>.http.*}:
 * connect-timeout (1ms..5m), response-timeout (1ms..30m), deadline (1ms..2h), max-response-bytes,
 * max-connections, proxy (host:port, port 1..65535).
 */
public record TransportSettings(Duration connectTimeout, Duration responseTimeout, Duration deadline,
                                int maxResponseBytes, int maxConnections, String proxy, SSLContext sslContext) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    private static final Pattern PROXY = Pattern.compile("([A-Za-z0-9.\\-]+):(\\d{1,5})");

    public TransportSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(deadline, "deadline");
    }

    public static TransportSettings defaults() {
        return new TransportSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_DEADLINE,
                DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_CONNECTIONS, null, null);
    }

    /** Reads {@code http.*} from the given view; problems go to the view's list and a refused value is not used. */
    public static TransportSettings from(GatewaySettings http) {
        Duration connect = http.duration("connect-timeout", DEFAULT_CONNECT_TIMEOUT, Duration.ofMillis(1), Duration.ofMinutes(5));
        Duration response = http.duration("response-timeout", DEFAULT_RESPONSE_TIMEOUT, Duration.ofMillis(1), Duration.ofMinutes(30));
        Duration deadline = http.duration("deadline", DEFAULT_DEADLINE, Duration.ofMillis(1), Duration.ofHours(2));
        int maxBytes = http.integer("max-response-bytes", DEFAULT_MAX_RESPONSE_BYTES, 1024, 64 << 20);
        int maxConnections = http.integer("max-connections", DEFAULT_MAX_CONNECTIONS, 1, 1024);
        String proxy = http.optional("proxy").orElse(null);
        if (proxy != null && !validProxy(proxy)) {
            http.problem("proxy", "must be host:port with a port between 1 and 65535");
            proxy = null;
        }
        return new TransportSettings(connect, response, deadline, maxBytes, maxConnections, proxy, null);
    }

    private static boolean validProxy(String proxy) {
        Matcher m = PROXY.matcher(proxy);
        if (!m.matches()) {
            return false;
        }
        int port = Integer.parseInt(m.group(2));
        return port >= 1 && port <= 65535;
    }

    /** The proxy's host, when one is configured. */
    public Optional<String> proxyHost() {
        return proxy == null ? Optional.empty() : Optional.of(proxy.substring(0, proxy.lastIndexOf(':')));
    }

    public TransportSettings withSslContext(SSLContext context) {
        return new TransportSettings(connectTimeout, responseTimeout, deadline, maxResponseBytes, maxConnections, proxy, context);
    }

    public TransportSettings withTimeouts(Duration connect, Duration response, Duration overall) {
        return new TransportSettings(connect, response, overall, maxResponseBytes, maxConnections, proxy, sslContext);
    }
}
