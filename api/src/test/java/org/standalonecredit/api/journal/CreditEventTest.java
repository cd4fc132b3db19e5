package org.standalonecredit.api.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayClosedException;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.observe.CreditEvent;
import org.standalonecredit.api.observe.CreditEvent.Source;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;

/** The one event per call the journaled gateway fires: every way a credit ends, a throwing listener, masking. */
class CreditEventTest {
    private static final String PAN = "4111111111111111";
    private static final String CVV = "987";

    private final ScriptedGateway provider = new ScriptedGateway();
    private final InMemoryCreditJournal journal = new InMemoryCreditJournal(1000);
    private final TickingClock clock = new TickingClock(Duration.ofMillis(7));
    private final Recorder events = new Recorder();
    private final JournaledCreditGateway gateway = JournaledCreditGateway.wrap(provider, journal, false, "merchant-a", clock, events);

    private static CreditRequest.Builder request(String key) {
        return CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.card(PAN, CardExpiry.of(12, 2031), CVV, null))
                .merchantReference("REF-1").transactionId("T-1").idempotencyKey(key);
    }

    @Test
    void aCreditedCreditReportsItsOutcomeAttemptsAndTheElapsedTimeOfTheClock() {
        CreditResult result = gateway.credit(request("k-1").build());

        CreditEvent event = events.only();
        assertEquals(CreditEvent.Operation.CREDIT, event.operation());
        assertEquals("scripted", event.providerId());
        assertEquals("merchant-a", event.gatewayName());
        assertEquals("k-1", event.idempotencyKey());
        assertEquals(CreditOutcome.APPROVED, event.outcome());
        assertEquals(result.detail(), event.detail());
        assertEquals(1, event.attempts());
        assertEquals(Source.GATEWAY, event.source());
        assertFalse(event.threw());
        // start, the journal's attempt, the journal's outcome, end: three ticks of 7 ms between the first and the last
        assertEquals(Duration.ofMillis(21), event.elapsed());
        assertEquals(List.of("started CREDIT k-1", "ended CREDIT APPROVED"), events.order);
    }

    @Test
    void aDeclinedCreditReportsTheDeclineAndItsDetail() {
        provider.answers.add(r -> CreditResult.builder().providerId("scripted").idempotencyKey(r.idempotencyKey()).attempts(1)
                .outcome(CreditOutcome.DECLINED, OutcomeDetail.DECLINED_BY_ISSUER).addError(new GatewayError("05", "do not honor", null))
                .build());
        gateway.credit(request("k-2").build());

        CreditEvent event = events.only();
        assertEquals(CreditOutcome.DECLINED, event.outcome());
        assertEquals(OutcomeDetail.DECLINED_BY_ISSUER, event.detail());
        assertEquals(Source.GATEWAY, event.source());
    }

    @Test
    void anUnknownCreditAndAnEchoMismatchReportUnknownWithTheirDetail() {
        provider.answers.add(ScriptedGateway::unknown);
        provider.answers.add(r -> CreditResult.builder().providerId("scripted").idempotencyKey(r.idempotencyKey()).attempts(3)
                .outcome(CreditOutcome.UNKNOWN, OutcomeDetail.ECHO_MISMATCH)
                .reconciliation(new Reconciliation(r.idempotencyKey(), null, null, "gw-9", null, "look it up")).build());
        gateway.credit(request("k-3").build());
        gateway.credit(request("k-4").build());

        assertEquals(2, events.ended.size());
        assertEquals(OutcomeDetail.NO_RESPONSE, events.ended.get(0).detail());
        CreditEvent mismatch = events.ended.get(1);
        assertEquals(CreditOutcome.UNKNOWN, mismatch.outcome());
        assertEquals(OutcomeDetail.ECHO_MISMATCH, mismatch.detail());
        assertEquals(3, mismatch.attempts());
        assertEquals(Source.GATEWAY, mismatch.source());
    }

    @Test
    void aCreditTheProviderCouldNotSendReportsNotSentFromTheGateway() {
        provider.answers.add(ScriptedGateway::notSent);
        gateway.credit(request("k-5").build());

        CreditEvent event = events.only();
        assertEquals(CreditOutcome.NOT_SENT, event.outcome());
        assertEquals(OutcomeDetail.CONNECTION_FAILED, event.detail());
        assertEquals(Source.GATEWAY, event.source());
    }

    @Test
    void aJournalThatCannotRecordTheAttemptReportsNotSentFromTheJournalWithNoAttempt() {
        JournaledCreditGateway broken = JournaledCreditGateway.wrap(provider, new UnreachableJournal(), false, "credit", clock, events);
        broken.credit(request("k-6").build());

        CreditEvent event = events.only();
        assertEquals(CreditOutcome.NOT_SENT, event.outcome());
        assertEquals(OutcomeDetail.JOURNAL_UNAVAILABLE, event.detail());
        assertEquals(Source.JOURNAL_UNAVAILABLE, event.source());
        assertEquals(0, event.attempts());
        assertEquals(0, provider.credits.get());
    }

    @Test
    void aHeldKeyReportsTheReplayedOutcomeWithNoAttemptAndAKeyInDoubtReportsUnknown() {
        gateway.credit(request("k-7").build());
        gateway.credit(request("k-7").build());
        provider.answers.add(ScriptedGateway::unknown);
        gateway.credit(request("k-8").build());
        gateway.credit(request("k-8").build());

        assertEquals(4, events.ended.size());
        CreditEvent replay = events.ended.get(1);
        assertEquals(CreditOutcome.APPROVED, replay.outcome());
        assertEquals(Source.JOURNAL_REPLAY, replay.source());
        assertEquals(0, replay.attempts());
        CreditEvent inDoubt = events.ended.get(3);
        assertEquals(CreditOutcome.UNKNOWN, inDoubt.outcome());
        assertEquals(Source.JOURNAL_REPLAY, inDoubt.source());
        assertEquals(0, inDoubt.attempts());
    }

    @Test
    void aCallRefusedBeforeTheGatewayReportsTheExceptionAndNoOutcome() {
        assertThrows(InvalidRequestException.class, () -> gateway.credit(request("k-9").merchantReference("REFUSE").build()));
        gateway.credit(request("k-10").build());
        assertThrows(InvalidRequestException.class, () -> gateway.credit(request("k-10").amount("11.00", "USD").build()));
        gateway.close();
        assertThrows(GatewayClosedException.class, () -> gateway.credit(request("k-11").build()));

        List<CreditEvent> refused = events.ended.stream().filter(CreditEvent::threw).toList();
        assertEquals(3, refused.size());
        for (CreditEvent event : refused) {
            assertEquals(Source.REFUSED, event.source());
            assertNull(event.outcome());
            assertEquals("NONE", event.outcomeName());
            assertEquals(0, event.attempts());
        }
        assertEquals(List.of("InvalidRequestException", "InvalidRequestException", "GatewayClosedException"),
                refused.stream().map(CreditEvent::exception).toList());
        assertEquals(events.started.size(), events.ended.size(), "every start has its end");
    }

    @Test
    void aProviderThatThrowsReportsTheExceptionFromTheGateway() {
        provider.answers.add(r -> {
            throw new IllegalStateException("a third party's bug");
        });
        assertThrows(IllegalStateException.class, () -> gateway.credit(request("k-12").build()));

        CreditEvent event = events.only();
        assertEquals(Source.GATEWAY, event.source());
        assertEquals("IllegalStateException", event.exception());
    }

    @Test
    void aStatusLookUpReportsItsFollowUpOutcome() {
        provider.statusAnswers.add(q -> ScriptedGateway.found(List.of()));
        gateway.status(StatusQuery.byTransactionId("T-1"));

        CreditEvent event = events.only();
        assertEquals(CreditEvent.Operation.STATUS, event.operation());
        assertEquals(FollowUpOutcome.DONE, event.followUpOutcome());
        assertNull(event.outcome());
        assertNull(event.idempotencyKey());
        assertEquals("DONE", event.outcomeName());
        assertEquals(List.of("started STATUS null", "ended STATUS DONE"), events.order);
    }

    @Test
    void aListenerThatThrowsChangesNothingAboutTheCredit() {
        CreditListener throwing = new CreditListener() {
            @Override
            public void onEvent(ExchangeEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onCallStarted(CreditEvent.Started started) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onCallEnded(CreditEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        JournaledCreditGateway observed = JournaledCreditGateway.wrap(provider, journal, false, "credit", clock, throwing);
        provider.answers.add(ScriptedGateway::unknown);

        CreditResult unknown = observed.credit(request("k-13").build());
        CreditResult approved = observed.credit(request("k-14").build());

        assertEquals(CreditOutcome.UNKNOWN, unknown.outcome());
        assertEquals(CreditOutcome.APPROVED, approved.outcome());
        assertEquals(JournalRecord.State.COMPLETED, journal.find("credit/scripted", "k-14").orElseThrow().state(), "the outcome is recorded");
        assertEquals(2, provider.credits.get());
    }

    @Test
    void aListenerFailingWithALinkageOrAssertionErrorChangesNothingAboutTheCreditEither() {
        // a metrics listener built against another library version fails with a LinkageError, and only once the credit was sent
        for (java.util.function.Supplier<Error> failure : List.<java.util.function.Supplier<Error>>of(
                () -> new NoSuchMethodError("io.micrometer.core.instrument.Timer.record"), () -> new AssertionError("listener assert"))) {
            CreditListener failing = new CreditListener() {
                @Override
                public void onEvent(ExchangeEvent event) {
                    throw failure.get();
                }

                @Override
                public void onCallStarted(CreditEvent.Started started) {
                    throw failure.get();
                }

                @Override
                public void onCallEnded(CreditEvent event) {
                    throw failure.get();
                }
            };
            String key = "k-err-" + failure.get().getClass().getSimpleName();
            for (CreditListener listener : List.of(failing, CreditListener.all(events, failing))) {
                JournaledCreditGateway observed = JournaledCreditGateway.wrap(provider, journal, false, "credit", clock, listener);
                String k = key + (listener == failing ? "-alone" : "-combined");
                CreditResult approved = observed.credit(request(k).build());
                assertEquals(CreditOutcome.APPROVED, approved.outcome());
                assertEquals(JournalRecord.State.COMPLETED, journal.find("credit/scripted", k).orElseThrow().state());
            }
        }
    }

    @Test
    void severalListenersAreEachCalledAndOneThatThrowsDoesNotStopTheOthers() {
        Recorder second = new Recorder();
        CreditListener throwing = new CreditListener() {
            @Override
            public void onEvent(ExchangeEvent event) {
            }

            @Override
            public void onCallEnded(CreditEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        JournaledCreditGateway observed = JournaledCreditGateway.wrap(provider, journal, false, "credit", clock,
                CreditListener.all(events, throwing, second));
        observed.credit(request("k-15").build());

        assertEquals(1, events.ended.size());
        assertEquals(1, second.ended.size());
        assertSame(CreditListener.NONE, CreditListener.all());
        assertSame(events, CreditListener.all(events));
        CreditListener contentBlind = new CreditListener() {
            @Override
            public void onEvent(ExchangeEvent event) {
            }

            @Override
            public boolean readsExchangeContent() {
                return false;
            }
        };
        assertFalse(CreditListener.all(contentBlind, contentBlind).readsExchangeContent());
        assertTrue(CreditListener.all(contentBlind, second).readsExchangeContent(), "one that reads content gets it");
    }

    @Test
    void noEventHoldsTheCardNumberOrSecurityCodeAndAKeyLookingLikeACardNumberIsMasked() {
        gateway.credit(request(PAN).build());
        gateway.credit(request("key-" + PAN).build());

        String everything = events.started + "|" + events.ended;
        assertFalse(everything.contains(PAN), everything);
        assertFalse(everything.contains(CVV), everything);
        assertEquals("411111******1111", events.ended.get(0).idempotencyKey());
        assertEquals("key-411111******1111", events.started.get(1).idempotencyKey());
    }

    @Test
    void withoutAListenerTheClockIsReadOnlyByTheJournal() {
        TickingClock counting = new TickingClock(Duration.ZERO);
        JournaledCreditGateway quiet = JournaledCreditGateway.wrap(provider, journal, false, "credit", counting);
        quiet.credit(request("k-16").build());
        assertEquals(2, counting.reads.get(), "the attempt's and the outcome's time");
    }

    /** Records every start and end, and their order. */
    private static final class Recorder implements CreditListener {
        final List<CreditEvent.Started> started = new ArrayList<>();
        final List<CreditEvent> ended = new ArrayList<>();
        final List<String> order = new ArrayList<>();

        @Override
        public void onEvent(ExchangeEvent event) {
        }

        @Override
        public void onCallStarted(CreditEvent.Started s) {
            started.add(s);
            order.add("started " + s.operation() + " " + s.idempotencyKey());
        }

        @Override
        public void onCallEnded(CreditEvent event) {
            ended.add(event);
            order.add("ended " + event.operation() + " " + event.outcomeName());
        }

        CreditEvent only() {
            assertEquals(1, ended.size(), ended.toString());
            assertEquals(1, started.size(), started.toString());
            return ended.get(0);
        }
    }

    /** Moves on by a fixed step every time it is read, and counts its reads. */
    private static final class TickingClock extends Clock {
        final AtomicInteger reads = new AtomicInteger();
        private final Duration step;
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        TickingClock(Duration step) {
            this.step = step;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            reads.incrementAndGet();
            Instant read = now;
            now = now.plus(step);
            return read;
        }
    }

    /** A journal whose database went away. */
    private static final class UnreachableJournal implements CreditJournal {
        @Override
        public Claim claim(JournalRecord attempt) {
            throw new JournalException("database unreachable");
        }

        @Override
        public void update(JournalRecord record) {
            throw new JournalException("database unreachable");
        }

        @Override
        public Optional<JournalRecord> find(String scope, String idempotencyKey) {
            return Optional.empty();
        }

        @Override
        public List<JournalRecord> inDoubt(String scope, Instant staleBefore, Instant dueBy, int limit) {
            return List.of();
        }
    }
}
