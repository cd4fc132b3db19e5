package org.standalonecredit.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One credit a simulator accepted: money that, in the real world, would go back to a card.
 *
 * @param gateway              which gateway accepted it
 * @param gatewayTransactionId the id the gateway assigned (Cybersource {@code id}, Commerce Hub {@code transactionId})
 * @param amount               the amount exactly as received on the wire (scale preserved)
 * @param currency             currency code exactly as received
 * @param merchantReference    Cybersource {@code clientReferenceInformation.code}; Commerce Hub
 *                             {@code transactionDetails.merchantTransactionId}, else {@code merchantOrderId}, else
 *                             {@code merchantInvoiceNumber}; or {@code null}
 * @param clientTransactionId  the client's own identifier for this attempt: Cybersource
 *                             {@code clientReferenceInformation.transactionId}, Commerce Hub {@code Client-Request-Id}; or {@code null}
 * @param merchantId           Cybersource {@code v-c-merchant-id}; Commerce Hub {@code merchantDetails.merchantId}
 * @param paymentSource        what was credited, without sensitive data
 * @param time                 simulator-clock time the credit was accepted
 * @param voided               whether a later void/cancel reversed it (the entry stays in the ledger)
 */
public record LedgerEntry(GatewayId gateway, String gatewayTransactionId, BigDecimal amount, String currency,
                          String merchantReference, String clientTransactionId, String merchantId,
                          PaymentSourceSummary paymentSource, Instant time, boolean voided) {

    public LedgerEntry {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(gatewayTransactionId, "gatewayTransactionId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(time, "time");
    }

    /** A copy with the {@code voided} flag set as given. */
    public LedgerEntry withVoided(boolean voided) {
        return new LedgerEntry(gateway, gatewayTransactionId, amount, currency, merchantReference,
                clientTransactionId, merchantId, paymentSource, time, voided);
    }
}
