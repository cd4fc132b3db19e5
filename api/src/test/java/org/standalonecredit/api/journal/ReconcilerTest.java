package org.standalonecredit.api.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;

/** The reconciler settles what the journal left in doubt, and only says "not credited" when the look-up is authoritative. */
class ReconcilerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ScriptedGateway provider = new ScriptedGateway();
    private final InMemoryCreditJournal journal = new InMemoryCreditJournal(1000);
    private final JournaledCreditGateway gateway = JournaledCreditGateway.wrap(provider, journal, false, "credit", clock);
    private final Reconciler reconciler = Reconciler.forGateway(gateway).clock(clock).build();

    private static CreditRequest request(String key) {
        return CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.customerToken("TOKEN1234"))
                .merchantReference("REF-1").transactionId("T-" + key).idempotencyKey(key).build();
    }

    private static CreditStatus credited(String transactionId, String amount) {
        return new CreditStatus("gw-found", CreditOutcome.PENDING_SETTLEMENT, "PENDING", new BigDecimal(amount), "USD", "REF-1",
                transactionId, false, null);
    }

    @Test
    void aCreditFoundIsRecordedAndTheKeyThenReturnsIt() {
        provider.answers.add(ScriptedGateway::unknown);
        gateway.credit(request("k-1"));
        provider.statusAnswers.add(q -> ScriptedGateway.found(List.of(credited("T-k-1", "10.00"))));

        List<Resolution> resolved = reconciler.reconcileDue(10);

        assertEquals(Resolution.Verdict.CREDITED, resolved.get(0).verdict(), resolved.toString());
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, gateway.credit(request("k-1")).outcome());
        assertEquals("gw-found", gateway.credit(request("k-1")).gatewayTransactionId().orElseThrow());
        assertEquals(1, provider.credits.get());
        assertTrue(reconciler.inDoubt(10).isEmpty());
    }

    @Test
    void aCreditOfAnotherAmountDoesNotSettleIt() {
        provider.answers.add(ScriptedGateway::unknown);
        gateway.credit(request("k-2"));
        provider.statusAnswers.add(q -> ScriptedGateway.found(List.of(credited("T-k-2", "99.00"))));

        assertEquals(Resolution.Verdict.STILL_UNKNOWN, reconciler.reconcileDue(10).get(0).verdict());
    }

    @Test
    void aCreditFoundThatIsNotTheRecordsNeverReleasesTheKeyHoweverOld() {
        provider.answers.add(ScriptedGateway::unknown);
        gateway.credit(request("k-8"));
        clock.advance(Reconciler.DEFAULT_NOT_FOUND_AFTER.plusMinutes(50));
        provider.statusAnswers.add(q -> ScriptedGateway.found(List.of(credited("T-k-8", "99.00"))));

        Resolution r = reconciler.reconcileDue(10).get(0);
        assertEquals(Resolution.Verdict.STILL_UNKNOWN, r.verdict(), r.explanation());
        assertTrue(r.after().inDoubt(), "a credit under the record's own look-up may be this one: the key is not released");
        assertEquals(CreditOutcome.UNKNOWN, gateway.credit(request("k-8")).outcome());
        assertEquals(1, provider.credits.get(), "nothing sent again");
    }

    @Test
    void aCreditFoundByItsIdsSettlesItWhateverFieldTheGatewayReportsAsItsReference() {
        // Commerce Hub with an invoice number: the reference goes to merchantOrderId, its look-up reports the invoice number
        provider.answers.add(ScriptedGateway::unknown);
        gateway.credit(request("k-9"));
        provider.statusAnswers.add(q -> ScriptedGateway.found(List.of(new CreditStatus("gw-found", CreditOutcome.APPROVED, "AUTHORIZED",
                new BigDecimal("10.00"), "USD", "INV-77", "T-k-9", false, null))));

        Resolution r = reconciler.reconcileDue(10).get(0);
        assertEquals(Resolution.Verdict.CREDITED, r.verdict(), r.explanation());
        assertEquals("gw-found", r.after().gatewayTransactionId().orElseThrow());
    }

    @Test
    void nothingFoundSettlesAsNotCreditedOnlyOnceTheLookUpIsAuthoritative() {
        provider.answers.add(ScriptedGateway::unknown);
        gateway.credit(request("k-3"));
        provider.statusAnswers.add(q -> ScriptedGateway.found(List.of()));

        Resolution young = reconciler.reconcileDue(10).get(0);
        assertEquals(Resolution.Verdict.STILL_UNKNOWN, young.verdict());
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), young.after().nextCheckAt().orElseThrow());
        assertTrue(reconciler.reconcileDue(10).isEmpty(), "not due again before its next check");

        clock.advance(Duration.ofMinutes(11));
        provider.statusAnswers.add(q -> ScriptedGateway.found(List.of()));
        Resolution old = reconciler.reconcileDue(10).get(0);
        assertEquals(Resolution.Verdict.NOT_CREDITED, old.verdict(), old.explanation());
        assertEquals(JournalRecord.State.RELEASED, old.after().state());

        assertEquals(CreditOutcome.APPROVED, gateway.credit(request("k-3")).outcome(), "a released key may be sent again");
        assertEquals(2, provider.credits.get());
    }

    @Test
    void aFailedLookUpIsTriedAgainLaterAndLaterStill() {
        provider.answers.add(ScriptedGateway::unknown);
        gateway.credit(request("k-4"));
        Duration[] waits = new Duration[4];
        for (int i = 0; i < waits.length; i++) {
            Resolution r = reconciler.reconcileDue(10).get(0);
            assertEquals(Resolution.Verdict.STILL_UNKNOWN, r.verdict());
            waits[i] = Duration.between(clock.instant(), r.after().nextCheckAt().orElseThrow());
            clock.advance(waits[i]);
        }
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15)), List.of(waits));
    }

    @Test
    void anAttemptWhoseProcessDiedIsPickedUpOnlyOnceStale() {
        JournalRecord attempt = JournalRecords.attempt(gateway.scope(), "scripted", request("k-5"), "pid 1 (dead)", clock.instant());
        journal.claim(attempt);
        assertTrue(reconciler.reconcileDue(10).isEmpty(), "may still be under way");

        clock.advance(Reconciler.DEFAULT_STALE_AFTER.plusSeconds(1));
        provider.statusAnswers.add(q -> ScriptedGateway.found(List.of(credited("T-k-5", "10.00"))));
        assertEquals(Resolution.Verdict.CREDITED, reconciler.reconcileDue(10).get(0).verdict());
    }

    @Test
    void theLookUpUsesTheBestKeyTheProviderOffers() {
        JournalRecord record = JournalRecords.attempt("s", "p", request("k-6"), "o", clock.instant());
        assertEquals(StatusQuery.By.TRANSACTION_ID, Reconciler.queryFor(record,
                new ScriptedGateway().capabilities()).orElseThrow().by());
        assertEquals(StatusQuery.By.GATEWAY_TRANSACTION_ID, Reconciler.queryFor(record.toBuilder().gatewayTransactionId("gw-1").build(),
                new ScriptedGateway().capabilities()).orElseThrow().by());
        assertEquals(StatusQuery.By.IDEMPOTENCY_KEY, Reconciler.queryFor(record,
                new ScriptedGateway(EnumSet.of(FollowUp.STATUS_BY_IDEMPOTENCY_KEY)).capabilities()).orElseThrow().by());
        assertTrue(Reconciler.queryFor(record, new ScriptedGateway(EnumSet.noneOf(FollowUp.class)).capabilities()).isEmpty());
    }

    @Test
    void onlyThisGatewaysScopeIsReconciled() {
        JournaledCreditGateway other = JournaledCreditGateway.wrap(provider, journal, false, "other", clock);
        provider.answers.add(ScriptedGateway::unknown);
        other.credit(request("k-7"));
        assertTrue(reconciler.reconcileDue(10).isEmpty());
        assertEquals(0, provider.lookUps.get());
    }

    /** A clock the test moves. */
    static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
