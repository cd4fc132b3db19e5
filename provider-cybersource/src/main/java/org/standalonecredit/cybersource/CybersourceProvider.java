package org.standalonecredit.cybersource;

import java.util.List;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.kit.json.JsonTrees;

/**
 * Cybersource REST stand-alone credits. Configuration under {@code <name>.cybersource.}:
 * {@code merchant-id}, {@code key-id}, {@code secret-key}, {@code environment}
 * ({@code test} (default), {@code production}, {@code production-india}, {@code production-saudi-arabia},
 * {@code test-saudi-arabia}) and {@code base-url} (overrides the environment).
 */
public final class CybersourceProvider implements CreditProvider {
    public static final String ID = "cybersource";
    /**
     * The one JSON configuration of the Cybersource family: trees only, exact decimals, nothing after the root
     * value, and no key twice in one object (an answer saying {@code "status"} twice cannot be read, rather
     * than the last winning).
     */
    static final JsonTrees JSON = JsonTrees.builder().strictDuplicates().build();

    /** For {@link java.util.ServiceLoader}. */
    public CybersourceProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Cybersource";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CybersourceFamilyGateway.CAPABILITIES;
    }

    @Override
    public List<String> configurationKeys() {
        return CybersourceSettings.KEYS;
    }

    @Override
    public CreditGateway create(ProviderContext context) {
        CybersourceSettings settings = CybersourceSettings.read(context.settings(), HostTable.CYBERSOURCE);
        context.settings().throwIfInvalid();
        return new CybersourceFamilyGateway(ID, CybersourceFamilyGateway.CAPABILITIES, settings, CreditRule.NONE, context);
    }
}
