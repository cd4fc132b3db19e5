package org.standalonecredit.api.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.OutcomeDetail;

/**
 * What a journal keeps of one credit, per scope and idempotency key. Nothing in it is a card number, a security
 * code or a secret: the request is represented by its {@link RequestFingerprint} (a hash over amount, currency and
 * a non-sensitive description of the source), its amount and its references.
 */
public final class JournalRecord {
    /** Where the record stands. */
    public enum State {
        /** Claimed: the credit is being sent, or was and its outcome was never recorded (then it is in doubt). */
        ATTEMPTED,
        /** The outcome is recorded ({@link #outcome()}); UNKNOWN ones are in doubt until reconciled. */
        COMPLETED,
        /** Nothing of the credit left the machine, or a reconciliation found it was not made: the key may be sent again. */
        RELEASED
    }

    private final String scope;
    private final String idempotencyKey;
    private final String fingerprint;
    private final State state;
    private final String providerId;
    private final BigDecimal amount;
    private final String currency;
    private final String merchantReference;
    private final String transactionId;
    private final CreditOutcome outcome;
    private final OutcomeDetail detail;
    private final String gatewayTransactionId;
    private final String gatewayRequestId;
    private final Instant attemptedAt;
    private final Instant updatedAt;
    private final int checks;
    private final Instant nextCheckAt;
    private final String owner;
    private final String note;

