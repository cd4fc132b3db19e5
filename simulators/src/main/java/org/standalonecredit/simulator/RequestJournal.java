package org.standalonecredit.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every request a simulator received, in order of arrival, including the ones it rejected. Thread-safe.
 * Tests use it to assert on the exact bytes a client sent (headers, signature, body).
 */
public final class RequestJournal {
    private final List<RecordedRequest> requests = new ArrayList<>();

    /** Appends a request. Called by the simulator for every request it reads. */
    public synchronized void add(RecordedRequest request) {
        requests.add(request);
        notifyAll();
    }

    /** Number of requests received. */
    public synchronized int size() {
        return requests.size();
    }

    /** A snapshot of all requests, oldest first. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /** The {@code index}-th request (0-based). */
    public synchronized RecordedRequest get(int index) {
        return requests.get(index);
    }

    /** The most recent request, if any. */
    public synchronized Optional<RecordedRequest> last() {
        return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(requests.size() - 1));
    }

    /** Requests whose path (without query) equals {@code path}. */
    public List<RecordedRequest> forPath(String path) {
        return matching(r -> r.pathWithoutQuery().equals(path));
    }

    /** Requests matching a predicate, oldest first. */
    public synchronized List<RecordedRequest> matching(Predicate<? super RecordedRequest> predicate) {
        return requests.stream().filter(predicate).toList();
    }

    /** Forgets every request. */
    public synchronized void clear() {
        requests.clear();
    }

    /**
     * Blocks until at least {@code count} requests have arrived or {@code timeout} has elapsed. This is a
     * synchronisation aid for tests that send asynchronously, not a timing assertion.
     *
     * @return whether the count was reached
     */
    public synchronized boolean awaitSize(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Duration d = Duration.ofNanos(left);
            wait(Math.max(1, d.toMillis()));
        }
        return true;
    }
}
