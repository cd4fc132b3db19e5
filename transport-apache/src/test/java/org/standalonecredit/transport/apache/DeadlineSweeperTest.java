package org.standalonecredit.transport.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineSweeperTest {
    private static final String NAME = "deadline-sweeper-test";
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    /** The sweeper's time, moved only by the tests that use it. */
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final DeadlineSweeper sweeper = new DeadlineSweeper(Duration.ofMillis(100), NAME, now::get);

    @AfterEach
    void close() throws InterruptedException {
        sweeper.close();
        Thread t = thread();
        if (t != null) {
            t.join(5_000);
            assertFalse(t.isAlive(), "the sweeper thread ends when closed");
        }
    }

    @Test
    void anExchangeStillRunningAtItsDeadlineIsAbortedOnce() {
        AtomicInteger aborts = new AtomicInteger();
        DeadlineSweeper.Watch watch = sweeper.watch(Duration.ofMillis(20), aborts::incrementAndGet);

        sweeper.sweep(now.get() + 19 * MS);
        assertEquals(0, aborts.get(), "not before its deadline");
        assertFalse(watch.expired());
        sweeper.sweep(now.get() + 20 * MS);
        sweeper.sweep(now.get() + 40 * MS);
        assertEquals(1, aborts.get(), "at its deadline, and only once");
        assertTrue(watch.expired());
        watch.finish();
        assertEquals(0, sweeper.inFlight());
    }

    @Test
    void anExchangeFinishedInTimeIsNeverAborted() {
        AtomicInteger aborts = new AtomicInteger();
        DeadlineSweeper.Watch watch = sweeper.watch(Duration.ofMillis(30), aborts::incrementAndGet);
        watch.finish();
        sweeper.sweep(now.get() + 60 * MS);
        assertEquals(0, aborts.get());
        assertFalse(watch.expired());
        assertEquals(0, sweeper.inFlight());
    }

    @Test
    void finishWaitsForAnAbortInProgress() throws InterruptedException {
        CountDownLatch abortStarted = new CountDownLatch(1);
        CountDownLatch releaseAbort = new CountDownLatch(1);
        AtomicInteger abortDone = new AtomicInteger();
        DeadlineSweeper.Watch watch = sweeper.watch(Duration.ofMillis(10), () -> {
            abortStarted.countDown();
            try {
                releaseAbort.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            abortDone.set(1);
        });
        Thread sweeping = new Thread(() -> sweeper.sweep(now.get() + 10 * MS));
        sweeping.start();
        assertTrue(abortStarted.await(5, TimeUnit.SECONDS));
        Thread finisher = new Thread(watch::finish);
        finisher.start();
        awaitUntil(() -> finisher.getState() == Thread.State.TIMED_WAITING || !finisher.isAlive());
        assertTrue(finisher.isAlive(), "finish() must not return while the connection is being dropped");
        releaseAbort.countDown();
        finisher.join(5_000);
        sweeping.join(5_000);
        assertFalse(finisher.isAlive());
        assertEquals(1, abortDone.get());
    }

    @Test
    void theSweeperThreadAbortsOnItsOwnAndParksWhenIdleUntilTheNextExchange() throws InterruptedException {
        DeadlineSweeper real = new DeadlineSweeper(Duration.ofMillis(100), NAME + "-real");
        try {
            real.watch(Duration.ofSeconds(10), () -> { }).finish();
            Thread t = Thread.getAllStackTraces().keySet().stream().filter(x -> x.getName().equals(NAME + "-real")).findFirst().orElseThrow();
            awaitUntil(() -> t.getState() == Thread.State.WAITING);
            assertEquals(Thread.State.WAITING, t.getState(), "an idle sweeper parks without a timeout");

            CountDownLatch aborted = new CountDownLatch(1);
            real.watch(Duration.ofMillis(20), aborted::countDown);
            assertTrue(aborted.await(5, TimeUnit.SECONDS), "a parked sweeper wakes for a new exchange and aborts it at its deadline");
        } finally {
            real.close();
        }
    }

    @Test
    void theTickIsATwentiethOfTheDeadlineBetween5And100Ms() {
        assertEquals(5 * MS, DeadlineSweeper.tickFor(Duration.ofMillis(40)));
        assertEquals(25 * MS, DeadlineSweeper.tickFor(Duration.ofMillis(500)));
        assertEquals(100 * MS, DeadlineSweeper.tickFor(Duration.ofSeconds(60)));
    }

    /** Polls a condition for up to 5 s (other threads' states cannot be awaited any other way). */
    private static void awaitUntil(BooleanSupplier condition) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            LockSupport.parkNanos(MS);
        }
    }

    private static Thread thread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(NAME)).findFirst().orElse(null);
    }
}
