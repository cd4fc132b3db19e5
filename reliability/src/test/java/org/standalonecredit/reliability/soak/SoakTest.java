package org.standalonecredit.reliability.soak;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.standalonecredit.testkit.reliability.Soak;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * The short soak of the default build: the testkit's soak, 300 credits from 8 callers through each provider with
 * ~5 % seeded faults. Same checks as the 10,000-credit {@link LongSoakTest}: no credit twice, every UNKNOWN
 * resolved by the follow-up, no leaked connection, thread or canary.
 */
class SoakTest {
    static final long SEED = 20_261_123L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void shortSoak(ProviderUnderTest provider) throws Exception {
        Soak.of(provider.subject()).credits(300).callers(8).seed(SEED + provider.index()).withLogScan().run();
    }
}
