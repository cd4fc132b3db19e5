package org.standalonecredit.api.journal;

import java.util.Optional;

/** The answer to {@link CreditJournal#claim}: granted, or the record that already holds the key. */
public final class Claim {
    private static final Claim GRANTED = new Claim(null);

    private final JournalRecord existing;

    private Claim(JournalRecord existing) {
        this.existing = existing;
    }

    public static Claim granted() {
        return GRANTED;
    }

    public static Claim heldBy(JournalRecord existing) {
        return new Claim(java.util.Objects.requireNonNull(existing, "existing"));
    }

    public boolean isGranted() {
        return existing == null;
    }

    /** The record that holds the key, when the claim was not granted. */
    public Optional<JournalRecord> existing() {
        return Optional.ofNullable(existing);
    }

    @Override
    public String toString() {
        return existing == null ? "Claim[granted]" : "Claim[held by " + existing + "]";
    }
}
