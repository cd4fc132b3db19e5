package org.standalonecredit.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundWarmupTest {

    @Test
    void aNamedWarmupRunsOncePerJvmOffTheCallersThread() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Runnable task = () -> {
            if (Thread.currentThread() != caller && Thread.currentThread().isDaemon()) {
                runs.incrementAndGet();
            }
            ran.countDown();
        };
        BackgroundWarmup.start("test-once", task);
        BackgroundWarmup.start("test-once", task);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        Thread.sleep(50);
        assertEquals(1, runs.get());
    }

    @Test
    void aFailingWarmupIsIgnored() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        BackgroundWarmup.start("test-failing", () -> {
            ran.countDown();
            throw new IllegalStateException("nothing to see");
        });
        assertTrue(ran.await(5, TimeUnit.SECONDS), "ran, and its failure went nowhere");
    }
}
