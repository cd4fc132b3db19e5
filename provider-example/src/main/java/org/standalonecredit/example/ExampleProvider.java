package org.standalonecredit.example;

import java.util.EnumSet;
import java.util.List;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.ProviderContext;

/**
 * ExamplePay, a made-up JSON gateway: the provider a third-party author copies. Found through
 * {@code META-INF/services} (and {@code provides} in {@code module-info.java}) under the id {@value #ID}.
 *
 * <p>It declares only what it does: card credits, no void and no status look-up, so it writes neither
 * (the kit refuses undeclared follow-ups).
 */
public final class ExampleProvider implements CreditProvider {
    public static final String ID = "example-pay";
    static final ProviderCapabilities CAPABILITIES = new ProviderCapabilities(EnumSet.of(SourceKind.CARD), EnumSet.noneOf(FollowUp.class));

    /** The instance ServiceLoader makes. */
    public ExampleProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "ExamplePay (example provider)";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<String> configurationKeys() {
        return ExampleSettings.KEYS;
    }

    @Override
    public CreditGateway create(ProviderContext context) {
        return new ExampleGateway(context, ExampleSettings.read(context.settings()));
    }
}
