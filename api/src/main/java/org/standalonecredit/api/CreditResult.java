package org.standalonecredit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The neutral result of a credit. A gateway's refusal is a result, not an exception. The raw
 * response body is kept with card numbers, security codes and secrets masked.
 */
public final class CreditResult {
    private final String providerId;
    private final CreditOutcome outcome;
    private final OutcomeDetail detail;
    private final String idempotencyKey;
    private final String gatewayTransactionId;
    private final String reconciliationId;
    private final String approvalCode;
    private final String gatewayStatus;
    private final String responseCode;
    private final String responseMessage;
    private final int httpStatus;
    private final List<GatewayError> errors;
    private final BigDecimal creditedAmount;
    private final String creditedCurrency;
    private final CardSummary card;
    private final Map<String, String> tokenIds;
    private final Map<String, String> references;
    private final String voidReference;
    private final String statusReference;
    private final Instant submittedAt;
    private final int attempts;
    private final MaskedBody maskedResponseBody;
    private final Reconciliation reconciliation;

    private CreditResult(Builder b) {
        providerId = Objects.requireNonNull(b.providerId, "providerId");
        outcome = Objects.requireNonNull(b.outcome, "outcome");
        detail = b.detail != null ? b.detail : OutcomeDetail.NONE;
        idempotencyKey = Objects.requireNonNull(b.idempotencyKey, "idempotencyKey");
        gatewayTransactionId = b.gatewayTransactionId;
        reconciliationId = b.reconciliationId;
        approvalCode = b.approvalCode;
        gatewayStatus = b.gatewayStatus;
        responseCode = b.responseCode;
        responseMessage = b.responseMessage;
        httpStatus = b.httpStatus;
        errors = b.errors == null ? List.of() : List.copyOf(b.errors);
        creditedAmount = b.creditedAmount;
        creditedCurrency = b.creditedCurrency;
        card = b.card;
        // the builder's own maps, handed over read-only: the builder copies one before changing it again
        tokenIds = b.tokenIds == null ? Map.of() : Collections.unmodifiableMap(b.tokenIds);
        references = b.references == null ? Map.of() : Collections.unmodifiableMap(b.references);
        b.mapsHandedOver = true;
        voidReference = b.voidReference;
        statusReference = b.statusReference;
        submittedAt = b.submittedAt;
        attempts = b.attempts;
        maskedResponseBody = b.maskedResponseBody;
        reconciliation = b.reconciliation;
        if (outcome == CreditOutcome.UNKNOWN && reconciliation == null) {
            throw new IllegalStateException("an unknown outcome must say how to reconcile it");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.providerId = providerId;
        b.outcome = outcome;
        b.detail = detail;
        b.idempotencyKey = idempotencyKey;
        b.gatewayTransactionId = gatewayTransactionId;
        b.reconciliationId = reconciliationId;
        b.approvalCode = approvalCode;
        b.gatewayStatus = gatewayStatus;
        b.responseCode = responseCode;
        b.responseMessage = responseMessage;
        b.httpStatus = httpStatus;
        errors.forEach(b::addError);
        b.creditedAmount = creditedAmount;
        b.creditedCurrency = creditedCurrency;
        b.card = card;
        tokenIds.forEach(b::tokenId);
        references.forEach(b::reference);
        b.voidReference = voidReference;
        b.statusReference = statusReference;
        b.submittedAt = submittedAt;
        b.attempts = attempts;
        b.maskedResponseBody = maskedResponseBody;
        b.reconciliation = reconciliation;
        return b;
    }

    public String providerId() { return providerId; }
    public CreditOutcome outcome() { return outcome; }
    public OutcomeDetail detail() { return detail; }
    /** The request's idempotency key, given or generated: always present. */
    public String idempotencyKey() { return idempotencyKey; }
    public Optional<String> gatewayTransactionId() { return Optional.ofNullable(gatewayTransactionId); }
    public Optional<String> reconciliationId() { return Optional.ofNullable(reconciliationId); }
    public Optional<String> approvalCode() { return Optional.ofNullable(approvalCode); }
    /** The gateway's own status word ("PENDING", "AUTHORIZED", ...). */
    public Optional<String> gatewayStatus() { return Optional.ofNullable(gatewayStatus); }
    public Optional<String> responseCode() { return Optional.ofNullable(responseCode); }
    public Optional<String> responseMessage() { return Optional.ofNullable(responseMessage); }
    /** The HTTP status of the last answer, or 0 when none came. */
    public int httpStatus() { return httpStatus; }
    public List<GatewayError> errors() { return errors; }
    /** The amount the gateway says it credited, as echoed. */
    public Optional<BigDecimal> creditedAmount() { return Optional.ofNullable(creditedAmount); }
    public Optional<String> creditedCurrency() { return Optional.ofNullable(creditedCurrency); }
    public Optional<CardSummary> card() { return Optional.ofNullable(card); }
    /** Token ids the gateway echoed, by the gateway's name for them ("customer", "instrumentIdentifier", ...). */
    public Map<String, String> tokenIds() { return tokenIds; }
    /** Other gateway references kept for support and reconciliation ("apiTraceId", "orderId", ...). */
    public Map<String, String> references() { return references; }
    /** What to pass to the void follow-up (a gateway transaction id or link). */
    public Optional<String> voidReference() { return Optional.ofNullable(voidReference); }
    /** What to pass to the status follow-up. */
    public Optional<String> statusReference() { return Optional.ofNullable(statusReference); }
    public Optional<Instant> submittedAt() { return Optional.ofNullable(submittedAt); }
    /** How many times the request was sent or tried; 1 when the first attempt answered. */
    public int attempts() { return attempts; }
    /** The gateway's answer with card numbers, security codes and secrets masked (masked on first call). */
    public Optional<String> maskedResponseBody() {
        return maskedResponseBody == null ? Optional.empty() : Optional.of(maskedResponseBody.text());
    }
    /** Present for every {@link CreditOutcome#UNKNOWN} result, and for duplicates. */
    public Optional<Reconciliation> reconciliation() { return Optional.ofNullable(reconciliation); }

    @Override
    public String toString() {
        return "CreditResult[" + providerId + " " + outcome + (detail != OutcomeDetail.NONE ? "/" + detail : "")
                + (gatewayTransactionId != null ? ", id=" + gatewayTransactionId : "")
                + (creditedAmount != null ? ", credited=" + creditedAmount.toPlainString() + " " + creditedCurrency : "")
                + (responseCode != null ? ", code=" + responseCode : "")
                + ", idempotencyKey=" + idempotencyKey + ", attempts=" + attempts + "]";
    }

    public static final class Builder {
        Builder() {
        }

        private String providerId;
        private CreditOutcome outcome;
        private OutcomeDetail detail;
        private String idempotencyKey;
        private String gatewayTransactionId;
        private String reconciliationId;
        private String approvalCode;
        private String gatewayStatus;
        private String responseCode;
        private String responseMessage;
        private int httpStatus;
        // made on first use: most results carry no errors, and a builder is made per credit
        private List<GatewayError> errors;
        private BigDecimal creditedAmount;
        private String creditedCurrency;
        private CardSummary card;
        private Map<String, String> tokenIds;
        private Map<String, String> references;
        /** Set once a result holds {@link #tokenIds} and {@link #references}: they are copied before the next change. */
        private boolean mapsHandedOver;
        private String voidReference;
        private String statusReference;
        private Instant submittedAt;
        private int attempts = 1;
        private MaskedBody maskedResponseBody;
        private Reconciliation reconciliation;

        public Builder providerId(String v) { providerId = v; return this; }
        public Builder outcome(CreditOutcome v, OutcomeDetail d) { outcome = v; detail = d; return this; }
        public Builder outcome(CreditOutcome v) { return outcome(v, OutcomeDetail.NONE); }
        public Builder idempotencyKey(String v) { idempotencyKey = v; return this; }
        public Builder gatewayTransactionId(String v) { gatewayTransactionId = v; return this; }
        public Builder reconciliationId(String v) { reconciliationId = v; return this; }
        public Builder approvalCode(String v) { approvalCode = v; return this; }
        public Builder gatewayStatus(String v) { gatewayStatus = v; return this; }
        public Builder responseCode(String v) { responseCode = v; return this; }
        public Builder responseMessage(String v) { responseMessage = v; return this; }
        public Builder httpStatus(int v) { httpStatus = v; return this; }
        public Builder addError(GatewayError v) {
            if (errors == null) {
                errors = new ArrayList<>(2);
            }
            errors.add(v);
            return this;
        }
        public Builder creditedAmount(BigDecimal amount, String currency) { creditedAmount = amount; creditedCurrency = currency; return this; }
        public Builder card(CardSummary v) { card = v; return this; }
        public Builder tokenId(String name, String id) {
            if (id != null) {
                takeBackMaps();
                tokenIds = putInto(tokenIds, name, id);
            }
            return this;
        }

        public Builder reference(String name, String value) {
            if (value != null) {
                takeBackMaps();
                references = putInto(references, name, value);
            }
            return this;
        }

        private void takeBackMaps() {
            if (mapsHandedOver) {
                tokenIds = tokenIds == null ? null : new LinkedHashMap<>(tokenIds);
                references = references == null ? null : new LinkedHashMap<>(references);
                mapsHandedOver = false;
            }
        }

        private static Map<String, String> putInto(Map<String, String> map, String name, String value) {
            Map<String, String> m = map == null ? new LinkedHashMap<>(8) : map;
            m.put(name, value);
            return m;
        }
        public Builder voidReference(String v) { voidReference = v; return this; }
        public Builder statusReference(String v) { statusReference = v; return this; }
        public Builder submittedAt(Instant v) { submittedAt = v; return this; }
        public Builder attempts(int v) { attempts = v; return this; }
        /** The response body, already masked (see {@code org.standalonecredit.api.privacy.Masking}). */
        public Builder maskedResponseBody(String v) { maskedResponseBody = MaskedBody.ofMasked(v); return this; }
        /**
         * The response body, masked by {@code masking} when {@link CreditResult#maskedResponseBody()} is first
         * called and kept; {@code masking} is dropped then (it may hold the raw bytes). The provider kit's
         * {@code JsonMasking.lazily(bytes)} is one. Most callers never read the body, so most never pay for masking.
         */
        public Builder maskedResponseBodyOnRead(java.util.function.Supplier<String> masking) {
            maskedResponseBody = MaskedBody.onRead(masking);
            return this;
        }
        public Builder reconciliation(Reconciliation v) { reconciliation = v; return this; }

        public CreditOutcome outcome() { return outcome; }

        public CreditResult build() {
            return new CreditResult(this);
        }
    }
}
