package org.standalonecredit.simulator.cybersource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Cybersource simulator's memory: credits by id, and which {@code clientReferenceInformation.transactionId}
 * values have been used (for {@code DUPLICATE_REQUEST}). Callers that need several steps to be atomic
 * synchronise on the store itself.
 */
final class CreditStore {
    private final Map<String, StoredCredit> byId = new LinkedHashMap<>();
    private final Map<String, Instant> usedTransactionIds = new HashMap<>();
    private final Duration transactionIdRetention;

    CreditStore(Duration transactionIdRetention) {
        this.transactionIdRetention = transactionIdRetention;
    }

    synchronized boolean transactionIdUsed(String transactionId, Instant now) {
        Instant used = usedTransactionIds.get(transactionId);
        return used != null && !used.plus(transactionIdRetention).isBefore(now);
    }

    synchronized void add(StoredCredit credit, Instant now) {
        byId.put(credit.id, credit);
        if (credit.transactionId != null) {
            usedTransactionIds.put(credit.transactionId, now);
        }
    }

    synchronized Optional<StoredCredit> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The most recent credit that carried {@code transactionId}. */
    synchronized Optional<StoredCredit> byTransactionId(String transactionId) {
        StoredCredit found = null;
        for (StoredCredit c : byId.values()) {
            if (transactionId.equals(c.transactionId)) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    synchronized List<StoredCredit> matching(Predicate<StoredCredit> predicate) {
        List<StoredCredit> out = new ArrayList<>();
        for (StoredCredit c : byId.values()) {
            if (predicate.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    synchronized void clear() {
        byId.clear();
        usedTransactionIds.clear();
    }
}
