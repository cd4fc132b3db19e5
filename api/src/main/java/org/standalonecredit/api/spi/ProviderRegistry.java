package org.standalonecredit.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.DuplicateProviderException;
import org.standalonecredit.api.UnknownProviderException;
import org.standalonecredit.api.config.BaseUrls;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.JournalSelection;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.transport.TransportSettings;

/**
 * The providers found with {@link ServiceLoader}, by id, and the factory that turns configuration
 * into a gateway. Immutable; holds no global state, so several registries and gateways coexist.
 *
 * <p>Configuration under a gateway name {@code N} (e.g. "credit"): {@code N.gateway} is the provider
 * id; the provider reads {@code N.<id>.*} (its base-URL override at {@code N.<id>.base-url}); the transport
 * reads {@code N.http.*}; retries {@code N.retry.*}; the credit journal {@code N.journal.*}. Every gateway
 * it creates records its credits in a journal ({@link JournaledCreditGateway}).
 */
public final class ProviderRegistry {
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9\\-]*";
    /** The key, under {@code N.<id>.}, at which every provider reads its base-URL override. */
    private static final String BASE_URL = "base-url";
    private final Map<String, CreditProvider> byId;

    private ProviderRegistry(Map<String, CreditProvider> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Providers visible to the thread's context class loader (or this class's loader). */
    public static ProviderRegistry load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : ProviderRegistry.class.getClassLoader());
    }

    public static ProviderRegistry load(ClassLoader loader) {
        List<CreditProvider> found = new ArrayList<>();
        ServiceLoader.load(CreditProvider.class, loader).forEach(found::add);
        return of(found);
    }

    /** A registry of the given providers; rejects two with one id. */
    public static ProviderRegistry of(List<CreditProvider> providers) {
        Map<String, CreditProvider> map = new LinkedHashMap<>();
        for (CreditProvider p : providers) {
            if (p.id() == null || !p.id().matches(ID_PATTERN)) {
                throw new IllegalArgumentException("provider " + p.getClass().getName() + " has an invalid id: " + p.id());
            }
            CreditProvider previous = map.putIfAbsent(p.id(), p);
            if (previous != null) {
                throw new DuplicateProviderException(p.id(), previous.getClass().getName(), p.getClass().getName());
            }
        }
        return new ProviderRegistry(map);
    }

    public List<CreditProvider> providers() {
        return List.copyOf(byId.values());
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    public CreditProvider get(String id) {
        CreditProvider p = byId.get(id);
        if (p == null) {
            throw new UnknownProviderException(id, byId.keySet());
        }
        return p;
    }

    /** Creates the gateway configured under {@code name}. */
    public CreditGateway create(ConfigSource config, String name) {
        return create(config, name, GatewayOptions.defaults());
    }

    public CreditGateway create(ConfigSource config, String name, GatewayOptions options) {
        GatewaySettings root = GatewaySettings.of(config, name);
        String id = root.required("gateway");
        if (id == null) {
            root.throwIfInvalid();
        }
        CreditProvider provider = get(id);
        GatewaySettings http = root.scope("http");
        TransportSettings transport = TransportSettings.from(http);
        checkPlainHttpStaysLocal(root.scope(id), http, transport);
        RetryPolicy retry = RetryPolicy.from(root.scope("retry"));
        JournalSelection journal = JournalSelection.select(options.journal(), root.scope("journal"), loader());
        if (journal == null) {
            root.throwIfInvalid();
        }
        ProviderContext context = new ProviderContext(name, id, root.scope(id), transport, retry, options);
        CreditGateway gateway;
        try {
            gateway = provider.create(context);
        } catch (RuntimeException e) {
            closeQuietly(journal, e);
            throw e;
        }
        CreditGateway journaled = JournaledCreditGateway.wrap(gateway, journal.journal(), journal.owned(), name, options.clock(),
                options.listener());
        try {
            root.throwIfInvalid(); // problems outside the provider's keys (http.*, retry.*) and any it did not throw itself
        } catch (RuntimeException e) {
            closeQuietly(journaled, e); // it may already hold a connection pool and threads
            throw e;
        }
        return journaled;
    }

    private static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ProviderRegistry.class.getClassLoader();
    }

    private static void closeQuietly(JournalSelection journal, RuntimeException cause) {
        if (journal.owned()) {
            try {
                journal.journal().close();
            } catch (RuntimeException closing) {
                cause.addSuppressed(closing);
            }
        }
    }

    /**
     * Checked here, before the provider runs, because only the registry knows both the proxy and the
     * provider's {@code base-url}: every provider gets the rule without calling anything, and one that
     * validates its own keys sees the problem in the shared list.
     */
    private static void checkPlainHttpStaysLocal(GatewaySettings provider, GatewaySettings http, TransportSettings transport) {
        Optional<String> proxyHost = transport.proxyHost();
        Optional<String> baseUrl = provider.optional(BASE_URL);
        if (proxyHost.isPresent() && baseUrl.isPresent()) {
            BaseUrls.proxyProblem(baseUrl.get(), provider.key(BASE_URL), proxyHost.get()).ifPresent(p -> http.problem("proxy", p));
        }
    }

    private static void closeQuietly(CreditGateway gateway, RuntimeException cause) {
        try {
            gateway.close();
        } catch (RuntimeException closing) {
            cause.addSuppressed(closing);
        }
    }
}
