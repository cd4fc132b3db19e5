package org.standalonecredit.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.Claim;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.CreditJournalFactory;
import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.journal.JournalRecord;

/**
 * {@code journal.type=released-meanwhile}: a journal that holds every key when asked and has released it by the time
 * the credit claims it, as when a reconcile in another process settles it as not credited in between.
 */
public final class ReleasedMeanwhileJournalFactory implements CreditJournalFactory {
    public static final String TYPE = "released-meanwhile";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CreditJournal open(GatewaySettings settings) {
        InMemoryCreditJournal records = new InMemoryCreditJournal(100);
        return new CreditJournal() {
            @Override
            public Claim claim(JournalRecord attempt) {
                return records.claim(attempt);
            }

            @Override
            public void update(JournalRecord record) {
                records.update(record);
            }

            @Override
            public Optional<JournalRecord> find(String scope, String idempotencyKey) {
                Instant earlier = Instant.parse("2026-01-01T00:00:00Z");
                return Optional.of(JournalRecord.builder().scope(scope).idempotencyKey(idempotencyKey).fingerprint("earlier")
                        .state(JournalRecord.State.ATTEMPTED).providerId("cybersource").amount(new java.math.BigDecimal("10.00")).currency("USD")
                        .attemptedAt(earlier).updatedAt(earlier).owner("another process").build());
            }

            @Override
            public List<JournalRecord> inDoubt(String scope, Instant staleBefore, Instant dueBy, int limit) {
                return records.inDoubt(scope, staleBefore, dueBy, limit);
            }
        };
    }
}
