package org.standalonecredit.simulator.commercehub;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Commerce Hub transactions in arrival order. Thread-safe; synchronise on it for multi-step updates. */
final class TransactionStore {
    private final List<CommerceHubTransaction> transactions = new ArrayList<>();

    synchronized void add(CommerceHubTransaction tx) {
        transactions.add(tx);
    }

    synchronized List<CommerceHubTransaction> matching(Predicate<CommerceHubTransaction> predicate) {
        return transactions.stream().filter(predicate).toList();
    }

    /** The latest credit matching the predicate. */
    synchronized Optional<CommerceHubTransaction> latestCredit(Predicate<CommerceHubTransaction> predicate) {
        CommerceHubTransaction found = null;
        for (CommerceHubTransaction tx : transactions) {
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
