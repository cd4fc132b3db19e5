package org.standalonecredit.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The credits a simulator accepted, in order. Thread-safe. A credit is recorded once, when the simulator
 * processes it, even if the answer is then lost (time-out, dropped connection): tests use the ledger to prove
 * a client never credits twice.
 */
public final class Ledger {
    private final List<LedgerEntry> entries = new ArrayList<>();

    /** Records an accepted credit. */
    public synchronized void record(LedgerEntry entry) {
        entries.add(entry);
        notifyAll();
    }

    /**
     * Marks the credit with the given gateway id as voided (the entry stays).
     *
     * @return whether an entry was found
     */
    public synchronized boolean markVoided(String gatewayTransactionId) {
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            if (e.gatewayTransactionId().equals(gatewayTransactionId)) {
                entries.set(i, e.withVoided(true));
                return true;
            }
        }
        return false;
    }

    /** Number of credits recorded (voided ones included). */
    public synchronized int size() {
        return entries.size();
    }

    /** A snapshot of all entries, oldest first. */
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    /** Number of entries matching a predicate. */
    public synchronized long count(Predicate<? super LedgerEntry> predicate) {
        return entries.stream().filter(predicate).count();
    }

    /** Number of entries that have not been voided. */
    public long activeCount() {
        return count(e -> !e.voided());
    }

    /** The entry with the given gateway transaction id. */
    public synchronized Optional<LedgerEntry> find(String gatewayTransactionId) {
        return entries.stream().filter(e -> e.gatewayTransactionId().equals(gatewayTransactionId)).findFirst();
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        entries.clear();
    }

    /**
     * Blocks until at least {@code count} entries exist or {@code timeout} elapses. A synchronisation aid for
     * asynchronous tests, not a timing assertion.
     *
     * @return whether the count was reached
     */
    public synchronized boolean awaitSize(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entries.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Duration.ofNanos(left).toMillis()));
        }
        return true;
    }

    @Override
    public synchronized String toString() {
        return "Ledger" + new ArrayList<>(entries);
    }
}
