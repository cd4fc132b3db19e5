package org.standalonecredit.api.spi;

import java.time.Duration;

/** Pauses between attempts; injected so tests never really sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
