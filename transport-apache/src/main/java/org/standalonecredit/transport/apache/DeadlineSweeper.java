package org.standalonecredit.transport.apache;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Aborts exchanges still running at their deadline. One daemon thread looks over the exchanges in
 * flight every tick, instead of a timer task per exchange: scheduling and cancelling a task woke the
 * timer thread on almost every request, which cost more CPU than the rest of the transport's own work.
 * An exchange is aborted at most one tick after its deadline. The thread starts with the first exchange,
 * parks while nothing is in flight, and ends on {@link #close()}.
 */
final class DeadlineSweeper implements AutoCloseable {
    private static final long IDLE_TICKS_BEFORE_PARKING = 20;

    private final Set<Watch> inFlight = ConcurrentHashMap.newKeySet();
    private final long tickNanos;
    private final String threadName;
    private final LongSupplier nanoTime;
    private volatile Thread thread;
    private volatile boolean parked;
    private volatile boolean closed;

    DeadlineSweeper(Duration deadline, String threadName) {
        this(deadline, threadName, System::nanoTime);
    }

    /** With the time source the deadlines are measured on (tests drive {@link #sweep(long)} with their own). */
    DeadlineSweeper(Duration deadline, String threadName, LongSupplier nanoTime) {
        this.tickNanos = tickFor(deadline);
        this.threadName = threadName;
        this.nanoTime = nanoTime;
    }

    /** A twentieth of the deadline, between 5 and 100 ms. */
    static long tickFor(Duration deadline) {
        long twentieth = deadline.toNanos() / 20;
        return Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(TimeUnit.MILLISECONDS.toNanos(100), twentieth));
    }

    /** Watches an exchange from now until {@link Watch#finish()}; {@code abort} runs once if the deadline passes first. */
    Watch watch(Duration deadline, Runnable abort) {
        Watch w = new Watch(nanoTime.getAsLong() + deadline.toNanos(), abort);
        inFlight.add(w);
        Thread t = thread;
        if (t == null) {
            t = start();
        }
        if (parked) {
            LockSupport.unpark(t);
        }
        return w;
    }

    private synchronized Thread start() {
        if (thread == null) {
            Thread t = new Thread(this::run, threadName);
            t.setDaemon(true);
            thread = t;
            if (!closed) {
                t.start();
            }
        }
        return thread;
    }

    private void run() {
        long idleTicks = 0;
        while (!closed) {
            if (inFlight.isEmpty() && ++idleTicks >= IDLE_TICKS_BEFORE_PARKING) {
                parked = true;
                if (inFlight.isEmpty() && !closed) { // re-check after publishing: watch() unparks if it saw parked
                    LockSupport.park(this);
                }
                parked = false;
                idleTicks = 0;
                continue;
            }
            if (!inFlight.isEmpty()) {
                idleTicks = 0;
            }
            LockSupport.parkNanos(this, tickNanos);
            sweep(nanoTime.getAsLong());
        }
    }

    /** Aborts every exchange in flight whose deadline is at or before {@code now}. */
    void sweep(long now) {
        for (Watch w : inFlight) {
            if (now - w.deadlineNanos >= 0) {
                w.expire();
            }
        }
    }

    int inFlight() {
        return inFlight.size();
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** One exchange under watch. */
    final class Watch {
        private static final int RUNNING = 0;
        private static final int EXPIRING = 1;
        private static final int EXPIRED = 2;
        private static final int FINISHED = 3;

        private final long deadlineNanos;
        private final Runnable abort;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Watch(long deadlineNanos, Runnable abort) {
            this.deadlineNanos = deadlineNanos;
            this.abort = abort;
        }

        /** True once the deadline passed and the exchange was (or is being) aborted. */
        boolean expired() {
            int s = state.get();
            return s == EXPIRING || s == EXPIRED;
        }

        private void expire() {
            if (!state.compareAndSet(RUNNING, EXPIRING)) {
                return;
            }
            try {
                abort.run();
            } catch (RuntimeException e) {
                // the exchange is over for its caller either way
            } finally {
                synchronized (this) {
                    state.set(EXPIRED);
                    notifyAll();
                }
            }
        }

        /**
         * Ends the watch. If the sweeper is aborting the exchange, waits (up to 5 s) for the abort to finish:
         * it gives the connection back to the pool, which must happen before the caller moves on.
         */
        void finish() {
            inFlight.remove(this);
            if (state.compareAndSet(RUNNING, FINISHED)) {
                return;
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean interrupted = false;
            synchronized (this) {
                while (state.get() == EXPIRING) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
