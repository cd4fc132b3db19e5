package org.standalonecredit.api.journal;

import java.util.Objects;

/**
 * What the {@link Reconciler} found of one record in doubt, and the record as it now stands.
 *
 * @param before      the record as it was
 * @param verdict     credited, not credited, or still unknown
 * @param after       the record as written (or as it would have been, when the journal could not write it)
 * @param explanation one sentence for people: which look-up, what it found
 */
public record Resolution(JournalRecord before, Verdict verdict, JournalRecord after, String explanation) {
    /** The reconciler's finding. */
    public enum Verdict {
        /** The gateway has the credit (its id is in the record now); the key returns that result. */
        CREDITED,
        /**
         * The gateway declined or does not have it, and its look-up is authoritative for the record's age: the key is
         * released (not found) or holds the decline, and no money moved.
         */
        NOT_CREDITED,
        /** Not settled yet: the look-up failed, or found nothing while not yet authoritative. Looked at again later. */
        STILL_UNKNOWN
    }

    public Resolution {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(explanation, "explanation");
    }
}
