package org.standalonecredit.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void thePauseIsLinearInTheAttemptNumber() {
        RetryPolicy policy = new RetryPolicy(3, 2, Duration.ofMillis(200));
        assertEquals(Duration.ZERO, policy.pauseBefore(1));
        assertEquals(Duration.ofMillis(200), policy.pauseBefore(2));
        assertEquals(Duration.ofMillis(400), policy.pauseBefore(3));
    }

    /**
     * The pause is computed after a credit was sent: an overflow there must saturate, not throw, at a
     * ceiling that still converts to nanoseconds and can be added to an elapsed time.
     */
    @Test
    void aPauseTooLargeToComputeSaturatesInsteadOfThrowing() {
        Duration ceiling = Duration.ofNanos(Long.MAX_VALUE);
        RetryPolicy huge = new RetryPolicy(10, 5, Duration.ofSeconds(Long.MAX_VALUE));
        assertEquals(ceiling, huge.pauseBefore(2));
        assertEquals(ceiling, huge.pauseBefore(10));
        assertEquals(ceiling, huge.pauseBefore(Integer.MAX_VALUE));
        assertEquals(ceiling, new RetryPolicy(3, 2, Duration.ofDays(365)).pauseBefore(Integer.MAX_VALUE));
        assertEquals(Duration.ofDays(365 * 9), new RetryPolicy(3, 2, Duration.ofDays(365)).pauseBefore(10));
    }

    @Test
    void aNegativeBackoffIsRefusedWhenThePolicyIsMadeNotWhenItIsUsed() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, 2, Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> new RetryPolicy(3, 2, null));
    }
}
