package org.standalonecredit.api.spi;

import java.time.Duration;
import java.util.Objects;
import org.standalonecredit.api.config.GatewaySettings;

/**
 * How often the library may try an operation. A request that was never sent may always be tried
 * again up to {@code maxAttempts}; a request that was sent is re-sent only by a provider whose
 * gateway deduplicates it (Commerce Hub's Client-Request-Id), and at most {@code maxResendsAfterSent} times.
 * Read from {@code <name>.retry.max-attempts} (1..10), {@code .max-resends-after-sent} (0..5), {@code .backoff} (1ms..1m).
 */
public record RetryPolicy(int maxAttempts, int maxResendsAfterSent, Duration backoff) {
    /** The longest pause {@link #pauseBefore} returns: its nanoseconds still fit a long. */
    private static final Duration MAX_PAUSE = Duration.ofNanos(Long.MAX_VALUE);

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative: " + backoff);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, 2, Duration.ofMillis(200));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, 0, Duration.ZERO);
    }

    public static RetryPolicy from(GatewaySettings retry) {
        RetryPolicy d = defaults();
        return new RetryPolicy(retry.integer("max-attempts", d.maxAttempts(), 1, 10),
                retry.integer("max-resends-after-sent", d.maxResendsAfterSent(), 0, 5),
                retry.duration("backoff", d.backoff(), Duration.ofMillis(1), Duration.ofMinutes(1)));
    }

    /**
     * The pause before attempt {@code attempt} (2, 3, ...): linear in the attempt number. Called after a
     * request may have been sent, so it never throws: a pause too large to compute is {@link #MAX_PAUSE}.
     */
    public Duration pauseBefore(int attempt) {
        long times = Math.max(0, attempt - 1L);
        if (times == 0 || backoff.isZero()) {
            return Duration.ZERO;
        }
        return backoff.compareTo(MAX_PAUSE.dividedBy(times)) > 0 ? MAX_PAUSE : backoff.multipliedBy(times);
    }
}
