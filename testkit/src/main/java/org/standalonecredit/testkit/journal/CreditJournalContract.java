package org.standalonecredit.testkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.journal.Claim;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.api.journal.JournalRecord.State;

/**
 * The contract every {@link CreditJournal} keeps, ours or an application's own. Use it from a test class:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> contract() {
 *     return CreditJournalContract.of(() -> new MyJournal(freshStore())).tests();
 * }
 * }</pre>
 *
 * Each check opens its own journal from the supplier, which must give an <em>empty</em> one (a new table, a new
 * schema, a new instance), and closes it after. Times are at millisecond precision, the least a journal keeps.
 * A durable journal also states how to open a second journal over the same store ({@link #withSecondView}), and the
 * checks of group {@code shared-store} run claims through both.
 */
public final class CreditJournalContract {
    /** The moment the checks are written around: millisecond precision, so a journal keeping milliseconds round-trips it. */
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123Z");
    static final String SCOPE = "credit/example";
    private static final int RACERS = 32;
    private static final Duration RACE_TIMEOUT = Duration.ofSeconds(120);

    private final Supplier<? extends CreditJournal> freshJournal;
    private final UnaryOperator<CreditJournal> secondView;

    private CreditJournalContract(Supplier<? extends CreditJournal> freshJournal, UnaryOperator<CreditJournal> secondView) {
        this.freshJournal = freshJournal;
        this.secondView = secondView;
    }

    /** The contract for journals the supplier opens, each over an empty store. */
    public static CreditJournalContract of(Supplier<? extends CreditJournal> freshJournal) {
        return new CreditJournalContract(java.util.Objects.requireNonNull(freshJournal, "freshJournal"), null);
    }

    /**
     * Adds the {@code shared-store} checks: {@code sameStore} opens another journal over the store of the one given
     * (another instance with its own connections, as another process would have). Each journal is closed after.
     */
    public CreditJournalContract withSecondView(UnaryOperator<CreditJournal> sameStore) {
        return new CreditJournalContract(freshJournal, java.util.Objects.requireNonNull(sameStore, "sameStore"));
    }

    public Stream<DynamicNode> tests() {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(test("claim", "a first claim is granted and the record is found as claimed", this::firstClaimIsGranted));
        nodes.add(test("claim", "a second claim of a held key is refused with the holder, unchanged", this::secondClaimIsHeld));
        nodes.add(test("claim", "a claim from another thread is refused with the holder", this::claimFromAnotherThreadIsHeld));
        nodes.add(test("claim", "keys are scoped: the same key in another scope is granted", this::keysAreScoped));
        nodes.add(test("claim", "a released record is claimed again and replaced by the new attempt", this::releasedIsClaimable));
        nodes.add(test("claim", "a completed record holds its key whatever its outcome", this::completedHolds));
        nodes.add(test("update", "an update replaces the whole record, absent fields included", this::updateReplaces));
        nodes.add(test("update", "an update touches its own scope and key only", this::updateTouchesItsKeyOnly));
        nodes.add(test("find", "an unknown key or scope finds nothing", this::unknownFindsNothing));
        nodes.add(test("in-doubt", "an attempt is in doubt only when attempted before staleBefore", this::staleAttemptsOnly));
        nodes.add(test("in-doubt", "completed UNKNOWN is in doubt whatever its age; other outcomes and released are not",
                this::unknownIsInDoubt));
        nodes.add(test("in-doubt", "dueBy keeps records due by then or never checked; null keeps all", this::dueByFilters));
        nodes.add(test("in-doubt", "oldest attempt first, at most limit", this::oldestFirstAtMostLimit));
        nodes.add(test("in-doubt", "a scope keeps that scope's records; null keeps every scope", this::scopeFilters));
        nodes.add(test("in-doubt", "follows updates: a settled record leaves the list", this::followsUpdates));
        nodes.add(test("round-trip", "every field of a full record", this::fullRecordRoundTrips));
        nodes.add(test("round-trip", "optional fields stay absent", this::optionalFieldsStayAbsent));
        nodes.add(test("round-trip", "amounts keep their scale (10.50 stays 10.50)", this::amountsKeepTheirScale));
        nodes.add(test("round-trip", "every outcome and detail", this::everyOutcomeAndDetail));
        nodes.add(test("round-trip", "instants at millisecond precision", this::instantsAtMilliseconds));
        nodes.add(test("round-trip", "text as given: quotes, SQL-looking text, non-ASCII, long notes", this::textAsGiven));
        nodes.add(test("concurrency", RACERS + " threads racing for one key: exactly one granted, the others see its record",
                this::raceForOneKey));
        nodes.add(test("concurrency", RACERS + " threads racing for a released key: exactly one granted", this::raceForAReleasedKey));
        nodes.add(test("concurrency", "distinct keys claimed in parallel are all granted", this::distinctKeysInParallel));
        if (secondView != null) {
            nodes.add(shared("a key claimed through one journal is held through the other", this::heldAcrossViews));
            nodes.add(shared("an update through one journal is found through the other", this::updateAcrossViews));
            nodes.add(shared(RACERS + " threads on two journals racing for one key: exactly one granted", this::raceAcrossViews));
        }
        return nodes.stream();
    }

