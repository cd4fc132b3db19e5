package org.standalonecredit.api.journal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.standalonecredit.api.CreditException;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FieldError;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayClosedException;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.observe.CreditEvent;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.ProviderCapabilities;

/**
 * A gateway whose credits go through a {@link CreditJournal}: the registry wraps every gateway it creates in one,
 * so the rule holds for every provider, ours or a third party's.
 *
 * <ul>
 *   <li>A request is checked locally first ({@link CreditGateway#preflight}); a local refusal claims nothing.</li>
 *   <li>The key is claimed before anything is sent. A journal that cannot record the claim means
 *       {@link CreditOutcome#NOT_SENT} ({@link OutcomeDetail#JOURNAL_UNAVAILABLE}): nothing leaves the machine.</li>
 *   <li>A key already held is not sent: a key held for another credit (amount, currency or source differ) is an
 *       {@link InvalidRequestException} on {@code idempotencyKey}; a settled one returns the recorded result; one in
 *       doubt (under way elsewhere, or never answered) is UNKNOWN with how to reconcile it.</li>
 *   <li>The outcome is recorded after; NOT_SENT releases the key so it may be sent again. A journal that cannot
 *       record the outcome does not change the result the caller gets: the record stays in doubt for the reconciler.</li>
 * </ul>
 *
 * <p>It is also where every call is observed, so that every provider reports alike: each credit, void and status
 * look-up tells the {@link CreditListener} it starts ({@link CreditListener#onCallStarted}) and how it ended, once
 * ({@link CreditListener#onCallEnded}, a {@link CreditEvent} with outcome, detail, attempts and elapsed time from the
 * clock), whether the provider answered, the journal replayed a held key, the journal could not record the attempt
 * or the call was refused. A listener that throws is logged and ignored; with {@link CreditListener#NONE} nothing is
 * built and the clock is not read for it.
 */
public final class JournaledCreditGateway implements CreditGateway {
    private static final System.Logger LOG = System.getLogger(JournaledCreditGateway.class.getName());

    private final CreditGateway delegate;
    private final CreditJournal journal;
    private final boolean ownsJournal;
    private final String scope;
    private final String owner;
    private final Clock clock;
    private final String gatewayName;
    private final CreditListener listener;
    private final boolean observed;
    private volatile boolean closed;

    private JournaledCreditGateway(CreditGateway delegate, CreditJournal journal, boolean ownsJournal, String gatewayName, String owner,
                                   Clock clock, CreditListener listener) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.ownsJournal = ownsJournal;
        this.gatewayName = Objects.requireNonNull(gatewayName, "gatewayName");
        this.scope = scopeOf(gatewayName, delegate.providerId());
        this.owner = Objects.requireNonNull(owner, "owner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.observed = listener != CreditListener.NONE;
    }

    /**
     * @param gatewayName the configured name; with the provider id it scopes the keys ({@link #scopeOf})
     * @param ownsJournal whether closing the gateway closes the journal (one it opened from configuration)
     */
    public static JournaledCreditGateway wrap(CreditGateway delegate, CreditJournal journal, boolean ownsJournal, String gatewayName,
                                              Clock clock) {
        return wrap(delegate, journal, ownsJournal, gatewayName, clock, CreditListener.NONE);
    }

    /**
     * As {@link #wrap(CreditGateway, CreditJournal, boolean, String, Clock)}, telling {@code listener} about every call
     * ({@link CreditEvent}); its elapsed times are read from {@code clock}.
     */
    public static JournaledCreditGateway wrap(CreditGateway delegate, CreditJournal journal, boolean ownsJournal, String gatewayName,
                                              Clock clock, CreditListener listener) {
        Objects.requireNonNull(delegate, "delegate");
        return new JournaledCreditGateway(delegate, journal, ownsJournal, gatewayName, JournalOwner.current(), clock, listener);
    }

    /** The scope of a gateway's records: {@code <gateway name>/<provider id>}. */
    public static String scopeOf(String gatewayName, String providerId) {
        return gatewayName + "/" + providerId;
    }

    public String scope() {
        return scope;
    }

    public CreditJournal journal() {
        return journal;
    }

