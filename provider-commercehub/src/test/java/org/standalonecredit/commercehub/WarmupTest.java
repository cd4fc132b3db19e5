package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/** The warm-up swallows its failures at run time, so this is where a sample that stopped being valid shows. */
class WarmupTest {
    @Test
    void theWarmupsMadeUpCreditStillBuildsSignsAndReads() {
        assertDoesNotThrow(() -> Warmup.run(CommerceHubRequestsTest.settings(true, java.util.Optional.empty())));
    }
}