    /** A check on one journal. */
    @FunctionalInterface
    private interface Check {
        void run(CreditJournal journal) throws Exception;
    }

    /** A check on two journals over one store. */
    @FunctionalInterface
    private interface SharedCheck {
        void run(CreditJournal first, CreditJournal second) throws Exception;
    }

    private DynamicTest test(String group, String title, Check check) {
        return DynamicTest.dynamicTest("[" + group + "] " + title, () -> {
            try (CreditJournal journal = open()) {
                check.run(journal);
            }
        });
    }

    private DynamicTest shared(String title, SharedCheck check) {
        return DynamicTest.dynamicTest("[shared-store] " + title, () -> {
            try (CreditJournal first = open(); CreditJournal second = secondView.apply(first)) {
                assertTrue(second != null, "the second view gave no journal");
                check.run(first, second);
            }
        });
    }

    private CreditJournal open() {
        CreditJournal journal = freshJournal.get();
        assertTrue(journal != null, "the supplier gave no journal");
        return journal;
    }

    // --- claim ----------------------------------------------------------------------------------

    private void firstClaimIsGranted(CreditJournal journal) {
        JournalRecord attempt = attempt("key-1").build();
        assertTrue(journal.claim(attempt).isGranted(), "the first claim of a key must be granted");
        assertSameRecord(attempt, found(journal, "key-1"), "the claimed record");
    }

    private void secondClaimIsHeld(CreditJournal journal) {
        JournalRecord first = attempt("key-1").owner("first").build();
        assertTrue(journal.claim(first).isGranted());
        JournalRecord second = attempt("key-1").owner("second").fingerprint(fingerprint("another credit")).amount(new BigDecimal("99.99"))
                .attemptedAt(T0.plusSeconds(1)).updatedAt(T0.plusSeconds(1)).build();
        Claim claim = journal.claim(second);
        assertFalse(claim.isGranted(), "a key held by an attempt must not be granted again");
        assertSameRecord(first, holder(claim), "the holder a refused claim returns");
        assertSameRecord(first, found(journal, "key-1"), "the record after a refused claim");
    }

    private void claimFromAnotherThreadIsHeld(CreditJournal journal) throws Exception {
        JournalRecord first = attempt("key-1").owner("main").build();
        assertTrue(journal.claim(first).isGranted());
        Claim claim = inAnotherThread(() -> journal.claim(attempt("key-1").owner("other-thread").build()));
        assertFalse(claim.isGranted(), "a claim from another thread of a held key must not be granted");
        assertSameRecord(first, holder(claim), "the holder the other thread sees");
    }