    /** The provider's own gateway, which sends without the journal: for tests and diagnostics. */
    public CreditGateway delegate() {
        return delegate;
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    @Override
    public ProviderCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public void preflight(CreditRequest request) {
        delegate.preflight(request);
    }

    @Override
    public CreditResult credit(CreditRequest request) {
        if (!observed) {
            return journaled(request, new Call());
        }
        Instant start = clock.instant();
        started(CreditEvent.Operation.CREDIT, request.idempotencyKey());
        Call call = new Call();
        CreditResult result;
        try {
            result = journaled(request, call);
        } catch (RuntimeException | Error e) {
            ended(new CreditEvent(CreditEvent.Operation.CREDIT, delegate.providerId(), gatewayName, request.idempotencyKey(), null, null,
                    null, 0, since(start), call.source, e.getClass().getSimpleName()));
            throw e;
        }
        ended(new CreditEvent(CreditEvent.Operation.CREDIT, delegate.providerId(), gatewayName, request.idempotencyKey(), result.outcome(),
                null, result.detail(), result.attempts(), since(start), call.source, null));
        return result;
    }

    /** Where a credit got to, for its event: refused until the journal or the provider answers. */
    private static final class Call {
        CreditEvent.Source source = CreditEvent.Source.REFUSED;
    }

    private CreditResult journaled(CreditRequest request, Call call) {
        if (closed) {
            throw new GatewayClosedException(delegate.providerId());
        }
        delegate.preflight(request);
        JournalRecord attempt = JournalRecords.attempt(scope, delegate.providerId(), request, owner, clock.instant());
        Claim claim;
        try {
            claim = journal.claim(attempt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "credit journal: the attempt of {0} could not be recorded, so it was not sent: {1}",
                    request.idempotencyKey(), e.getClass().getSimpleName());
            call.source = CreditEvent.Source.JOURNAL_UNAVAILABLE;
            return JournalRecords.notRecorded(delegate.providerId(), request, e);
        }
        if (!claim.isGranted()) {
            CreditResult replayed = held(request, attempt, claim.existing().orElseThrow());
            call.source = CreditEvent.Source.JOURNAL_REPLAY;
            return replayed;
        }
        call.source = CreditEvent.Source.GATEWAY;
        CreditResult result;
        try {
            result = delegate.credit(request);
        } catch (CreditException e) {
            release(attempt); // refused before sending: invalid, closed, unsupported
            throw e;
        }
        record(JournalRecords.completed(attempt, result, clock.instant()));
        return result;
    }

    private CreditResult held(CreditRequest request, JournalRecord attempt, JournalRecord existing) {
        if (!existing.fingerprint().equals(attempt.fingerprint())) {
            throw new InvalidRequestException(java.util.List.of(new FieldError("idempotencyKey",
                    "was already used for a different credit (amount, currency or source differ); a new credit needs a new key")));
        }
        return JournalRecords.replay(request, existing);
    }

    private void release(JournalRecord attempt) {
        record(attempt.toBuilder().state(JournalRecord.State.RELEASED).updatedAt(clock.instant()).build());
    }

    private void record(JournalRecord record) {
        try {
            journal.update(record);
        } catch (RuntimeException | LinkageError | AssertionError e) { // after sending: a driver's own error must not hide the outcome
            LOG.log(Level.WARNING, "credit journal: the outcome of {0} ({1}) could not be recorded; the record stays in doubt"
                    + " for the reconciler: {2}", record.idempotencyKey(), record.outcome().map(Enum::name).orElse(record.state().name()),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public VoidResult voidCredit(VoidRequest request) {
        return observed ? followUp(CreditEvent.Operation.VOID, () -> delegate.voidCredit(request), VoidResult::outcome)
                : delegate.voidCredit(request);
    }

    @Override
    public StatusResult status(StatusQuery query) {
        return observed ? followUp(CreditEvent.Operation.STATUS, () -> delegate.status(query), StatusResult::outcome)
                : delegate.status(query);
    }

    /** A void or a look-up, between its start and its end event. */
    private <R> R followUp(CreditEvent.Operation operation, Supplier<R> call, Function<R, FollowUpOutcome> outcomeOf) {
        Instant start = clock.instant();
        started(operation, null);
        R result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            ended(new CreditEvent(operation, delegate.providerId(), gatewayName, null, null, null, OutcomeDetail.NONE, 0, since(start),
                    CreditEvent.Source.GATEWAY, e.getClass().getSimpleName()));
            throw e;
        }
        ended(new CreditEvent(operation, delegate.providerId(), gatewayName, null, null, outcomeOf.apply(result), OutcomeDetail.NONE, 0,
                since(start), CreditEvent.Source.GATEWAY, null));
        return result;
    }

    private Duration since(Instant start) {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    private void started(CreditEvent.Operation operation, String idempotencyKey) {
        try {
            listener.onCallStarted(new CreditEvent.Started(operation, delegate.providerId(), gatewayName, idempotencyKey));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            LOG.log(Level.WARNING, "credit listener threw {0}; ignored", e.getClass().getSimpleName());
        }
    }

    private void ended(CreditEvent event) {
        try {
            listener.onCallEnded(event);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // also the errors of a listener built against another library version, or asserting: ended runs after sending
            LOG.log(Level.WARNING, "credit listener threw {0}; ignored", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            delegate.close();
        } finally {
            if (ownsJournal) {
                journal.close();
            }
        }
    }

    @Override
    public String toString() {
        return delegate + " journaled in " + journal;
    }
}
