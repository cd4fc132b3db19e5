package org.standalonecredit.api.spi;

import java.util.EnumSet;
import java.util.Set;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.SourceKind;

/** What a provider declares it can do; the library refuses anything else before sending. */
public record ProviderCapabilities(Set<SourceKind> sources, Set<FollowUp> followUps) {
    public ProviderCapabilities {
        sources = sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
        followUps = followUps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(followUps));
    }

    public boolean supports(SourceKind kind) {
        return sources.contains(kind);
    }

    public boolean supports(FollowUp followUp) {
        return followUps.contains(followUp);
    }
}