    private void keysAreScoped(CreditJournal journal) {
        JournalRecord here = attempt("key-1").build();
        JournalRecord there = attempt("key-1").scope("other/commercehub").providerId("commercehub").owner("there").build();
        assertTrue(journal.claim(here).isGranted());
        assertTrue(journal.claim(there).isGranted(), "the same key in another scope is another credit: it must be granted");
        assertSameRecord(here, found(journal, "key-1"), "the record in the first scope");
        assertSameRecord(there, journal.find("other/commercehub", "key-1").orElseThrow(), "the record in the second scope");
    }

    private void releasedIsClaimable(CreditJournal journal) {
        JournalRecord first = attempt("key-1").owner("first").build();
        assertTrue(journal.claim(first).isGranted());
        journal.update(first.toBuilder().state(State.RELEASED).updatedAt(T0.plusMillis(5)).note("connection refused").build());
        JournalRecord again = attempt("key-1").owner("again").attemptedAt(T0.plusSeconds(60)).updatedAt(T0.plusSeconds(60)).build();
        assertTrue(journal.claim(again).isGranted(), "a released record (nothing left the machine) must be claimable again");
        assertSameRecord(again, found(journal, "key-1"), "the record after a released key is claimed again");
        assertFalse(journal.claim(attempt("key-1").owner("third").build()).isGranted(), "the new attempt holds the key again");
    }

    private void completedHolds(CreditJournal journal) {
        for (CreditOutcome outcome : CreditOutcome.values()) {
            String key = "key-" + outcome;
            JournalRecord attempt = attempt(key).build();
            assertTrue(journal.claim(attempt).isGranted());
            JournalRecord completed = attempt.toBuilder().state(State.COMPLETED).outcome(outcome).updatedAt(T0.plusSeconds(2)).build();
            journal.update(completed);
            Claim claim = journal.claim(attempt(key).owner("later").attemptedAt(T0.plusSeconds(3)).updatedAt(T0.plusSeconds(3)).build());
            assertFalse(claim.isGranted(), "a record completed " + outcome + " must hold its key");
            assertSameRecord(completed, holder(claim), "the completed " + outcome + " holder");
        }
    }

    // --- update and find ------------------------------------------------------------------------

    private void updateReplaces(CreditJournal journal) {
        assertTrue(journal.claim(attempt("key-1").build()).isGranted());
        JournalRecord full = full("key-1");
        journal.update(full);
        assertSameRecord(full, found(journal, "key-1"), "the record after an update");
        JournalRecord sparse = attempt("key-1").state(State.RELEASED).owner("reconciler").updatedAt(T0.plusSeconds(30)).checks(4).build();
        journal.update(sparse);
        assertSameRecord(sparse, found(journal, "key-1"), "the record after an update that clears the optional fields");
    }

    private void updateTouchesItsKeyOnly(CreditJournal journal) {
        JournalRecord one = attempt("key-1").build();
        JournalRecord two = attempt("key-2").build();
        JournalRecord elsewhere = attempt("key-1").scope("other/commercehub").build();
        for (JournalRecord r : List.of(one, two, elsewhere)) {
            assertTrue(journal.claim(r).isGranted());
        }
        JournalRecord completed = full("key-1");
        journal.update(completed);
        assertSameRecord(completed, found(journal, "key-1"), "the updated record");
        assertSameRecord(two, found(journal, "key-2"), "another key after an update");
        assertSameRecord(elsewhere, journal.find("other/commercehub", "key-1").orElseThrow(), "the same key in another scope after an update");
    }

    private void unknownFindsNothing(CreditJournal journal) {
        assertTrue(journal.claim(attempt("key-1").build()).isGranted());
        assertEquals(Optional.empty(), journal.find(SCOPE, "key-2"), "an unknown key");
        assertEquals(Optional.empty(), journal.find("other/commercehub", "key-1"), "a known key in an unknown scope");
        assertEquals(Optional.empty(), journal.find(SCOPE, "KEY-1"), "keys are compared exactly, case included");
    }

    // --- in doubt -------------------------------------------------------------------------------

