package org.standalonecredit.api.spi;

import java.util.List;
import org.standalonecredit.api.CreditGateway;

/**
 * A gateway integration, found with {@link java.util.ServiceLoader}. Register an implementation in
 * {@code META-INF/services/org.standalonecredit.api.spi.CreditProvider} (and with {@code provides}
 * in a module-info); the api module needs no change. Implementations must have a public no-arg
 * constructor and be cheap to instantiate: all work happens in {@link #create(ProviderContext)}.
 */
public interface CreditProvider {

    /** The id used in configuration ({@code credit.gateway=<id>}): lower-case letters, digits and '-'. */
    String id();

    String displayName();

    ProviderCapabilities capabilities();

    /** The configuration keys this provider reads, relative to {@code <name>.<id>.}, for documentation and tools. */
    default List<String> configurationKeys() {
        return List.of();
    }

    /**
     * Creates a gateway from configuration. Read every key from {@link ProviderContext#settings()},
     * then call {@code context.settings().throwIfInvalid()} so that all problems are listed at once.
     */
    CreditGateway create(ProviderContext context);
}
