package org.standalonecredit.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, validated stand-alone credit request. Built with {@link #builder()}; {@code build()}
 * reports every broken rule at once in an {@link InvalidRequestException}, before any I/O.
 *
 * <p>The idempotency key is always present: the caller's, or one generated at build time. Keep it
 * (it is also in the result): retrying with the same request and key never credits twice.
 */
public final class CreditRequest {
    public static final int MAX_REFERENCE_LENGTH = 50;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 64;
    public static final int MAX_TRANSACTION_ID_LENGTH = 64;
    public static final int MAX_COMMENTS_LENGTH = 256;

    private final Money amount;
    private final PaymentSource source;
    private final String merchantReference;
    private final String idempotencyKey;
    private final boolean idempotencyKeyGenerated;
    private final String transactionId;
    private final PartnerIds partner;
    private final String comments;
    private final BillingAddress billTo;
    private final Map<Class<? extends CreditExtension>, CreditExtension> extensions;

    private CreditRequest(Builder b, Money amount, String idempotencyKey, boolean idempotencyKeyGenerated) {
        this.amount = amount;
        this.source = b.source;
        this.merchantReference = b.merchantReference;
        this.idempotencyKey = idempotencyKey;
        this.idempotencyKeyGenerated = idempotencyKeyGenerated;
        this.transactionId = b.transactionId;
        this.partner = b.partner;
        this.comments = b.comments;
        this.billTo = b.billTo;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, e.g. to change the amount for a new request. */
    public Builder toBuilder() {
        Builder b = new Builder().amount(amount.amount(), amount.currencyCode()).source(source)
                .merchantReference(merchantReference).idempotencyKey(idempotencyKey).transactionId(transactionId)
                .partner(partner).comments(comments).billTo(billTo);
        b.keyGenerated = idempotencyKeyGenerated;
        extensions.values().forEach(b::extension);
        return b;
    }

    public Money amount() {
        return amount;
    }

    public PaymentSource source() {
        return source;
    }

    public Optional<String> merchantReference() {
        return Optional.ofNullable(merchantReference);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * True when the library generated the key for this request, so no earlier process can have sent it;
     * false when the caller gave it, which may be a re-submission of a credit sent before (by another
     * process, or before a restart).
     */
    public boolean idempotencyKeyGenerated() {
        return idempotencyKeyGenerated;
    }

    /** The merchant's own transaction id (Cybersource uses it for timeout voids and duplicate detection). */
    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }

    public Optional<PartnerIds> partner() {
        return Optional.ofNullable(partner);
    }

    public Optional<String> comments() {
        return Optional.ofNullable(comments);
    }

    public Optional<BillingAddress> billTo() {
        return Optional.ofNullable(billTo);
    }

    public <T extends CreditExtension> Optional<T> extension(Class<T> type) {
        return Optional.ofNullable(extensions.get(type)).map(type::cast);
    }

    public Map<Class<? extends CreditExtension>, CreditExtension> extensions() {
        return extensions;
    }

    @Override
    public String toString() {
        return "CreditRequest[" + amount + ", " + source.masked()
                + (merchantReference != null ? ", reference=" + merchantReference : "")
                + ", idempotencyKey=" + idempotencyKey
                + (transactionId != null ? ", transactionId=" + transactionId : "") + "]";
    }

    public static final class Builder {
        private String amountValue;
        private BigDecimal amountDecimal;
        private String currency;
        private PaymentSource source;
        private String merchantReference;
        private String idempotencyKey;
        /** Set by {@link CreditRequest#toBuilder()} when the key it copies was generated. */
        private boolean keyGenerated;
        private String transactionId;
        private PartnerIds partner;
        private String comments;
        private BillingAddress billTo;
        private IdGenerator ids = IdGenerator.randomUuids();
        private final Map<Class<? extends CreditExtension>, CreditExtension> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** A plain decimal string such as "10.00" and an ISO 4217 code such as "USD". */
        public Builder amount(String value, String currencyCode) {
            this.amountValue = value;
            this.amountDecimal = null;
            this.currency = currencyCode;
            return this;
        }

        public Builder amount(BigDecimal value, String currencyCode) {
            this.amountDecimal = value;
            this.amountValue = null;
            this.currency = currencyCode;
            return this;
        }

        public Builder amount(Money money) {
            return amount(money.amount(), money.currencyCode());
        }

        public Builder source(PaymentSource source) {
            this.source = source;
            return this;
        }

        public Builder merchantReference(String merchantReference) {
            this.merchantReference = merchantReference;
            return this;
        }

        /** The caller's idempotency key; when absent, {@link #build()} generates one. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            this.keyGenerated = false;
            return this;
        }

        /** Where generated idempotency keys come from (random UUIDs by default). */
        public Builder idGenerator(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        public Builder transactionId(String transactionId) {
            this.transactionId = transactionId;
            return this;
        }

        public Builder partner(PartnerIds partner) {
            this.partner = partner;
            return this;
        }

        public Builder comments(String comments) {
            this.comments = comments;
            return this;
        }

        public Builder billTo(BillingAddress billTo) {
            this.billTo = billTo;
            return this;
        }

        /** Adds a provider-specific extension, replacing one of the same type. */
        public Builder extension(CreditExtension extension) {
            Objects.requireNonNull(extension, "extension");
            extensions.put(extension.getClass(), extension);
            return this;
        }

        /** Validates every field and builds; throws {@link InvalidRequestException} listing all errors. */
        public CreditRequest build() {
            Validation v = new Validation();
            Money money = amountDecimal != null || amountValue == null
                    ? Money.check(amountDecimal, currency, "amount", v)
                    : Money.parse(amountValue, currency, "amount", v);
            if (source == null) {
                v.reject("source", "is required");
            } else {
                source.validate("source", v);
            }
            if (merchantReference != null) {
                if (merchantReference.isBlank()) {
                    v.reject("merchantReference", "must not be blank when given");
                }
                v.maxLength("merchantReference", merchantReference, MAX_REFERENCE_LENGTH);
                v.plainText("merchantReference", merchantReference);
            }
            String key = idempotencyKey != null ? idempotencyKey : ids.newId();
            if (key == null || key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH || !IdentifierChars.lettersDigitsAnd(key, IdentifierChars.KEY_EXTRA)) {
                v.reject("idempotencyKey", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters of letters, digits, '.', '_', ':' or '-'");
            }
            if (transactionId != null) {
                if (transactionId.isBlank() || !IdentifierChars.lettersDigitsAnd(transactionId, IdentifierChars.KEY_EXTRA)) {
                    v.reject("transactionId", "must be letters, digits, '.', '_', ':' or '-'");
                }
                v.maxLength("transactionId", transactionId, MAX_TRANSACTION_ID_LENGTH);
            }
            if (partner != null) {
                partner.validate("partner", v);
            }
            v.maxLength("comments", comments, MAX_COMMENTS_LENGTH);
            v.plainText("comments", comments);
            if (billTo != null) {
                billTo.validate("billTo", v);
            }
            extensions.forEach((type, ext) -> ext.validate("extensions." + type.getSimpleName(), v));
            v.throwIfInvalid();
            return new CreditRequest(this, money, key, idempotencyKey == null || keyGenerated);
        }
    }
}