    private void staleAttemptsOnly(CreditJournal journal) {
        claimAll(journal, attempt("old").attemptedAt(T0.minusSeconds(600)).build(), attempt("just-before").attemptedAt(T0.minusMillis(1)).build(),
                attempt("at").attemptedAt(T0).build(), attempt("after").attemptedAt(T0.plusSeconds(1)).build());
        assertEquals(List.of("old", "just-before"), keys(journal.inDoubt(null, T0, null, 100)),
                "attempts before staleBefore, strictly: one attempted at staleBefore is still under way");
        assertEquals(List.of("old"), keys(journal.inDoubt(null, T0.minusMillis(1), null, 100)), "staleBefore one millisecond earlier");
        assertEquals(List.of(), keys(journal.inDoubt(null, T0.minusSeconds(3600), null, 100)), "no attempt is that old");
    }

    private void unknownIsInDoubt(CreditJournal journal) {
        Instant old = T0.minusSeconds(3600);
        JournalRecord.Builder recent = attempt("unknown-recent").attemptedAt(T0.plusSeconds(600)).updatedAt(T0.plusSeconds(600));
        claimAll(journal, recent.build());
        journal.update(recent.state(State.COMPLETED).outcome(CreditOutcome.UNKNOWN).detail(OutcomeDetail.NO_RESPONSE).build());
        for (CreditOutcome outcome : CreditOutcome.values()) {
            if (outcome != CreditOutcome.UNKNOWN) {
                JournalRecord.Builder b = attempt("completed-" + outcome).attemptedAt(old);
                claimAll(journal, b.build());
                journal.update(b.state(State.COMPLETED).outcome(outcome).build());
            }
        }
        JournalRecord.Builder released = attempt("released").attemptedAt(old);
        claimAll(journal, released.build());
        journal.update(released.state(State.RELEASED).build());
        assertEquals(List.of("unknown-recent"), keys(journal.inDoubt(null, T0, null, 100)),
                "only the UNKNOWN outcome is in doubt, however recent; known outcomes and released records are not");
    }

    private void dueByFilters(CreditJournal journal) {
        Instant[] nextChecks = {null, T0.minusSeconds(1), T0, T0.plusMillis(1)};
        String[] names = {"never-checked", "due-before", "due-at", "due-after"};
        for (int i = 0; i < names.length; i++) {
            JournalRecord.Builder b = attempt(names[i]).attemptedAt(T0.minusSeconds(100 - i));
            claimAll(journal, b.build());
            journal.update(b.state(State.COMPLETED).outcome(CreditOutcome.UNKNOWN).nextCheckAt(nextChecks[i]).checks(i).build());
        }
        JournalRecord.Builder attempted = attempt("attempted-due-after").attemptedAt(T0.minusSeconds(50));
        claimAll(journal, attempted.build());
        journal.update(attempted.nextCheckAt(T0.plusSeconds(60)).checks(1).build());
        assertEquals(List.of("never-checked", "due-before", "due-at"), keys(journal.inDoubt(null, T0, T0, 100)),
                "next check due by dueBy (inclusive) or never set");
        assertEquals(List.of("never-checked", "due-before", "due-at", "due-after", "attempted-due-after"),
                keys(journal.inDoubt(null, T0, null, 100)), "dueBy null: every record in doubt");
        assertEquals(List.of("never-checked"), keys(journal.inDoubt(null, T0, T0.minusSeconds(2), 100)), "an earlier dueBy");
    }

    private void scopeFilters(CreditJournal journal) {
        claimAll(journal, attempt("mine").attemptedAt(T0.minusSeconds(20)).build(),
                attempt("theirs").scope("other/commercehub").attemptedAt(T0.minusSeconds(30)).build());
        assertEquals(List.of("mine"), keys(journal.inDoubt(SCOPE, T0, null, 100)), "this scope only");
        assertEquals(List.of("theirs"), keys(journal.inDoubt("other/commercehub", T0, T0, 1)), "the other scope, with dueBy and a limit");
        assertEquals(List.of("theirs", "mine"), keys(journal.inDoubt(null, T0, null, 100)), "every scope, oldest first");
    }

