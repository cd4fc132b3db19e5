package org.standalonecredit.api.spi;

import java.time.Duration;
import org.standalonecredit.api.config.GatewaySettings;

/**
 * How often the library may try an operation. A request that was never sent may always be tried
 * again up to {@code maxAttempts}; a request that was sent is re-sent only by a provider whose
 * gateway deduplicates it (Commerce Hub's Client-Request-Id), and at most {@code maxResendsAfterSent} times.
 * Read from {@code <name>.retry.max-attempts}, {@code .max-resends-after-sent}, {@code .backoff}.
 */
public record RetryPolicy(int maxAttempts, int maxResendsAfterSent, Duration backoff) {

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
                retry.duration("backoff", d.backoff()));
    }

    /** The pause before attempt {@code attempt} (2, 3, ...): linear in the attempt number. */
    public Duration pauseBefore(int attempt) {
        return backoff.multipliedBy(Math.max(0, attempt - 1));
    }
}
