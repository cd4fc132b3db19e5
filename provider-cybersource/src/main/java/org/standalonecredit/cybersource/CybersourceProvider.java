package org.standalonecredit.cybersource;

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
 * Cybersource REST stand-alone credits. Configuration under {@code <name>.cybersource.}, as
 * {@link CybersourceSettings} reads it: {@code merchant-id}, {@code authentication} ({@code jwt} (default),
 * {@code jwt-p12}, {@code http-signature}) with its credentials, {@code mle.*}, {@code environment}
 * ({@code test} (default), {@code production}, {@code production-india}, {@code production-saudi-arabia},
 * {@code test-saudi-arabia}) and {@code base-url} (overrides the environment).
 */
public final class CybersourceProvider implements CreditProvider {
    public static final String ID = "cybersource";
    /** What the Cybersource credit API can do; GatewayToken (TransArmor and the like) is not one of them. */
    public static final ProviderCapabilities CAPABILITIES = new ProviderCapabilities(
            EnumSet.of(SourceKind.CUSTOMER_TOKEN, SourceKind.PAYMENT_INSTRUMENT_TOKEN, SourceKind.INSTRUMENT_IDENTIFIER_TOKEN, SourceKind.CARD),
            EnumSet.of(FollowUp.VOID, FollowUp.TIMEOUT_VOID, FollowUp.STATUS_BY_GATEWAY_ID,
                    FollowUp.STATUS_BY_MERCHANT_REFERENCE, FollowUp.STATUS_BY_TRANSACTION_ID));
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
        return CAPABILITIES;
    }

    @Override
    public List<String> configurationKeys() {
        return CybersourceSettings.KEYS;
    }

    @Override
    public CreditGateway create(ProviderContext context) {
        CybersourceSettings settings = CybersourceSettings.read(context.settings(), HostTable.CYBERSOURCE, context.clock());
        context.settings().throwIfInvalid();
        return new CybersourceGateway(ID, CAPABILITIES, settings, CreditRule.NONE, context);
    }
}
