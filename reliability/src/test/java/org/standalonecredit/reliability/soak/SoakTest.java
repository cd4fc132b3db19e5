package org.standalonecredit.reliability.soak;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.standalonecredit.reliability.support.ProviderUnderTest;

/**
 * The short soak of the default build: 300 credits from 8 callers through each provider with ~5 %
 * seeded faults. Same checks as the 10,000-credit {@link LongSoakTest}: no credit twice, every UNKNOWN
 * resolved by the follow-up, no leaked connection, thread or canary.
 */
class SoakTest {
    static final long SEED = 20_261_123L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.standalonecredit.reliability.support.ProviderUnderTest#all")
    void shortSoak(ProviderUnderTest provider) throws Exception {
        Soak.run(provider, 300, 8, SEED + provider.index());
    }
}