    private void oldestFirstAtMostLimit(CreditJournal journal) {
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        Collections.shuffle(order, new Random(7));
        for (int i : order) {
            JournalRecord.Builder b = attempt("k" + i).attemptedAt(T0.minusSeconds(1000 - i * 10L));
            claimAll(journal, b.build());
            if (i % 2 == 0) {
                journal.update(b.state(State.COMPLETED).outcome(CreditOutcome.UNKNOWN).build());
            }
        }
        assertEquals(List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"), keys(journal.inDoubt(null, T0, null, 100)),
                "oldest attempt first, whatever the order of the claims");
        assertEquals(List.of("k0", "k1", "k2", "k3"), keys(journal.inDoubt(null, T0, null, 4)), "limit 4: the four oldest");
        assertEquals(List.of("k0"), keys(journal.inDoubt(null, T0, null, 1)), "limit 1: the oldest");
    }

    private void followsUpdates(CreditJournal journal) {
        JournalRecord.Builder b = attempt("key-1").attemptedAt(T0.minusSeconds(600));
        claimAll(journal, b.build());
        assertEquals(List.of("key-1"), keys(journal.inDoubt(null, T0, T0, 10)), "a stale attempt");
        journal.update(b.state(State.COMPLETED).outcome(CreditOutcome.UNKNOWN).checks(1).nextCheckAt(T0.plusSeconds(60)).build());
        assertEquals(List.of(), keys(journal.inDoubt(null, T0, T0, 10)), "checked, next check not due yet");
        assertEquals(List.of("key-1"), keys(journal.inDoubt(null, T0, T0.plusSeconds(60), 10)), "next check due");
        journal.update(b.outcome(CreditOutcome.APPROVED).checks(2).nextCheckAt(null).build());
        assertEquals(List.of(), keys(journal.inDoubt(null, T0, null, 10)), "reconciled: approved");
    }

    // --- round trip -----------------------------------------------------------------------------

    private void fullRecordRoundTrips(CreditJournal journal) {
        JournalRecord full = full("key-1");
        assertTrue(journal.claim(full.toBuilder().state(State.ATTEMPTED).outcome(null).build()).isGranted());
        journal.update(full);
        assertSameRecord(full, found(journal, "key-1"), "a record with every field set");
        JournalRecord claimedFull = full("key-2").toBuilder().state(State.ATTEMPTED).build();
        assertTrue(journal.claim(claimedFull).isGranted());
        assertSameRecord(claimedFull, found(journal, "key-2"), "an attempt claimed with every field set");
        assertSameRecord(claimedFull, holder(journal.claim(attempt("key-2").owner("later").build())), "the holder returned by a refused claim");
    }

    private void optionalFieldsStayAbsent(CreditJournal journal) {
        JournalRecord minimal = attempt("key-1").build();
        assertTrue(journal.claim(minimal).isGranted());
        JournalRecord found = found(journal, "key-1");
        assertSameRecord(minimal, found, "a record with no optional field");
        for (Optional<?> o : List.of(found.merchantReference(), found.transactionId(), found.outcome(), found.detail(),
                found.gatewayTransactionId(), found.gatewayRequestId(), found.nextCheckAt(), found.note())) {
            assertTrue(o.isEmpty(), "an absent optional field must stay absent, not become empty text or zero: " + o);
        }
        JournalRecord completed = minimal.toBuilder().state(State.COMPLETED).outcome(CreditOutcome.DECLINED).build();
        journal.update(completed);
        assertSameRecord(completed, found(journal, "key-1"), "a completed record with an outcome and no detail");
    }

