package org.standalonecredit.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.CreditJournal;

/** Opens journals the way a gateway does: keys under {@code credit.journal.} through the factory. */
final class Journals {
    static final String PREFIX = "credit.journal";

    private Journals() {
    }

    static GatewaySettings settings(Map<String, String> relative) {
        Map<String, String> full = new HashMap<>();
        relative.forEach((k, v) -> full.put(PREFIX + "." + k, v));
        return GatewaySettings.of(ConfigSource.fromMap(full), PREFIX);
    }

    /** The journal the keys configure; fails with the problems when it does not open. */
    static JdbcCreditJournal open(Map<String, String> relative) {
        GatewaySettings settings = settings(relative);
        CreditJournal journal = new JdbcJournalFactory().open(settings);
        assertNotNull(journal, () -> "the journal did not open: " + settings.problems());
        return (JdbcCreditJournal) journal;
    }

    /** The problems the keys give; fails when a journal opens. */
    static List<String> problems(Map<String, String> relative) {
        GatewaySettings settings = settings(relative);
        CreditJournal journal = new JdbcJournalFactory().open(settings);
        if (journal != null) {
            journal.close();
        }
        assertNull(journal, "the configuration must not open a journal");
        return settings.problems();
    }

    /** {@code base} with {@code key=value} added or replaced. */
    static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> copy = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put(keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }
}
