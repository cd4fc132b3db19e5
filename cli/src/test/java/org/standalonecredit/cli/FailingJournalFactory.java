package org.standalonecredit.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.Claim;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.CreditJournalFactory;
import org.standalonecredit.api.journal.JournalException;
import org.standalonecredit.api.journal.JournalRecord;

/** {@code journal.type=failing}: a journal whose database opened, then fails every read and write. */
public final class FailingJournalFactory implements CreditJournalFactory {
    public static final String TYPE = "failing";
    static final String MESSAGE = "credit journal (test): the database went away";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CreditJournal open(GatewaySettings settings) {
        return new CreditJournal() {
            @Override
            public Claim claim(JournalRecord attempt) {
                throw new JournalException(MESSAGE);
            }

            @Override
            public void update(JournalRecord record) {
                throw new JournalException(MESSAGE);
            }

            @Override
            public Optional<JournalRecord> find(String scope, String idempotencyKey) {
                throw new JournalException(MESSAGE);
            }

            @Override
            public List<JournalRecord> inDoubt(String scope, Instant staleBefore, Instant dueBy, int limit) {
                throw new JournalException(MESSAGE);
            }
        };
    }
}
