package org.standalonecredit.kit;

import org.standalonecredit.api.spi.ProviderCapabilities;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FieldError;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.GatewayClosedException;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.Validation;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.transport.TransportFailure;

/**
 * The rules every provider shares, applied before and after the provider's own mapping:
 * the payment source and follow-up must be declared, the provider's own field rules run before any
 * HTTP call, and a success whose echoed amount or currency differs from the request becomes
 * {@link CreditOutcome#UNKNOWN} / {@link OutcomeDetail#ECHO_MISMATCH} instead of a clean success.
 * It also owns the gateway's life: calls after {@link #close()} are refused before anything is sent, and
 * closing waits up to {@link #closeGrace()} for the calls under way before {@link #release()} frees the transport.
 */
public abstract class AbstractCreditGateway implements CreditGateway {
    /** How long {@link #close()} waits for calls under way, unless the provider says otherwise. */
    public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(30);
    private static final long DRAIN_POLL_MILLIS = 5;

    private final String providerId;
    private final ProviderCapabilities capabilities;
    /** Calls under way; a LongAdder so that concurrent callers do not contend on one counter. */
    private final LongAdder inFlight = new LongAdder();
    private volatile boolean closed;

    protected AbstractCreditGateway(String providerId, ProviderCapabilities capabilities) {
        this.providerId = providerId;
        this.capabilities = capabilities;
    }

    @Override
    public final String providerId() {
        return providerId;
    }

    @Override
    public final ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public final CreditResult credit(CreditRequest request) {
        preflight(request);
        enter();
        try {
            return checkEcho(request, sendCredit(request));
        } finally {
            inFlight.decrement();
        }
    }

    @Override
    public final void preflight(CreditRequest request) {
        Validation v = new Validation();
        validate(request, v);
        if (!capabilities.supports(request.source().kind()) && !names(v, "source")) {
            v.reject("source", "provider '" + providerId + "' does not accept " + request.source().kind()
                    + "; it accepts " + capabilities.sources());
        }
        v.throwIfInvalid();
    }

