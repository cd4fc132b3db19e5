package org.standalonecredit.api.journal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.spi.ProviderCapabilities;

/** A gateway whose credits and look-ups answer as the test scripts them; it counts what was "sent". */
final class ScriptedGateway implements CreditGateway {
    final AtomicInteger credits = new AtomicInteger();
    final AtomicInteger lookUps = new AtomicInteger();
    final Deque<Function<CreditRequest, CreditResult>> answers = new ArrayDeque<>();
    final Deque<Function<StatusQuery, StatusResult>> statusAnswers = new ArrayDeque<>();
    private final ProviderCapabilities capabilities;

    ScriptedGateway(EnumSet<FollowUp> followUps) {
        this.capabilities = new ProviderCapabilities(EnumSet.allOf(SourceKind.class), followUps);
    }

    ScriptedGateway() {
        this(EnumSet.of(FollowUp.STATUS_BY_TRANSACTION_ID, FollowUp.STATUS_BY_GATEWAY_ID, FollowUp.STATUS_BY_MERCHANT_REFERENCE));
    }

    static CreditResult approved(CreditRequest r, String gatewayId) {
        return CreditResult.builder().providerId("scripted").idempotencyKey(r.idempotencyKey()).attempts(1)
                .outcome(CreditOutcome.APPROVED).gatewayTransactionId(gatewayId)
                .creditedAmount(r.amount().amount(), r.amount().currencyCode()).build();
    }

    static CreditResult unknown(CreditRequest r) {
        return CreditResult.builder().providerId("scripted").idempotencyKey(r.idempotencyKey()).attempts(1)
                .outcome(CreditOutcome.UNKNOWN, OutcomeDetail.NO_RESPONSE)
                .reconciliation(new Reconciliation(r.idempotencyKey(), r.merchantReference().orElse(null), r.transactionId().orElse(null),
                        null, "crid-1", "look it up"))
                .build();
    }

    static CreditResult notSent(CreditRequest r) {
        return CreditResult.builder().providerId("scripted").idempotencyKey(r.idempotencyKey()).attempts(1)
                .outcome(CreditOutcome.NOT_SENT, OutcomeDetail.CONNECTION_FAILED).build();
    }

    static StatusResult found(List<org.standalonecredit.api.CreditStatus> credits) {
        return new StatusResult("scripted", FollowUpOutcome.DONE, credits, 200, List.of(), "{}");
    }

    static StatusResult failed() {
        return new StatusResult("scripted", FollowUpOutcome.UNKNOWN, List.of(), 0, List.of(), null);
    }

    @Override
    public String providerId() {
        return "scripted";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    /** Refuses locally a request whose merchant reference is "REFUSE", as a provider's own rules would. */
    @Override
    public void preflight(CreditRequest request) {
        if (request.merchantReference().filter("REFUSE"::equals).isPresent()) {
            throw new org.standalonecredit.api.InvalidRequestException(List.of(new org.standalonecredit.api.FieldError("merchantReference",
                    "refused locally")));
        }
    }

    @Override
    public CreditResult credit(CreditRequest request) {
        credits.incrementAndGet();
        Function<CreditRequest, CreditResult> answer = answers.poll();
        return answer == null ? approved(request, "gw-" + credits.get()) : answer.apply(request);
    }

    @Override
    public VoidResult voidCredit(VoidRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StatusResult status(StatusQuery query) {
        lookUps.incrementAndGet();
        Function<StatusQuery, StatusResult> answer = statusAnswers.poll();
        return answer == null ? failed() : answer.apply(query);
    }

    @Override
    public void close() {
    }
}
