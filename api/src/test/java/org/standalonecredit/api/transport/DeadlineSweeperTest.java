package org.standalonecredit.api.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineSweeperTest {
    private static final String NAME = "deadline-sweeper-test";
    private final DeadlineSweeper sweeper = new DeadlineSweeper(Duration.ofMillis(100), NAME);

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
    void anExchangeStillRunningAtItsDeadlineIsAbortedOnce() throws InterruptedException {
        CountDownLatch aborted = new CountDownLatch(1);
        AtomicInteger aborts = new AtomicInteger();
        DeadlineSweeper.Watch watch = sweeper.watch(Duration.ofMillis(20), () -> {
            aborts.incrementAndGet();
            aborted.countDown();
        });

        assertTrue(aborted.await(5, TimeUnit.SECONDS), "aborted after its deadline");
        assertTrue(watch.expired());
        watch.finish();
        Thread.sleep(50); // several ticks: an expired exchange is not aborted again
        assertEquals(1, aborts.get());
        assertEquals(0, sweeper.inFlight());
    }

    @Test
    void anExchangeFinishedInTimeIsNeverAborted() throws InterruptedException {
        AtomicInteger aborts = new AtomicInteger();
        DeadlineSweeper.Watch watch = sweeper.watch(Duration.ofMillis(30), aborts::incrementAndGet);
        watch.finish();
        Thread.sleep(100);
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
        assertTrue(abortStarted.await(5, TimeUnit.SECONDS));
        Thread finisher = new Thread(watch::finish);
        finisher.start();
        finisher.join(100);
        assertTrue(finisher.isAlive(), "finish() must not return while the connection is being dropped");
        releaseAbort.countDown();
        finisher.join(5_000);
        assertFalse(finisher.isAlive());
        assertEquals(1, abortDone.get());
    }

    @Test
    void anIdleSweeperStillWakesForANewExchange() throws InterruptedException {
        sweeper.watch(Duration.ofSeconds(10), () -> { }).finish();
        Thread t = thread();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < until) {
            Thread.sleep(10); // idle long enough to park without a timeout
        }
        assertEquals(Thread.State.WAITING, t.getState(), "an idle sweeper parks");

        CountDownLatch aborted = new CountDownLatch(1);
        sweeper.watch(Duration.ofMillis(20), aborted::countDown);
        assertTrue(aborted.await(5, TimeUnit.SECONDS), "a parked sweeper wakes for a new exchange");
    }

    @Test
    void theTickIsATwentiethOfTheDeadlineBetween5And100Ms() {
        assertEquals(TimeUnit.MILLISECONDS.toNanos(5), DeadlineSweeper.tickFor(Duration.ofMillis(40)));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(25), DeadlineSweeper.tickFor(Duration.ofMillis(500)));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(100), DeadlineSweeper.tickFor(Duration.ofSeconds(60)));
    }

    private static Thread thread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(NAME)).findFirst().orElse(null);
    }
}
