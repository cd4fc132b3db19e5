package org.standalonecredit.testkit.reliability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.standalonecredit.api.spi.Sleeper;

/** A sleeper that does not pause but counts the pauses asked for (the matrix needs no real backoff). */
final class CountingSleeper implements Sleeper {
    private final AtomicInteger pauses = new AtomicInteger();

    @Override
    public void sleep(Duration duration) {
        pauses.incrementAndGet();
    }

    public int pauses() {
        return pauses.get();
    }
}
