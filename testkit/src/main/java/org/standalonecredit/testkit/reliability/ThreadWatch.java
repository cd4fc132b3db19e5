package org.standalonecredit.testkit.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Notes the live threads at a start point; afterwards, once everything started since has been
 * closed, says which new threads are still alive. Threads that are already ending are given a
 * bounded {@link Thread#join} to finish (a wait on the thread, not a sleep).
 */
final class ThreadWatch {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Set<Thread> before;
    private final int countBefore;

    private ThreadWatch() {
        this.before = Thread.getAllStackTraces().keySet();
        this.countBefore = before.size();
    }

    public static ThreadWatch start() {
        return new ThreadWatch();
    }

    public int countBefore() {
        return countBefore;
    }

    /** Names of threads started since {@link #start()} that are still alive after a grace period. */
    public List<String> leaked() throws InterruptedException {
        long deadline = System.nanoTime() + GRACE.toNanos();
        List<String> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (before.contains(t)) {
                continue;
            }
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            t.join(left);
            if (t.isAlive()) {
                alive.add(t.getName());
            }
        }
        return alive;
    }
}
