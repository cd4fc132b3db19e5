package org.standalonecredit.api.journal;

import java.time.Instant;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.privacy.Masking;

/** Records made from requests and results, and results made from records. */
final class JournalRecords {
    /** Notes are for people reading the journal; a gateway's advice fits well within this. */
    private static final int MAX_NOTE = 500;

    private JournalRecords() {
    }

    static JournalRecord attempt(String scope, String providerId, CreditRequest request, String owner, Instant now) {
        return JournalRecord.builder().scope(scope).idempotencyKey(request.idempotencyKey()).fingerprint(RequestFingerprint.of(request))
                .state(JournalRecord.State.ATTEMPTED).providerId(providerId).amount(request.amount().amount())
                .currency(request.amount().currencyCode()).merchantReference(request.merchantReference().orElse(null))
                .transactionId(request.transactionId().orElse(null)).attemptedAt(now).updatedAt(now).owner(owner).build();
    }

    static JournalRecord completed(JournalRecord attempt, CreditResult result, Instant now) {
        if (result.outcome() == CreditOutcome.NOT_SENT) {
            return attempt.toBuilder().state(JournalRecord.State.RELEASED).outcome(CreditOutcome.NOT_SENT).detail(result.detail())
                    .updatedAt(now).build();
        }
        Reconciliation reconciliation = result.reconciliation().orElse(null);
        return attempt.toBuilder().state(JournalRecord.State.COMPLETED).outcome(result.outcome()).detail(result.detail())
                .gatewayTransactionId(result.gatewayTransactionId()
                        .orElse(reconciliation != null ? reconciliation.gatewayTransactionId() : null))
                .gatewayRequestId(reconciliation != null ? reconciliation.gatewayRequestId() : null)
                .note(reconciliation != null ? note(reconciliation.advice()) : null)
                .updatedAt(now).build();
    }

    static String note(String text) {
        if (text == null) {
            return null;
        }
        String masked = Masking.maskText(text);
        return masked.length() <= MAX_NOTE ? masked : masked.substring(0, MAX_NOTE - 1) + "…";
    }

    /** What a call gets for a key the journal already holds for the same credit; nothing is sent. */
    static CreditResult replay(CreditRequest request, JournalRecord existing) {
        CreditResult.Builder b = CreditResult.builder().providerId(existing.providerId()).idempotencyKey(request.idempotencyKey())
                .attempts(0).submittedAt(existing.attemptedAt());
        existing.gatewayTransactionId().ifPresent(b::gatewayTransactionId);
        if (!existing.inDoubt()) {
            CreditOutcome outcome = existing.outcome().orElseThrow();
            b.outcome(outcome, existing.detail().orElse(OutcomeDetail.NONE))
                    .responseMessage("the recorded result of this idempotency key's credit (attempted at " + existing.attemptedAt()
                            + "); nothing was sent again");
            if (outcome.isSuccess()) {
                b.creditedAmount(existing.amount(), existing.currency());
            }
            return b.build();
        }
        String what = existing.state() == JournalRecord.State.ATTEMPTED
                ? "is under way elsewhere, or its process ended before recording an outcome"
                : "ended with an unknown outcome";
        String advice = "The credit with this idempotency key " + what + " (attempted at " + existing.attemptedAt() + " by "
                + existing.owner() + "); this call sent nothing. Settle it with the Reconciler (or the CLI's reconcile), or look it"
                + " up with status(...) by the keys here; do not send it under a new key before it is settled.";
        return b.outcome(CreditOutcome.UNKNOWN, existing.state() == JournalRecord.State.ATTEMPTED
                        ? OutcomeDetail.IN_DOUBT_IN_JOURNAL : existing.detail().orElse(OutcomeDetail.IN_DOUBT_IN_JOURNAL))
                .responseMessage("in doubt in the credit journal; nothing was sent again")
                .reconciliation(new Reconciliation(existing.idempotencyKey(), existing.merchantReference().orElse(null),
                        existing.transactionId().orElse(null), existing.gatewayTransactionId().orElse(null),
                        existing.gatewayRequestId().orElse(null), advice))
                .build();
    }

    static CreditResult notRecorded(String providerId, CreditRequest request, RuntimeException cause) {
        return CreditResult.builder().providerId(providerId).idempotencyKey(request.idempotencyKey()).attempts(0)
                .outcome(CreditOutcome.NOT_SENT, OutcomeDetail.JOURNAL_UNAVAILABLE)
                .responseMessage("not sent: the credit journal could not record the attempt (" + cause.getClass().getSimpleName()
                        + "); safe to retry with the same key")
                .build();
    }
}
