package org.standalonecredit.api.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A record per idempotency key of every credit attempt: written before the first byte of the credit is sent and
 * completed with its outcome after, so that the same key is never sent twice, from another thread, another
 * process or after a restart. Records are scoped ({@link JournalRecord#scope()}: the gateway's name and provider),
 * so two gateways may use the same key.
 *
 * <p>Implementations are thread-safe. A durable one makes every write durable before it returns and makes
 * {@link #claim} atomic across processes sharing it. No implementation stores a card number, a security code or a
 * secret: {@link JournalRecord} holds none.
 */
public interface CreditJournal extends AutoCloseable {

    /**
     * Atomically records {@code attempt} (state {@link JournalRecord.State#ATTEMPTED}) unless a record for its scope
     * and key exists that is not {@link JournalRecord.State#RELEASED}; a released record (its credit never left the
     * machine) is replaced.
     *
     * @return {@link Claim#granted()} when {@code attempt} is now the record; else the existing record, unchanged
     * @throws JournalException when the attempt could not be recorded: the credit must not be sent
     */
    Claim claim(JournalRecord attempt);

    /**
     * Replaces the record with the same scope and key (its outcome, or what a reconciliation found).
     *
     * @throws JournalException when it could not be written; the record then keeps its earlier state
     */
    void update(JournalRecord record);

    /** The record of a key, if any. */
    Optional<JournalRecord> find(String scope, String idempotencyKey);

    /**
     * Records of {@code scope} (of every scope when null) whose outcome is in doubt, oldest attempt first: {@link JournalRecord.State#ATTEMPTED} ones attempted
     * before {@code staleBefore} (an attempt under way is not in doubt yet), and completed ones with an
     * {@link org.standalonecredit.api.CreditOutcome#UNKNOWN} outcome; of both, only those whose next check is due
     * by {@code dueBy} (or that have none), or all of them when {@code dueBy} is null.
     */
    List<JournalRecord> inDoubt(String scope, Instant staleBefore, Instant dueBy, int limit);

    /** Releases what the journal holds (connections); records stay. */
    @Override
    default void close() {
    }
}
