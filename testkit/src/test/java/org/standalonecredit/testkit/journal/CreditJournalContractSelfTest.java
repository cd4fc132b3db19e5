package org.standalonecredit.testkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.journal.Claim;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.JournalRecord;

/** The contract passes a correct journal and catches each deliberate flaw with a message that says what is wrong. */
class CreditJournalContractSelfTest {

    @Test
    void aCorrectJournalPasses() {
        assertEquals(Map.of(), failuresFor(null));
    }

    @Test
    void aClaimThatIsNotAtomicIsCaught() {
        assertCaught(Flaw.CHECK_THEN_PUT, "[concurrency] 32 threads racing for one key: exactly one granted, the others see its record",
                "exactly one of 32 racing claims must be granted");
    }

    @Test
    void anAmountThatLosesItsScaleIsCaught() {
        assertCaught(Flaw.STRIPS_ZEROS, "[round-trip] amounts keep their scale (10.50 stays 10.50)",
                "amount 10.50 (scale 2) came back as 10.5 (scale 1)");
    }

    @Test
    void anAttemptUnderWayListedInDoubtIsCaught() {
        Map<String, String> failures = assertCaught(Flaw.STALE_INCLUSIVE, "[in-doubt] an attempt is in doubt only when attempted before staleBefore",
                "strictly");
        assertEquals(1, failures.size(), failures.toString());
    }

    @Test
    void anUpdateThatKeepsOldOptionalFieldsIsCaught() {
        assertCaught(Flaw.MERGES_UPDATES, "[update] an update replaces the whole record, absent fields included", "clears the optional fields");
    }

    /** The check named fails for the flaw, saying {@code why}; returns every failure. */
    private static Map<String, String> assertCaught(Flaw flaw, String check, String why) {
        Map<String, String> failures = failuresFor(flaw);
        assertTrue(failures.containsKey(check), flaw + " must fail '" + check + "'; failed: " + failures.keySet());
        assertTrue(failures.get(check).contains(why), failures.get(check));
        return failures;
    }

    private enum Flaw {
        CHECK_THEN_PUT, STRIPS_ZEROS, STALE_INCLUSIVE, MERGES_UPDATES
    }

    private static Map<String, String> failuresFor(Flaw flaw) {
        Map<String, String> failures = new LinkedHashMap<>();
        CreditJournalContract.of(() -> new MapJournal(flaw)).withSecondView(j -> j).tests().forEach(node -> run(node, failures));
        return failures;
    }

    private static void run(DynamicNode node, Map<String, String> failures) {
        if (node instanceof DynamicContainer container) {
            container.getChildren().forEach(child -> run(child, failures));
            return;
        }
        try {
            ((DynamicTest) node).getExecutable().execute();
        } catch (Throwable t) {
            failures.put(node.getDisplayName(), String.valueOf(t.getMessage()));
        }
    }

    /** A plain map journal, correct unless given a flaw. */
    private static final class MapJournal implements CreditJournal {
        private final Flaw flaw;
        private final Map<String, JournalRecord> records = new ConcurrentHashMap<>();

        MapJournal(Flaw flaw) {
            this.flaw = flaw;
        }

        private static String key(String scope, String key) {
            return scope + "\u0000" + key;
        }

        @Override
        public Claim claim(JournalRecord attempt) {
            JournalRecord stored = flaw == Flaw.STRIPS_ZEROS ? attempt.toBuilder().amount(attempt.amount().stripTrailingZeros()).build() : attempt;
            String k = key(attempt.scope(), attempt.idempotencyKey());
            if (flaw == Flaw.CHECK_THEN_PUT) {
                JournalRecord existing = records.get(k);
                if (existing != null && existing.state() != JournalRecord.State.RELEASED) {
                    return Claim.heldBy(existing);
                }
                pause(); // the window a non-atomic claim leaves open, made wide enough to be hit every run
                records.put(k, stored);
                return Claim.granted();
            }
            boolean[] granted = {false};
            JournalRecord held = records.compute(k, (key, existing) -> {
                if (existing == null || existing.state() == JournalRecord.State.RELEASED) {
                    granted[0] = true;
                    return stored;
                }
                return existing;
            });
            return granted[0] ? Claim.granted() : Claim.heldBy(held);
        }

        private static void pause() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void update(JournalRecord record) {
            records.computeIfPresent(key(record.scope(), record.idempotencyKey()), (k, old) -> {
                if (flaw != Flaw.MERGES_UPDATES) {
                    return record;
                }
                return record.toBuilder().note(record.note().orElse(old.note().orElse(null)))
                        .merchantReference(record.merchantReference().orElse(old.merchantReference().orElse(null))).build();
            });
        }

        @Override
        public Optional<JournalRecord> find(String scope, String idempotencyKey) {
            return Optional.ofNullable(records.get(key(scope, idempotencyKey)));
        }

        @Override
        public List<JournalRecord> inDoubt(String scope, Instant staleBefore, Instant dueBy, int limit) {
            List<JournalRecord> found = new ArrayList<>();
            for (JournalRecord r : records.values()) {
                if (scope != null && !scope.equals(r.scope())) {
                    continue;
                }
                boolean stale = flaw == Flaw.STALE_INCLUSIVE ? !r.attemptedAt().isAfter(staleBefore) : r.attemptedAt().isBefore(staleBefore);
                boolean doubtful = r.state() == JournalRecord.State.ATTEMPTED ? stale : r.inDoubt();
                boolean due = dueBy == null || r.nextCheckAt().map(t -> !t.isAfter(dueBy)).orElse(true);
                if (doubtful && due) {
                    found.add(r);
                }
            }
            found.sort(Comparator.comparing(JournalRecord::attemptedAt));
            return List.copyOf(found.subList(0, Math.min(limit, found.size())));
        }
    }

    @Test
    void assertSameRecordComparesTheScale() {
        JournalRecord a = CreditJournalContract.attempt("k").build();
        JournalRecord b = a.toBuilder().amount(new BigDecimal("10.5")).build();
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> CreditJournalContract.assertSameRecord(a, b, "scale"));
        assertTrue(e.getMessage().contains("10.50 vs 10.5"), e.getMessage());
    }
}
