package org.standalonecredit.kit;

import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.CreditProvider;
import java.util.EnumSet;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.SourceKind;

/** A second test-only provider, to show discovery finds several. */
public class OtherSampleProvider implements CreditProvider {
    @Override
    public String id() {
        return "other-sample";
    }

    @Override
    public String displayName() {
        return "Other sample";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(EnumSet.of(SourceKind.GATEWAY_TOKEN), EnumSet.noneOf(org.standalonecredit.api.FollowUp.class));
    }

    @Override
    public CreditGateway create(ProviderContext context) {
        context.settings().required("token");
        context.settings().throwIfInvalid();
        throw new UnsupportedOperationException("never created in these tests");
    }
}
