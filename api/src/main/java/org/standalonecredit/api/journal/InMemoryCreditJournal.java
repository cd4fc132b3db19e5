package org.standalonecredit.api.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default journal: records in this JVM's memory, shared by every gateway of the JVM ({@link #shared()}), so a
 * request sent again, through the same gateway or a new one, is not sent twice while the JVM lives. It does not
 * survive a restart and is not seen by other processes: for that, a durable journal ({@code journal.type=jdbc}).
 *
 * <p>Bounded: beyond {@link #DEFAULT_CAPACITY} records the oldest settled ones (outcome known, or released) are
 * forgotten first; a record in doubt is never forgotten.
 */
public final class InMemoryCreditJournal implements CreditJournal {
    public static final String TYPE = "memory";
    public static final int DEFAULT_CAPACITY = 100_000;
    private static final InMemoryCreditJournal SHARED = new InMemoryCreditJournal(DEFAULT_CAPACITY);

    private final int capacity;
    private final ConcurrentHashMap<Key, JournalRecord> records = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Key> insertionOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    /** Written out: a record's generated equals and hashCode go through method handles, measurably slower here. */
    private static final class Key {
        private final String scope;
        private final String idempotencyKey;
        private final int hash;

        Key(String scope, String idempotencyKey) {
            this.scope = scope;
            this.idempotencyKey = idempotencyKey;
            this.hash = 31 * Objects.hashCode(scope) + Objects.hashCode(idempotencyKey);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Objects.equals(idempotencyKey, k.idempotencyKey) && Objects.equals(scope, k.scope);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    public InMemoryCreditJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** The JVM-wide journal every gateway uses unless configured otherwise. */
    public static InMemoryCreditJournal shared() {
        return SHARED;
    }

    @Override
    public Claim claim(JournalRecord attempt) {
        Key key = new Key(attempt.scope(), attempt.idempotencyKey());
        if (records.putIfAbsent(key, attempt) == null) { // the common case, a key never seen: no lock held over a lambda
            insertionOrder.add(key);
            size.incrementAndGet();
            evictBeyondCapacity();
            return Claim.granted();
        }
        boolean[] granted = {false};
        JournalRecord held = records.compute(key, (k, existing) -> {
            if (existing == null || existing.state() == JournalRecord.State.RELEASED) {
                granted[0] = true;
                if (existing == null) {
                    insertionOrder.add(k);
                    size.incrementAndGet();
                }
                return attempt;
            }
            return existing;
        });
        if (granted[0]) {
            evictBeyondCapacity();
            return Claim.granted();
        }
        return Claim.heldBy(held);
    }

    @Override
    public void update(JournalRecord record) {
        records.replace(new Key(record.scope(), record.idempotencyKey()), record);
    }

    @Override
    public Optional<JournalRecord> find(String scope, String idempotencyKey) {
        return Optional.ofNullable(records.get(new Key(scope, idempotencyKey)));
    }

    @Override
    public List<JournalRecord> inDoubt(String scope, Instant staleBefore, Instant dueBy, int limit) {
        List<JournalRecord> found = new ArrayList<>();
        for (JournalRecord r : records.values()) {
            if (scope != null && !scope.equals(r.scope())) {
                continue;
            }
            boolean doubtful = r.state() == JournalRecord.State.ATTEMPTED ? r.attemptedAt().isBefore(staleBefore) : r.inDoubt();
            boolean due = dueBy == null || r.nextCheckAt().map(t -> !t.isAfter(dueBy)).orElse(true);
            if (doubtful && due) {
                found.add(r);
            }
        }
        found.sort(Comparator.comparing(JournalRecord::attemptedAt));
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    /** How many records are kept. */
    public int size() {
        return size.get();
    }

    private void evictBeyondCapacity() {
        int examined = 0;
        int budget = size.get();
        while (size.get() > capacity && examined++ < budget) {
            Key oldest = insertionOrder.poll();
            if (oldest == null) {
                return;
            }
            boolean[] removed = {false};
            records.computeIfPresent(oldest, (k, r) -> {
                if (r.inDoubt()) {
                    return r;
                }
                removed[0] = true;
                return null;
            });
            if (removed[0]) {
                size.decrementAndGet();
            } else if (records.containsKey(oldest)) {
                insertionOrder.add(oldest); // in doubt: kept, looked at again after the others
            }
        }
    }

    @Override
    public String toString() {
        return "InMemoryCreditJournal[" + size() + " of " + capacity + " records]";
    }
}
