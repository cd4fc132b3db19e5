package org.standalonecredit.api.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.standalonecredit.api.config.GatewaySettings;

/**
 * The journal of a gateway: the one given in code, else {@code <name>.journal.type} ({@value InMemoryCreditJournal#TYPE},
 * the default, is the JVM-wide {@link InMemoryCreditJournal#shared()}; another type is opened by the
 * {@link CreditJournalFactory} of that type found with {@link ServiceLoader}).
 */
public final class JournalSelection {
    public static final String TYPE = "type";

    private final CreditJournal journal;
    private final boolean owned;

    private JournalSelection(CreditJournal journal, boolean owned) {
        this.journal = journal;
        this.owned = owned;
    }

    /**
     * @param given    the journal given in code, or null
     * @param settings the gateway's settings under {@code <name>.journal.}; problems are recorded there
     * @return the selection, or null when the configured journal cannot be opened (the problem is recorded)
     */
    public static JournalSelection select(CreditJournal given, GatewaySettings settings, ClassLoader loader) {
        if (given != null) {
            return new JournalSelection(given, false);
        }
        String type = settings.optional(TYPE).orElse(InMemoryCreditJournal.TYPE);
        if (type.equals(InMemoryCreditJournal.TYPE)) {
            return new JournalSelection(InMemoryCreditJournal.shared(), false);
        }
        List<String> types = new ArrayList<>(List.of(InMemoryCreditJournal.TYPE));
        for (CreditJournalFactory factory : ServiceLoader.load(CreditJournalFactory.class, loader)) {
            if (factory.type().equals(type)) {
                CreditJournal opened = factory.open(settings);
                return opened == null ? null : new JournalSelection(opened, true);
            }
            types.add(factory.type());
        }
        settings.problem(TYPE, "must be one of " + types + " (a journal module on the class path adds its type) but was '" + type + "'");
        return null;
    }

    public CreditJournal journal() {
        return journal;
    }

    /** Whether the gateway opened it, and so closes it. */
    public boolean owned() {
        return owned;
    }
}