    private JournalRecord(Builder b) {
        scope = Objects.requireNonNull(b.scope, "scope");
        idempotencyKey = Objects.requireNonNull(b.idempotencyKey, "idempotencyKey");
        fingerprint = Objects.requireNonNull(b.fingerprint, "fingerprint");
        state = Objects.requireNonNull(b.state, "state");
        providerId = Objects.requireNonNull(b.providerId, "providerId");
        amount = Objects.requireNonNull(b.amount, "amount");
        currency = Objects.requireNonNull(b.currency, "currency");
        merchantReference = b.merchantReference;
        transactionId = b.transactionId;
        outcome = b.outcome;
        detail = b.detail;
        gatewayTransactionId = b.gatewayTransactionId;
        gatewayRequestId = b.gatewayRequestId;
        attemptedAt = Objects.requireNonNull(b.attemptedAt, "attemptedAt");
        updatedAt = Objects.requireNonNull(b.updatedAt, "updatedAt");
        checks = b.checks;
        nextCheckAt = b.nextCheckAt;
        owner = Objects.requireNonNull(b.owner, "owner");
        note = b.note;
        if (state == State.COMPLETED && outcome == null) {
            throw new IllegalArgumentException("a completed record has an outcome");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.scope = scope;
        b.idempotencyKey = idempotencyKey;
        b.fingerprint = fingerprint;
        b.state = state;
        b.providerId = providerId;
        b.amount = amount;
        b.currency = currency;
        b.merchantReference = merchantReference;
        b.transactionId = transactionId;
        b.outcome = outcome;
        b.detail = detail;
        b.gatewayTransactionId = gatewayTransactionId;
        b.gatewayRequestId = gatewayRequestId;
        b.attemptedAt = attemptedAt;
        b.updatedAt = updatedAt;
        b.checks = checks;
        b.nextCheckAt = nextCheckAt;
        b.owner = owner;
        b.note = note;
        return b;
    }

    /** The gateway's name and provider ({@code credit/cybersource}): keys are unique within a scope. */
    public String scope() { return scope; }
    public String idempotencyKey() { return idempotencyKey; }
    /** {@link RequestFingerprint#of}: a key reused for a different credit is refused by comparing these. */
    public String fingerprint() { return fingerprint; }
    public State state() { return state; }
    public String providerId() { return providerId; }
    public BigDecimal amount() { return amount; }
    public String currency() { return currency; }
    public Optional<String> merchantReference() { return Optional.ofNullable(merchantReference); }
    public Optional<String> transactionId() { return Optional.ofNullable(transactionId); }
    /** The recorded outcome: the credit's own, or what a reconciliation found. Empty while attempted. */
    public Optional<CreditOutcome> outcome() { return Optional.ofNullable(outcome); }
    public Optional<OutcomeDetail> detail() { return Optional.ofNullable(detail); }
    public Optional<String> gatewayTransactionId() { return Optional.ofNullable(gatewayTransactionId); }
    /** The gateway's request id to reconcile by (a Commerce Hub Client-Request-Id), if any. */
    public Optional<String> gatewayRequestId() { return Optional.ofNullable(gatewayRequestId); }
    /** When the key was claimed, just before its first byte was sent. */
    public Instant attemptedAt() { return attemptedAt; }
    public Instant updatedAt() { return updatedAt; }
    /** How many reconciliation checks were made. */
    public int checks() { return checks; }
    /** When the reconciler should look again, if it has looked. */
    public Optional<Instant> nextCheckAt() { return Optional.ofNullable(nextCheckAt); }
    /** Which process claimed it (host and process id, or what the application set): for people reading the journal. */
    public String owner() { return owner; }
    /** What the library said of it (reconciliation advice, a reconciler's finding), masked; for people. */
    public Optional<String> note() { return Optional.ofNullable(note); }

    /** Attempted without a recorded outcome, or completed UNKNOWN. */
    public boolean inDoubt() {
        return state == State.ATTEMPTED || (state == State.COMPLETED && outcome == CreditOutcome.UNKNOWN);
    }

    @Override
    public String toString() {
        return "JournalRecord[" + scope + " " + idempotencyKey + " " + state + (outcome != null ? " " + outcome : "")
                + " " + amount.toPlainString() + " " + currency + (gatewayTransactionId != null ? " gatewayId=" + gatewayTransactionId : "")
                + " attemptedAt=" + attemptedAt + (checks > 0 ? " checks=" + checks : "") + "]";
    }

    /** Builder; scope, key, fingerprint, state, provider, amount, currency, times and owner are required. */
    public static final class Builder {
        private String scope;
        private String idempotencyKey;
        private String fingerprint;
        private State state;
        private String providerId;
        private BigDecimal amount;
        private String currency;
        private String merchantReference;
        private String transactionId;
        private CreditOutcome outcome;
        private OutcomeDetail detail;
        private String gatewayTransactionId;
        private String gatewayRequestId;
        private Instant attemptedAt;
        private Instant updatedAt;
        private int checks;
        private Instant nextCheckAt;
        private String owner;
        private String note;

        private Builder() {
        }

        public Builder scope(String v) { scope = v; return this; }
        public Builder idempotencyKey(String v) { idempotencyKey = v; return this; }
        public Builder fingerprint(String v) { fingerprint = v; return this; }
        public Builder state(State v) { state = v; return this; }
        public Builder providerId(String v) { providerId = v; return this; }
        public Builder amount(BigDecimal v) { amount = v; return this; }
        public Builder currency(String v) { currency = v; return this; }
        public Builder merchantReference(String v) { merchantReference = v; return this; }
        public Builder transactionId(String v) { transactionId = v; return this; }
        public Builder outcome(CreditOutcome v) { outcome = v; return this; }
        public Builder detail(OutcomeDetail v) { detail = v; return this; }
        public Builder gatewayTransactionId(String v) { gatewayTransactionId = v; return this; }
        public Builder gatewayRequestId(String v) { gatewayRequestId = v; return this; }
        public Builder attemptedAt(Instant v) { attemptedAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder checks(int v) { checks = v; return this; }
        public Builder nextCheckAt(Instant v) { nextCheckAt = v; return this; }
        public Builder owner(String v) { owner = v; return this; }
        public Builder note(String v) { note = v; return this; }

        public JournalRecord build() {
            return new JournalRecord(this);
        }
    }
}
