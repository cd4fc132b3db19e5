package org.standalonecredit.visaacceptance;

import java.util.ArrayList;
import java.util.List;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.cybersource.CreditRule;
import org.standalonecredit.cybersource.CybersourceGateway;
import org.standalonecredit.cybersource.CybersourceProvider;
import org.standalonecredit.cybersource.CybersourceSettings;
import org.standalonecredit.cybersource.HostTable;

/**
 * Visa Acceptance: the Cybersource REST API on {@code apitest.visaacceptance.com} /
 * {@code api.visaacceptance.com}. Configuration under {@code <name>.visa-acceptance.}: the Cybersource keys
 * ({@code merchant-id}, {@code key-id}, {@code secret-key}, {@code environment} = {@code test} (default) or
 * {@code production}, {@code base-url}) and {@code mass-transit} (default {@code true}): when on, the
 * mass-transit rules of {@link MassTransitRule} are checked before every credit.
 */
public final class VisaAcceptanceProvider implements CreditProvider {
    public static final String ID = "visa-acceptance";
    public static final String MASS_TRANSIT = "mass-transit";
    public static final HostTable HOSTS = HostTable.withDefault("test", "apitest.visaacceptance.com")
            .and("production", "api.visaacceptance.com");

    /** For {@link java.util.ServiceLoader}. */
    public VisaAcceptanceProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Visa Acceptance";
    }

    /** What a gateway with {@code mass-transit=true} accepts: an instrument identifier token only. */
    public static final ProviderCapabilities MASS_TRANSIT_CAPABILITIES = new ProviderCapabilities(
            java.util.EnumSet.of(org.standalonecredit.api.SourceKind.INSTRUMENT_IDENTIFIER_TOKEN),
            CybersourceProvider.CAPABILITIES.followUps());

    /**
     * The Cybersource API's, all of which a gateway with {@code mass-transit=false} accepts; with mass
     * transit on, the gateway's own {@code capabilities()} narrow to {@link #MASS_TRANSIT_CAPABILITIES}.
     */
    @Override
    public ProviderCapabilities capabilities() {
        return CybersourceProvider.CAPABILITIES;
    }

    @Override
    public List<String> configurationKeys() {
        List<String> keys = new ArrayList<>(CybersourceSettings.KEYS);
        keys.add(MASS_TRANSIT);
        return List.copyOf(keys);
    }

    @Override
    public CreditGateway create(ProviderContext context) {
        CybersourceSettings settings = CybersourceSettings.read(context.settings(), HOSTS, context.clock());
        boolean massTransit = context.settings().flag(MASS_TRANSIT, true);
        context.settings().throwIfInvalid();
        return massTransit
                ? new CybersourceGateway(ID, MASS_TRANSIT_CAPABILITIES, settings, MassTransitRule.INSTANCE, context)
                : new CybersourceGateway(ID, CybersourceProvider.CAPABILITIES, settings, CreditRule.NONE, context);
    }
}
