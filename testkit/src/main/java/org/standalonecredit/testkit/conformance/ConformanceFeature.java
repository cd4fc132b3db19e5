package org.standalonecredit.testkit.conformance;

import java.util.EnumSet;
import java.util.Set;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.spi.ProviderCapabilities;

/**
 * What a subject's provider does, so the suite runs the checks that apply and skips the others with a reason.
 * By default {@link #derive derived} from the provider's declared capabilities and
 * {@link ConformanceSubject#gatewayDeduplicates()}; {@link ConformanceSuite#withFeatures} states them instead.
 */
public enum ConformanceFeature {
    /** Accepts card numbers ({@link SourceKind#CARD}): the leak check then also feeds a canary card. */
    CARD_SOURCE,
    /** The gateway deduplicates a re-sent request by its idempotency key. */
    DEDUPLICATION,
    /** Declares a void ({@link FollowUp#VOID} or {@link FollowUp#TIMEOUT_VOID}). */
    VOID,
    /** Declares at least one status look-up ({@code STATUS_BY_*}). */
    STATUS_LOOKUP;

    /** The features a provider with these capabilities has. */
    public static Set<ConformanceFeature> derive(ProviderCapabilities capabilities, boolean gatewayDeduplicates) {
        Set<ConformanceFeature> features = EnumSet.noneOf(ConformanceFeature.class);
        if (capabilities.supports(SourceKind.CARD)) {
            features.add(CARD_SOURCE);
        }
        if (gatewayDeduplicates) {
            features.add(DEDUPLICATION);
        }
        if (capabilities.supports(FollowUp.VOID) || capabilities.supports(FollowUp.TIMEOUT_VOID)) {
            features.add(VOID);
        }
        if (capabilities.followUps().stream().anyMatch(f -> f.name().startsWith("STATUS_"))) {
            features.add(STATUS_LOOKUP);
        }
        return features;
    }
}