    private void amountsKeepTheirScale(CreditJournal journal) {
        List<String> amounts = List.of("10.50", "10.5", "1500", "0.001", "1.250", "0.10", "0", "0.00", "123456789012.34", "99999999.999",
                "0.0000001");
        for (int i = 0; i < amounts.size(); i++) {
            assertTrue(journal.claim(attempt("amount-" + i).amount(new BigDecimal(amounts.get(i))).build()).isGranted());
        }
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal expected = new BigDecimal(amounts.get(i));
            BigDecimal actual = found(journal, "amount-" + i).amount();
            assertEquals(expected, actual, "amount " + amounts.get(i) + " (scale " + expected.scale() + ") came back as "
                    + actual.toPlainString() + " (scale " + actual.scale() + "): a journal keeps the amount exactly, scale included");
        }
    }

    private void everyOutcomeAndDetail(CreditJournal journal) {
        CreditOutcome[] outcomes = CreditOutcome.values();
        OutcomeDetail[] details = OutcomeDetail.values();
        List<JournalRecord> written = new ArrayList<>();
        for (int i = 0; i < Math.max(outcomes.length, details.length); i++) {
            JournalRecord.Builder b = attempt("outcome-" + i);
            assertTrue(journal.claim(b.build()).isGranted());
            JournalRecord r = b.state(State.COMPLETED).outcome(outcomes[i % outcomes.length]).detail(details[i % details.length]).build();
            journal.update(r);
            written.add(r);
        }
        for (JournalRecord r : written) {
            assertSameRecord(r, found(journal, r.idempotencyKey()), r.outcome().orElseThrow() + "/" + r.detail().orElseThrow());
        }
    }

    private void instantsAtMilliseconds(CreditJournal journal) {
        List<Instant> instants = List.of(Instant.EPOCH, Instant.ofEpochMilli(1), T0, Instant.parse("2026-12-31T23:59:59.999Z"),
                Instant.parse("2999-12-31T23:59:59.999Z"), Instant.parse("1999-06-15T08:30:00.500Z"));
        for (int i = 0; i < instants.size(); i++) {
            Instant t = instants.get(i);
            JournalRecord.Builder b = attempt("time-" + i).attemptedAt(t).updatedAt(t.plusMillis(1));
            assertTrue(journal.claim(b.build()).isGranted());
            journal.update(b.updatedAt(t.plusMillis(2)).nextCheckAt(t.plusMillis(3)).build());
        }
        for (int i = 0; i < instants.size(); i++) {
            Instant t = instants.get(i);
            JournalRecord r = found(journal, "time-" + i);
            assertEquals(t, r.attemptedAt(), "attemptedAt");
            assertEquals(t.plusMillis(2), r.updatedAt(), "updatedAt");
            assertEquals(Optional.of(t.plusMillis(3)), r.nextCheckAt(), "nextCheckAt");
        }
    }

    private void textAsGiven(CreditJournal journal) {
        List<String> texts = List.of("O'Brien", "say \"no\"", "'; DROP TABLE credit_journal; --", "100% _under_ \\ back", "Zürich €",
                "日本語", "\uD83D\uDCB3 card", "  padded  ", "line\nbreak\ttab");
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            JournalRecord r = attempt("text-" + i).merchantReference(t).transactionId(t).gatewayTransactionId(t).gatewayRequestId(t)
                    .owner(t).note(t).providerId("p" + t.length()).build();
            assertTrue(journal.claim(r).isGranted());
            assertSameRecord(r, found(journal, "text-" + i), "text " + t);
        }
        String longKey = "K.k_0:9-" + "x".repeat(56);
        JournalRecord longOne = attempt(longKey).note("n".repeat(1000)).merchantReference("m".repeat(50)).transactionId("t".repeat(64)).build();
        assertTrue(journal.claim(longOne).isGranted());
        assertSameRecord(longOne, found(journal, longKey), "a 64-character key with '.', '_', ':' and '-', a 1000-character note");
    }

    // --- concurrency ----------------------------------------------------------------------------

    private void raceForOneKey(CreditJournal journal) throws Exception {
        assertOneWinner(race(List.of(journal), i -> attempt("contested").owner("racer-" + i).build()), journal);
    }

    private void raceForAReleasedKey(CreditJournal journal) throws Exception {
        JournalRecord first = attempt("contested").owner("first").build();
        assertTrue(journal.claim(first).isGranted());
        journal.update(first.toBuilder().state(State.RELEASED).build());
        assertOneWinner(race(List.of(journal), i -> attempt("contested").owner("racer-" + i).attemptedAt(T0.plusSeconds(1)).build()), journal);
    }

    private void distinctKeysInParallel(CreditJournal journal) throws Exception {
        int threads = 16;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<String> refused = new ArrayList<>();
                    for (int k = 0; k < perThread; k++) {
                        String key = "t" + thread + "-k" + k;
                        if (!journal.claim(attempt(key).owner("thread-" + thread).build()).isGranted()) {
                            refused.add(key);
                        }
                    }
                    return refused;
                }));
            }
            List<String> refused = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                refused.addAll(f.get(RACE_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
            assertEquals(List.of(), refused, "distinct keys must all be granted");
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            for (int k = 0; k < perThread; k++) {
                assertEquals("thread-" + t, found(journal, "t" + t + "-k" + k).owner(), "the owner of t" + t + "-k" + k);
            }
        }
        assertEquals(threads * perThread, journal.inDoubt(null, T0.plusSeconds(1), null, 10_000).size(), "every attempt is listed once in doubt");
    }

    // --- shared store ---------------------------------------------------------------------------

    private void heldAcrossViews(CreditJournal first, CreditJournal second) {
        JournalRecord attempt = attempt("key-1").owner("first-view").build();
        assertTrue(first.claim(attempt).isGranted());
        Claim claim = second.claim(attempt("key-1").owner("second-view").build());
        assertFalse(claim.isGranted(), "a key claimed through one journal must be held through the other");
        assertSameRecord(attempt, holder(claim), "the holder seen through the second journal");
        JournalRecord other = attempt("key-2").owner("second-view").build();
        assertTrue(second.claim(other).isGranted());
        assertFalse(first.claim(attempt("key-2").build()).isGranted(), "and the other way round");
    }

    private void updateAcrossViews(CreditJournal first, CreditJournal second) {
        assertTrue(first.claim(attempt("key-1").build()).isGranted());
        JournalRecord full = full("key-1");
        second.update(full);
        assertSameRecord(full, found(first, "key-1"), "an update through the second journal, read through the first");
        assertEquals(List.of(), keys(first.inDoubt(null, T0.plusSeconds(1), null, 10)), "approved through the second: not in doubt through the first");
        first.update(full.toBuilder().state(State.RELEASED).build());
        assertTrue(second.claim(attempt("key-1").owner("second-view").build()).isGranted(),
                "released through the first journal: claimable through the second");
    }

    private void raceAcrossViews(CreditJournal first, CreditJournal second) throws Exception {
        assertOneWinner(race(List.of(first, second), i -> attempt("contested").owner("racer-" + i).build()), first);
        JournalRecord winner = found(first, "contested");
        assertSameRecord(winner, found(second, "contested"), "the record through the second journal");
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Claims from {@value #RACERS} threads released at once, the i-th through {@code journals.get(i % size)}. */
    private static List<Claim> race(List<CreditJournal> journals, IntFunction<JournalRecord> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS, daemon());
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Claim>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                JournalRecord record = attempt.apply(racer);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return journals.get(racer % journals.size()).claim(record);
                }));
            }
            assertTrue(ready.await(RACE_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the racers did not start");
            go.countDown();
            List<Claim> claims = new ArrayList<>();
            for (Future<Claim> f : futures) {
                claims.add(f.get(RACE_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
            return claims;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one claim granted; every refused one names the winner (racer-i claimed with owner racer-i). */
    private static void assertOneWinner(List<Claim> claims, CreditJournal journal) {
        List<Integer> granted = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (claims.get(i).isGranted()) {
                granted.add(i);
            }
        }
        assertEquals(1, granted.size(), "exactly one of " + claims.size() + " racing claims must be granted, granted: racers " + granted);
        String winner = "racer-" + granted.get(0);
        Set<String> holders = claims.stream().filter(c -> !c.isGranted()).map(c -> c.existing().orElseThrow().owner())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(winner), holders, "every refused claim must be held by the winner's record");
        JournalRecord record = found(journal, "contested");
        assertEquals(winner, record.owner(), "the record is the winner's");
        assertEquals(State.ATTEMPTED, record.state(), "the winner's record is attempted");
    }

    private static <T> T inAnotherThread(Callable<T> task) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor(daemon());
        try {
            return other.submit(task).get(RACE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "journal-contract");
            t.setDaemon(true);
            return t;
        };
    }

    private static void claimAll(CreditJournal journal, JournalRecord... records) {
        for (JournalRecord r : records) {
            assertTrue(journal.claim(r).isGranted(), "claim of " + r.idempotencyKey());
        }
    }

    private static JournalRecord found(CreditJournal journal, String key) {
        return journal.find(SCOPE, key).orElseGet(() -> fail("no record found for key " + key + " in scope " + SCOPE));
    }

    private static JournalRecord holder(Claim claim) {
        return claim.existing().orElseGet(() -> fail("a refused claim must carry the record that holds the key"));
    }

    private static List<String> keys(List<JournalRecord> records) {
        return records.stream().map(JournalRecord::idempotencyKey).toList();
    }

    /** An attempt with the required fields only. */
    static JournalRecord.Builder attempt(String key) {
        return JournalRecord.builder().scope(SCOPE).idempotencyKey(key).fingerprint(fingerprint(key)).state(State.ATTEMPTED).providerId("example")
                .amount(new BigDecimal("10.50")).currency("USD").attemptedAt(T0).updatedAt(T0).owner("host-1/4242");
    }

    /** A completed record with every field set. */
    static JournalRecord full(String key) {
        return attempt(key).state(State.COMPLETED).outcome(CreditOutcome.PENDING_SETTLEMENT).detail(OutcomeDetail.NONE)
                .merchantReference("order-12345").transactionId("T-2026-0001").gatewayTransactionId("7001234567890123456789")
                .gatewayRequestId("9d3c1c9e-3b7a-4c6e-9f57-2f7c0c0ad7a1").updatedAt(T0.plusMillis(1501)).checks(3)
                .nextCheckAt(T0.plusSeconds(3600).plusMillis(7)).owner("host-2/77").note("reconciled: found by transaction id").build();
    }

    static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Every field of {@code actual} equals {@code expected}'s; an amount's scale included. */
    public static void assertSameRecord(JournalRecord expected, JournalRecord actual, String what) {
        assertTrue(actual != null, what + ": no record");
        String in = what + ": ";
        assertEquals(expected.scope(), actual.scope(), in + "scope");
        assertEquals(expected.idempotencyKey(), actual.idempotencyKey(), in + "idempotencyKey");
        assertEquals(expected.fingerprint(), actual.fingerprint(), in + "fingerprint");
        assertEquals(expected.state(), actual.state(), in + "state");
        assertEquals(expected.providerId(), actual.providerId(), in + "providerId");
        assertEquals(expected.amount(), actual.amount(), in + "amount (scale included: " + expected.amount().toPlainString() + " vs "
                + actual.amount().toPlainString() + ")");
        assertEquals(expected.currency(), actual.currency(), in + "currency");
        assertEquals(expected.merchantReference(), actual.merchantReference(), in + "merchantReference");
        assertEquals(expected.transactionId(), actual.transactionId(), in + "transactionId");
        assertEquals(expected.outcome(), actual.outcome(), in + "outcome");
        assertEquals(expected.detail(), actual.detail(), in + "detail");
        assertEquals(expected.gatewayTransactionId(), actual.gatewayTransactionId(), in + "gatewayTransactionId");
        assertEquals(expected.gatewayRequestId(), actual.gatewayRequestId(), in + "gatewayRequestId");
        assertEquals(expected.attemptedAt(), actual.attemptedAt(), in + "attemptedAt");
        assertEquals(expected.updatedAt(), actual.updatedAt(), in + "updatedAt");
        assertEquals(expected.checks(), actual.checks(), in + "checks");
        assertEquals(expected.nextCheckAt(), actual.nextCheckAt(), in + "nextCheckAt");
        assertEquals(expected.owner(), actual.owner(), in + "owner");
        assertEquals(expected.note(), actual.note(), in + "note");
    }
}