    private static boolean names(Validation v, String field) {
        for (FieldError e : v.errors()) {
            if (e.field().equals(field)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public final VoidResult voidCredit(VoidRequest request) {
        FollowUp needed = request.reason() == VoidRequest.Reason.TIMEOUT ? FollowUp.TIMEOUT_VOID : FollowUp.VOID;
        if (!capabilities.supports(needed)) {
            throw new UnsupportedFollowUpException(providerId, needed);
        }
        enter();
        try {
            return sendVoid(request);
        } finally {
            inFlight.decrement();
        }
    }

    @Override
    public final StatusResult status(StatusQuery query) {
        if (!capabilities.supports(query.requiredFollowUp())) {
            throw new UnsupportedFollowUpException(providerId, query.requiredFollowUp());
        }
        enter();
        try {
            return sendStatus(query);
        } finally {
            inFlight.decrement();
        }
    }

    /**
     * Counted before the closed flag is read, and {@link #close()} sets the flag before it reads the count:
     * so either the call sees the gateway closed and sends nothing, or close waits for it.
     */
    private void enter() {
        inFlight.increment();
        if (closed) {
            inFlight.decrement();
            throw new GatewayClosedException(providerId);
        }
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        awaitCallsUnderWay(closeGrace());
        release();
    }

    private void awaitCallsUnderWay(Duration grace) {
        long end = System.nanoTime() + grace.toNanos();
        while (inFlight.sum() > 0 && System.nanoTime() - end < 0) {
            try {
                Thread.sleep(DRAIN_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How long {@link #close()} waits for calls under way before {@link #release()}; the transport's deadline is a good choice. */
    protected Duration closeGrace() {
        return DEFAULT_CLOSE_GRACE;
    }

    /** Frees what the gateway holds (its transport, threads). Called once, by {@link #close()}. */
    protected abstract void release();

    /**
     * The provider's own field rules (lengths, required fields of a flow); add errors to {@code v}.
     * Runs for every request, also one whose source kind is not declared, so all errors are reported
     * together: do not assume the source kind here.
     */
    protected void validate(CreditRequest request, Validation v) {
    }

    protected abstract CreditResult sendCredit(CreditRequest request);

    /**
     * Sends a void the provider declared in its capabilities. Only called for a declared follow-up, so a
     * provider that declares no void need not override it; the default refuses, sending nothing.
     */
    protected VoidResult sendVoid(VoidRequest request) {
        throw new UnsupportedFollowUpException(providerId, request.reason() == VoidRequest.Reason.TIMEOUT ? FollowUp.TIMEOUT_VOID : FollowUp.VOID);
    }

    /**
     * Sends a status look-up the provider declared in its capabilities. Only called for a declared follow-up,
     * so a provider that declares none need not override it; the default refuses, sending nothing.
     */
    protected StatusResult sendStatus(StatusQuery query) {
        throw new UnsupportedFollowUpException(providerId, query.requiredFollowUp());
    }

    /** A result builder with the provider id and the request's idempotency key filled in. */
    protected CreditResult.Builder resultFor(CreditRequest request) {
        return CreditResult.builder().providerId(providerId).idempotencyKey(request.idempotencyKey());
    }

    /** The keys to reconcile this request by, with advice. */
    protected Reconciliation reconciliationFor(CreditRequest request, String gatewayTransactionId, String gatewayRequestId, String advice) {
        return new Reconciliation(request.idempotencyKey(), request.merchantReference().orElse(null),
                request.transactionId().orElse(null), gatewayTransactionId, gatewayRequestId, advice);
    }

    /** The result of a request that got no answer: not sent (safe to retry) or unknown (reconcile). */
    protected CreditResult noAnswer(CreditRequest request, TransportFailure failure, int attempts, String advice) {
        CreditResult.Builder b = resultFor(request).attempts(attempts);
        if (failure.wasSent()) {
            boolean unreadable = failure.answerUnreadable();
            b.outcome(CreditOutcome.UNKNOWN, unreadable ? OutcomeDetail.UNREADABLE_RESPONSE : OutcomeDetail.NO_RESPONSE)
                    .responseMessage((unreadable ? "unreadable answer: " : "no answer: ") + failure.kind())
                    .reconciliation(reconciliationFor(request, null, null, advice));
        } else {
            b.outcome(CreditOutcome.NOT_SENT, OutcomeDetail.CONNECTION_FAILED)
                    .responseMessage("not sent: " + failure.kind());
        }
        return b.build();
    }

    /**
     * The result of a credit once its attempts are over. When an attempt before the last may have reached the
     * gateway, a refusal of a later attempt, or a later attempt that never left, says nothing about that
     * earlier one, which may have made the credit: such a result becomes UNKNOWN with a reconciliation. Only
     * the gateway's own answer about the transaction (approved, pending, declined) or UNKNOWN stands then.
     *
     * @param gatewayRequestId the request id to reconcile by (a Client-Request-Id), or null
     */
    protected final CreditResult settle(CreditRequest request, AttemptLoop.Outcome outcome, CreditResult mapped,
                                        String gatewayRequestId, String advice) {
        return settle(request, outcome, mapped, gatewayRequestId, () -> advice);
    }

    /** As {@link #settle(CreditRequest, AttemptLoop.Outcome, CreditResult, String, String)}, the advice written only when needed. */
    protected final CreditResult settle(CreditRequest request, AttemptLoop.Outcome outcome, CreditResult mapped,
                                        String gatewayRequestId, Supplier<String> advice) {
        boolean definiteFailure = mapped.outcome() == CreditOutcome.REJECTED || mapped.outcome() == CreditOutcome.NOT_SENT;
        if (!outcome.sentBeforeLast() || !definiteFailure) {
            return mapped;
        }
        String last = mapped.outcome() == CreditOutcome.NOT_SENT
                ? "the last could not be sent"
                : "the last was refused (" + mapped.outcome() + "/" + mapped.detail()
                        + (mapped.httpStatus() > 0 ? ", HTTP " + mapped.httpStatus() : "") + ")";
        return mapped.toBuilder()
                .outcome(CreditOutcome.UNKNOWN, OutcomeDetail.NO_RESPONSE)
                .responseMessage("an earlier attempt of this credit was sent and got no definitive answer, so the credit may have"
                        + " been made; " + last + ", which says nothing about the earlier attempt")
                .reconciliation(reconciliationFor(request, mapped.gatewayTransactionId().orElse(null), gatewayRequestId, advice.get()))
                .build();
    }

    static CreditResult checkEcho(CreditRequest request, CreditResult result) {
        if (!result.outcome().isSuccess() || result.creditedAmount().isEmpty()) {
            return result;
        }
        if (request.amount().matches(result.creditedAmount().get(), result.creditedCurrency().orElse(null))) {
            return result;
        }
        return result.toBuilder()
                .outcome(CreditOutcome.UNKNOWN, OutcomeDetail.ECHO_MISMATCH)
                .reconciliation(new Reconciliation(request.idempotencyKey(), request.merchantReference().orElse(null),
                        request.transactionId().orElse(null), result.gatewayTransactionId().orElse(null), null,
                        // both come from the answer, whatever it holds: masked like any text from a gateway
                        "The gateway echoed " + Masking.maskText(result.creditedAmount().get().toPlainString() + " "
                                + result.creditedCurrency().orElse("?"))
                                + " for a request of " + request.amount() + ": check the credit with the status follow-up and void it if wrong."))
                .build();
    }

    /** For providers: an invalid-request exception naming one field. */
    protected static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }
}
