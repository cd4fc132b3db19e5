package org.standalonecredit.api;

import java.math.BigDecimal;
import java.time.Instant;

/** One credit as a status look-up found it. */
public record CreditStatus(String gatewayTransactionId, CreditOutcome outcome, String gatewayStatus,
                           BigDecimal amount, String currency, String merchantReference, String transactionId,
                           boolean voided, Instant submittedAt) {
}
