package org.standalonecredit.api.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.GatewayClosedException;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;

/** The journal in front of a gateway: every way the same key could be sent twice, or a credit hidden, tried. */
class JournaledCreditGatewayTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String PAN = "4111111111111111";

    private final ScriptedGateway provider = new ScriptedGateway();
    private final InMemoryCreditJournal journal = new InMemoryCreditJournal(1000);
    private final JournaledCreditGateway gateway = JournaledCreditGateway.wrap(provider, journal, false, "credit", CLOCK);

    private static CreditRequest.Builder request(String key) {
        return CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.card(PAN, CardExpiry.of(12, 2031), "123", null))
                .merchantReference("REF-1").transactionId("T-1").idempotencyKey(key);
    }

    @Test
    void theSameRequestSentTwiceIsSentOnceAndTheSecondCallGetsTheRecordedResult() {
        CreditRequest request = request("k-1").build();
        CreditResult first = gateway.credit(request);
        CreditResult second = gateway.credit(request);

        assertEquals(1, provider.credits.get());
        assertEquals(CreditOutcome.APPROVED, second.outcome());
        assertEquals(first.gatewayTransactionId(), second.gatewayTransactionId());
        assertEquals(0, second.attempts(), "nothing was sent");
        assertEquals(0, first.creditedAmount().orElseThrow().compareTo(second.creditedAmount().orElseThrow()));
    }

    @Test
    void aNewGatewayOnTheSameJournalAndNameDoesNotSendTheKeyAgain() {
        gateway.credit(request("k-2").build());
        JournaledCreditGateway another = JournaledCreditGateway.wrap(provider, journal, false, "credit", CLOCK);
        assertEquals(CreditOutcome.APPROVED, another.credit(request("k-2").build()).outcome());
        assertEquals(1, provider.credits.get());

        JournaledCreditGateway otherName = JournaledCreditGateway.wrap(provider, journal, false, "merchant-b", CLOCK);
        otherName.credit(request("k-2").build());
        assertEquals(2, provider.credits.get(), "keys are scoped by gateway name");
    }

    @Test
    void aKeyReusedForAnotherCreditIsRefusedBeforeAnythingIsSent() {
        gateway.credit(request("k-3").build());
        InvalidRequestException amount = assertThrows(InvalidRequestException.class,
                () -> gateway.credit(request("k-3").amount("10.01", "USD").build()));
        assertEquals("idempotencyKey", amount.errors().get(0).field());
        assertThrows(InvalidRequestException.class, () -> gateway.credit(request("k-3").amount("10.00", "EUR").build()));
        assertThrows(InvalidRequestException.class, () -> gateway.credit(request("k-3")
                .source(PaymentSource.card("5555555555554444", CardExpiry.of(12, 2031), "123", null)).build()));
        assertEquals(1, provider.credits.get());
    }

    @Test
    void aKeyUnderWayInAnotherThreadIsNotSentAndTheCallerGetsUnknownWithTheKeysToReconcile() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        provider.answers.add(r -> {
            inside.countDown();
            await(release);
            return ScriptedGateway.approved(r, "gw-slow");
        });
        CompletableFuture<CreditResult> first = CompletableFuture.supplyAsync(() -> gateway.credit(request("k-4").build()));
        assertTrue(inside.await(10, TimeUnit.SECONDS));

        CreditResult second = gateway.credit(request("k-4").build());
        release.countDown();

        assertEquals(CreditOutcome.UNKNOWN, second.outcome());
        assertEquals(OutcomeDetail.IN_DOUBT_IN_JOURNAL, second.detail());
        assertEquals("T-1", second.reconciliation().orElseThrow().transactionId());
        assertEquals(CreditOutcome.APPROVED, first.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(1, provider.credits.get());
    }

    @Test
    void anUnknownOutcomeIsNotSentAgainOnResubmission() {
        provider.answers.add(ScriptedGateway::unknown);
        gateway.credit(request("k-5").build());
        CreditResult again = gateway.credit(request("k-5").build());

        assertEquals(CreditOutcome.UNKNOWN, again.outcome());
        assertEquals("crid-1", again.reconciliation().orElseThrow().gatewayRequestId());
        assertTrue(again.reconciliation().orElseThrow().advice().contains("Reconciler"), again.reconciliation().orElseThrow().advice());
        assertEquals(1, provider.credits.get());
    }

    @Test
    void aCreditThatNeverLeftReleasesItsKeySoTheRetrySends() {
        provider.answers.add(ScriptedGateway::notSent);
        assertEquals(CreditOutcome.NOT_SENT, gateway.credit(request("k-6").build()).outcome());
        assertEquals(CreditOutcome.APPROVED, gateway.credit(request("k-6").build()).outcome());
        assertEquals(2, provider.credits.get());
    }

    @Test
    void aJournalThatCannotRecordTheAttemptMeansNothingIsSent() {
        JournaledCreditGateway broken = JournaledCreditGateway.wrap(provider, new FailingJournal(true, false), false, "credit", CLOCK);
        CreditResult result = broken.credit(request("k-7").build());
        assertEquals(CreditOutcome.NOT_SENT, result.outcome());
        assertEquals(OutcomeDetail.JOURNAL_UNAVAILABLE, result.detail());
        assertEquals(0, provider.credits.get());
    }

    @Test
    void aJournalThatCannotRecordTheOutcomeStillReturnsTheRealOutcome() {
        FailingJournal failing = new FailingJournal(false, true);
        JournaledCreditGateway broken = JournaledCreditGateway.wrap(provider, failing, false, "credit", CLOCK);
        CreditResult result = broken.credit(request("k-8").build());
        assertEquals(CreditOutcome.APPROVED, result.outcome(), "the credit happened: the caller is told so");
        assertEquals(JournalRecord.State.ATTEMPTED, failing.find("credit/scripted", "k-8").orElseThrow().state(),
                "left in doubt for the reconciler");
    }

    @Test
    void aJournalFailingWithALinkageErrorOnTheOutcomeStillReturnsTheRealOutcome() {
        // a JDBC driver of another version fails with a LinkageError, here only once the credit was sent
        FailingJournal driverMismatch = new FailingJournal(false, () -> {
            throw new NoSuchMethodError("java.sql.Connection.beginRequest");
        });
        CreditResult result = JournaledCreditGateway.wrap(provider, driverMismatch, false, "credit", CLOCK).credit(request("k-8e").build());
        assertEquals(CreditOutcome.APPROVED, result.outcome(), "the credit happened: the caller is told so");
        assertEquals(JournalRecord.State.ATTEMPTED, driverMismatch.find("credit/scripted", "k-8e").orElseThrow().state(), "left in doubt");
    }

    @Test
    void aRequestRefusedLocallyClaimsNothingAndOneRefusedByTheProviderBeforeSendingIsReleased() {
        assertThrows(InvalidRequestException.class, () -> gateway.credit(request("k-9").merchantReference("REFUSE").build()));
        assertTrue(journal.find("credit/scripted", "k-9").isEmpty());

        provider.answers.add(r -> {
            throw new InvalidRequestException(List.of(new org.standalonecredit.api.FieldError("source", "refused by the provider")));
        });
        assertThrows(InvalidRequestException.class, () -> gateway.credit(request("k-10").build()));
        assertEquals(JournalRecord.State.RELEASED, journal.find("credit/scripted", "k-10").orElseThrow().state());
        assertEquals(CreditOutcome.APPROVED, gateway.credit(request("k-10").build()).outcome());
    }

    @Test
    void aClosedGatewayRefusesEvenAKeyItHolds() {
        gateway.credit(request("k-11").build());
        gateway.close();
        assertThrows(GatewayClosedException.class, () -> gateway.credit(request("k-11").build()));
    }

    @Test
    void theJournalHoldsNoCardNumberOrSecurityCode() {
        gateway.credit(request("k-12").build());
        JournalRecord record = journal.find("credit/scripted", "k-12").orElseThrow();
        String everything = record + "|" + record.fingerprint() + "|" + record.note().orElse("") + "|" + record.owner();
        assertFalse(everything.contains(PAN));
        assertFalse(everything.contains("411111"), everything);
        assertEquals(64, record.fingerprint().length());
    }

    @Test
    void theInMemoryJournalForgetsTheOldestSettledRecordsButNeverOneInDoubt() {
        InMemoryCreditJournal small = new InMemoryCreditJournal(3);
        JournaledCreditGateway bounded = JournaledCreditGateway.wrap(provider, small, false, "credit", CLOCK);
        provider.answers.add(ScriptedGateway::unknown);
        bounded.credit(request("doubt").build());
        for (int i = 0; i < 10; i++) {
            bounded.credit(request("k-" + (100 + i)).build());
        }
        assertTrue(small.size() <= 3, small.toString());
        assertTrue(small.find("credit/scripted", "doubt").isPresent(), "the record in doubt is kept");
        assertEquals(CreditOutcome.UNKNOWN, bounded.credit(request("doubt").build()).outcome());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A journal failing on claim or on update, as a database that went away would. */
    private static final class FailingJournal implements CreditJournal {
        private final InMemoryCreditJournal records = new InMemoryCreditJournal(100);
        private final boolean failClaim;
        /** Throws what an update fails with, or null: updates succeed. */
        private final Runnable updateFailure;

        FailingJournal(boolean failClaim, boolean failUpdate) {
            this(failClaim, failUpdate ? () -> {
                throw new JournalException("database unreachable");
            } : null);
        }

        FailingJournal(boolean failClaim, Runnable updateFailure) {
            this.failClaim = failClaim;
            this.updateFailure = updateFailure;
        }

        @Override
        public Claim claim(JournalRecord attempt) {
            if (failClaim) {
                throw new JournalException("database unreachable");
            }
            return records.claim(attempt);
        }

        @Override
        public void update(JournalRecord record) {
            if (updateFailure != null) {
                updateFailure.run();
            }
            records.update(record);
        }

        @Override
        public Optional<JournalRecord> find(String scope, String idempotencyKey) {
            return records.find(scope, idempotencyKey);
        }

        @Override
        public List<JournalRecord> inDoubt(String scope, Instant staleBefore, Instant dueBy, int limit) {
            return records.inDoubt(scope, staleBefore, dueBy, limit);
        }
    }
}
