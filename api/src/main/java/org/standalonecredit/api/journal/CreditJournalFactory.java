package org.standalonecredit.api.journal;

import org.standalonecredit.api.config.GatewaySettings;

/**
 * Opens a journal of one type from configuration; found with {@link java.util.ServiceLoader} by
 * {@code <name>.journal.type} (the in-memory journal, type {@value InMemoryCreditJournal#TYPE}, needs no factory).
 */
public interface CreditJournalFactory {

    /** The {@code <name>.journal.type} value this factory serves ({@code jdbc}). */
    String type();

    /**
     * Opens the journal configured under {@code settings} ({@code <name>.journal.}). A problem with a key is
     * recorded in {@code settings} (the caller throws them together), and a store that cannot be reached at open
     * is a problem too: null is returned then.
     */
    CreditJournal open(GatewaySettings settings);
}
