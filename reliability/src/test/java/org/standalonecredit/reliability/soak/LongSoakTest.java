package org.standalonecredit.reliability.soak;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.standalonecredit.testkit.reliability.Soak;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * The soak proper, tagged {@code soak} and so left out of the default build: run it with
 * {@code mvn -B -o verify -pl reliability -Psoak}. 10,000 credits from 32 callers through each
 * provider; {@code -Dsoak.credits}, {@code -Dsoak.callers} and {@code -Dsoak.seed} change the run.
 */
@Tag("soak")
class LongSoakTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void soak(ProviderUnderTest provider) throws Exception {
        int credits = Integer.getInteger("soak.credits", 10_000);
        int callers = Integer.getInteger("soak.callers", 32);
        long seed = Long.getLong("soak.seed", SoakTest.SEED);
        Soak.of(provider.subject()).credits(credits).callers(callers).seed(seed + provider.index()).withLogScan().run();
    }
}
