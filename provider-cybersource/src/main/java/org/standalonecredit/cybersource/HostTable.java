package org.standalonecredit.cybersource;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hosts of one Cybersource-family API by environment name ({@code test}, {@code production}, ...),
 * and the environment used when none is configured. Immutable.
 */
public final class HostTable {
    /** Cybersource: global test and production, India and Saudi Arabia (seed 000; [PROTOCOL-SOURCES: Cybersource: hosts]). */
    public static final HostTable CYBERSOURCE = withDefault("test", "apitest.cybersource.com")
            .and("production", "api.cybersource.com")
            .and("production-india", "api.in.cybersource.com")
            .and("production-saudi-arabia", "api.sa.cybersource.com")
            .and("test-saudi-arabia", "apitest.sa.cybersource.com");

    private final String defaultEnvironment;
    private final Map<String, String> hosts;

    private HostTable(String defaultEnvironment, Map<String, String> hosts) {
        this.defaultEnvironment = defaultEnvironment;
        this.hosts = hosts;
    }

    /** A table whose default environment is {@code environment} on {@code host}. */
    public static HostTable withDefault(String environment, String host) {
        return new HostTable(Objects.requireNonNull(environment, "environment"), Map.of(environment, Objects.requireNonNull(host, "host")));
    }

    /** This table plus one environment. */
    public HostTable and(String environment, String host) {
        Map<String, String> all = new LinkedHashMap<>(hosts);
        all.put(Objects.requireNonNull(environment, "environment"), Objects.requireNonNull(host, "host"));
        return new HostTable(defaultEnvironment, Collections.unmodifiableMap(all));
    }

    public String defaultEnvironment() {
        return defaultEnvironment;
    }

    /** The environment names, default first. */
    public List<String> environments() {
        return List.copyOf(hosts.keySet());
    }

    /** The host of a known environment. */
    public String host(String environment) {
        String host = hosts.get(environment);
        if (host == null) {
            throw new IllegalArgumentException("unknown environment: " + environment);
        }
        return host;
    }

    /** {@code https://<host>} of a known environment. */
    public URI baseUrl(String environment) {
        return URI.create("https://" + host(environment));
    }

    @Override
    public String toString() {
        return "HostTable" + hosts;
    }
}
