package org.standalonecredit.commercehub;

import java.util.EnumSet;
import java.util.List;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.kit.json.JsonTrees;

/**
 * Fiserv Commerce Hub stand-alone credits ({@code POST /payments/v1/credits}, or open refunds on
 * {@code /payments/v1/refunds}). Configure with {@code <name>.gateway=commerce-hub} and the keys of
 * {@link #configurationKeys()} under {@code <name>.commerce-hub.}.
 */
public final class CommerceHubProvider implements CreditProvider {
    public static final String ID = "commerce-hub";
    static final ProviderCapabilities CAPABILITIES = new ProviderCapabilities(
            EnumSet.of(SourceKind.CARD, SourceKind.GATEWAY_TOKEN),
            EnumSet.of(FollowUp.VOID, FollowUp.TIMEOUT_VOID, FollowUp.STATUS_BY_GATEWAY_ID,
                    FollowUp.STATUS_BY_TRANSACTION_ID, FollowUp.STATUS_BY_IDEMPOTENCY_KEY));
    /**
     * The one JSON configuration of this provider: trees only (no data binding, so no polymorphic typing),
     * decimals kept exactly ("12.00" stays 12.00, never a double), strict on what a response may be
     * (nothing after the root value, no key twice), decimals written without an exponent.
     */
    static final JsonTrees JSON = JsonTrees.builder().strictDuplicates().bigDecimalAsPlain().build();

    /** For {@link java.util.ServiceLoader}. */
    public CommerceHubProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Fiserv Commerce Hub";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<String> configurationKeys() {
        return CommerceHubSettings.KEYS;
    }

    @Override
    public CreditGateway create(ProviderContext context) {
        CommerceHubSettings settings = CommerceHubSettings.read(context.settings());
        context.settings().throwIfInvalid();
        return new CommerceHubGateway(context, settings);
    }
}
