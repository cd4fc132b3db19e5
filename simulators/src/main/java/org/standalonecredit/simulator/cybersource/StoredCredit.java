package org.standalonecredit.simulator.cybersource;

import java.math.BigDecimal;
import java.time.Instant;
import org.standalonecredit.simulator.PaymentSourceSummary;

/**
 * A credit the Cybersource simulator answered (approved, pending or declined), kept for voids and the
 * Transaction Search / Details APIs. Mutable fields are guarded by the owning {@link CreditStore}.
 */
final class StoredCredit {
    enum Status { PENDING, COMPLETED, DECLINED, VOIDED }

    final String id;
    final String reconciliationId;
    final Instant submitTime;
    final String merchantId;
    final String code;
    final String transactionId;
    final String amountText;
    final BigDecimal amount;
    final String currency;
    final String cardType;
    final PaymentSourceSummary source;
    final Source tokens;
    Status status;
    String voidId;

    /** Token ids sent in the request (echoed in answers). */
    record Source(String customerId, String paymentInstrumentId, String instrumentIdentifierId, boolean card) {
    }

    StoredCredit(String id, String reconciliationId, Instant submitTime, String merchantId, String code,
                 String transactionId, String amountText, String currency, String cardType,
                 PaymentSourceSummary source, Source tokens, Status status) {
        this.id = id;
        this.reconciliationId = reconciliationId;
        this.submitTime = submitTime;
        this.merchantId = merchantId;
        this.code = code;
        this.transactionId = transactionId;
        this.amountText = amountText;
        this.amount = new BigDecimal(amountText);
        this.currency = currency;
        this.cardType = cardType;
        this.source = source;
        this.tokens = tokens;
        this.status = status;
    }

    boolean voidable() {
        return status == Status.PENDING || status == Status.COMPLETED;
    }
}
