package org.standalonecredit.spring.boot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.UnknownProviderException;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.TransportFailure;

/**
 * Turns {@code standalone-credit.gateways.<name>.*} into the library's own configuration ({@code <name>.*}) and opens
 * the gateway through {@link ProviderRegistry} (ServiceLoader), exactly as {@code StandaloneCredit.open(config, name)}
 * would from a properties file. A {@link ConfigurationException} names the {@code standalone-credit.gateways.<name>.}
 * keys the application wrote.
 */
public final class StandaloneCreditGateways {
    /** The provider ids whose keys {@link StandaloneCreditProperties.Gateway} binds; others are read as a map. */
    private static final Set<String> TYPED_PROVIDERS = Set.of("cybersource", "visa-acceptance", "commerce-hub");
    private static final String GATEWAYS = StandaloneCreditProperties.PREFIX + ".gateways";

    private final StandaloneCreditProperties properties;
    private final Binder binder;
    private final List<CreditListener> listeners;
    private final List<CreditGatewayOptionsCustomizer> customizers;

    StandaloneCreditGateways(StandaloneCreditProperties properties, Binder binder, List<CreditListener> listeners,
                             List<CreditGatewayOptionsCustomizer> customizers) {
        this.properties = properties;
        this.binder = binder;
        this.listeners = List.copyOf(listeners);
        this.customizers = List.copyOf(customizers);
    }

    /** The configured gateway names, in order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(properties.getGateways().keySet());
    }

    /** The property prefix of a gateway: {@code standalone-credit.gateways.<name>}. */
    public static String prefix(String name) {
        return GATEWAYS + "." + name;
    }

    /** Opens the gateway configured under {@code name}, with the application's listeners and customizers. */
    public CreditGateway open(String name) {
        GatewayOptions.Builder options = GatewayOptions.builder().listener(CreditListener.all(listeners.toArray(new CreditListener[0])));
        customizers.forEach(c -> c.customize(name, options));
        return open(name, options.build());
    }

    /**
     * Opens the gateway as {@link #open(String)} does, but on a transport that sends nothing and a journal of its own,
     * then closes it: its configuration, provider and key material (certificates against the clock, key stores, secrets'
     * form) are checked the way opening checks them, and no credit, connection or journal record is made.
     */
    public GatewayCheck check(String name) {
        String providerId = gateway(name).gateway();
        GatewayOptions.Builder options = GatewayOptions.builder();
        customizers.forEach(c -> c.customize(name, options));
        options.listener(CreditListener.NONE).journal(new InMemoryCreditJournal(1)).transportFactory(settings -> NeverSends.INSTANCE);
        try (CreditGateway opened = open(name, options.build())) {
            return new GatewayCheck(name, opened.providerId(), null);
        } catch (RuntimeException e) {
            return new GatewayCheck(name, providerId, Masking.maskDigitRuns(String.valueOf(e.getMessage())));
        }
    }

    private CreditGateway open(String name, GatewayOptions options) {
        try {
            return registry().create(configSource(name), name, options);
        } catch (ConfigurationException e) {
            throw withApplicationKeys(name, e);
        } catch (UnknownProviderException e) {
            throw new ConfigurationException(List.of(prefix(name) + ".gateway names no installed provider: " + e.getMessage()));
        }
    }

    private static ProviderRegistry registry() {
        return ProviderRegistry.load();
    }

    /** The same problems, each naming the key as the application wrote it. */
    static ConfigurationException withApplicationKeys(String name, ConfigurationException e) {
        List<String> problems = new ArrayList<>();
        for (String problem : e.problems()) {
            problems.add(problem.startsWith(name + ".") ? GATEWAYS + "." + problem : problem);
        }
        ConfigurationException translated = new ConfigurationException(problems);
        translated.initCause(e);
        return translated;
    }

    private StandaloneCreditProperties.Gateway gateway(String name) {
        StandaloneCreditProperties.Gateway gateway = properties.getGateways().get(name);
        if (gateway == null) {
            throw new ConfigurationException(List.of(prefix(name) + " is not configured; configured: " + names()));
        }
        return gateway;
    }

    /** The library's configuration of one gateway: {@code <name>.<key>}, secrets revealed only when the library asks. */
    ConfigSource configSource(String name) {
        StandaloneCreditProperties.Gateway gateway = gateway(name);
        Map<String, Object> values = new LinkedHashMap<>();
        gateway.libraryKeys().forEach((k, v) -> values.put(name + "." + k, v));
        String providerId = gateway.gateway();
        if (providerId != null && !TYPED_PROVIDERS.contains(providerId.trim())) {
            // another provider's keys (ServiceLoader finds providers this starter cannot know): the same keys, as a map
            Map<String, String> own = binder.bind(prefix(name) + "." + providerId.trim(), Bindable.mapOf(String.class, String.class))
                    .orElse(Map.of());
            own.forEach((k, v) -> values.put(name + "." + providerId.trim() + "." + k, v));
        }
        return new Values(values);
    }

    /** A configuration source whose {@code toString()} shows keys only. */
    private static final class Values implements ConfigSource {
        private final Map<String, Object> values;

        Values(Map<String, Object> values) {
            this.values = Map.copyOf(values);
        }

        @Override
        public Optional<String> get(String key) {
            Object value = values.get(key);
            return Optional.ofNullable(value instanceof Secret secret ? secret.reveal() : (String) value);
        }

        @Override
        public String toString() {
            return "ConfigSource" + values.keySet();
        }
    }

    /** The transport of a gateway opened only to be checked: it never sends. */
    private static final class NeverSends implements HttpTransport {
        static final NeverSends INSTANCE = new NeverSends();

        @Override
        public org.standalonecredit.api.transport.InboundResponse execute(org.standalonecredit.api.transport.OutboundRequest request)
                throws TransportFailure {
            throw new TransportFailure(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CLOSED,
                    "a gateway opened for a health check sends nothing", null);
        }

        @Override
        public void close() {
        }
    }
}
