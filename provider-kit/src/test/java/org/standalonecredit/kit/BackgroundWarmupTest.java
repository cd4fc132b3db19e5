package org.standalonecredit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundWarmupTest {

    @Test
    void aNamedWarmupIsLaunchedOncePerJvm() {
        List<Runnable> launched = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        BackgroundWarmup.start("test-once", runs::incrementAndGet, launched::add);
        BackgroundWarmup.start("test-once", runs::incrementAndGet, launched::add);
        assertEquals(1, launched.size(), "the second start of the same name launches nothing");
        launched.get(0).run();
        assertEquals(1, runs.get());
    }

    @Test
    void aFailingWarmupIsIgnored() {
        List<Runnable> launched = new ArrayList<>();
        BackgroundWarmup.start("test-failing", () -> {
            throw new IllegalStateException("nothing to see");
        }, launched::add);
        launched.get(0).run(); // does not throw: its failure goes nowhere
        BackgroundWarmup.start("test-no-thread", () -> { }, r -> {
            throw new IllegalStateException("no threads here");
        }); // a launcher that cannot start a thread is not the caller's problem either
    }

    @Test
    void theWarmupRunsOnADaemonThreadOffTheCallersThread() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicInteger offThread = new AtomicInteger();
        Thread caller = Thread.currentThread();
        BackgroundWarmup.start("test-thread", () -> {
            if (Thread.currentThread() != caller && Thread.currentThread().isDaemon()) {
                offThread.incrementAndGet();
            }
            ran.countDown();
        }, BackgroundWarmup::onDaemonThread);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertEquals(1, offThread.get());
    }

    @Test
    void byDefaultAWarmupRunsOnlyWhereACoreIsFreeForIt() {
        assertFalse(BackgroundWarmup.enabled(null, 1));
        assertFalse(BackgroundWarmup.enabled(null, 2), "two cores are busy with the opening thread and the TLS set-up");
        assertTrue(BackgroundWarmup.enabled(null, 3));
        assertTrue(BackgroundWarmup.enabled("", 8));
    }

    @Test
    void theSystemPropertyDecidesWhenSet() {
        assertTrue(BackgroundWarmup.enabled("true", 2));
        assertTrue(BackgroundWarmup.enabled(" TRUE ", 1));
        assertFalse(BackgroundWarmup.enabled("false", 16));
        assertFalse(BackgroundWarmup.enabled("False", 4));
    }
}
