package org.standalonecredit.simulator.commercehub;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Commerce Hub transactions in arrival order. Thread-safe; synchronise on it for multi-step updates. */
final class TransactionStore {
    private final List<ChTransaction> transactions = new ArrayList<>();

    synchronized void add(ChTransaction tx) {
        transactions.add(tx);
    }

    synchronized List<ChTransaction> matching(Predicate<ChTransaction> predicate) {
        return transactions.stream().filter(predicate).toList();
    }

    /** The latest credit matching the predicate. */
    synchronized Optional<ChTransaction> latestCredit(Predicate<ChTransaction> predicate) {
        ChTransaction found = null;
        for (ChTransaction tx : transactions) {
            if (tx.isCredit() && predicate.test(tx)) {
                found = tx;
            }
        }
        return Optional.ofNullable(found);
    }

    synchronized void clear() {
        transactions.clear();
    }
}
