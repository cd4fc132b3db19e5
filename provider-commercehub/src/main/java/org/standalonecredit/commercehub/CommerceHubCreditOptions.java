package org.standalonecredit.commercehub;

import java.util.Optional;
import org.standalonecredit.api.CreditExtension;
import org.standalonecredit.api.Validation;

/**
 * Commerce Hub fields a credit request may carry beyond the neutral ones:
 * <ul>
 *   <li>{@code invoiceNumber}: {@code transactionDetails.merchantInvoiceNumber} (at most 12 characters).
 *       Without it, the merchant reference is the invoice number, and a reference longer than 12
 *       characters is refused. With it, the merchant reference is sent as {@code merchantOrderId}.</li>
 *   <li>{@code orderId}: {@code transactionDetails.merchantOrderId} (at most 128 characters).</li>
 *   <li>{@code captureFlag}: {@code transactionDetails.captureFlag}, overriding the {@code capture-flag} setting.</li>
 * </ul>
 *
 * <pre>{@code
 * CreditRequest.builder()...merchantReference("refund-2024-000123")
 *     .extension(CommerceHubCreditOptions.builder().invoiceNumber("INV000123").build())
 * }</pre>
 */
public final class CommerceHubCreditOptions implements CreditExtension {
    public static final int MAX_INVOICE_NUMBER_LENGTH = 12;
    public static final int MAX_ORDER_ID_LENGTH = 128;

    private final String invoiceNumber;
    private final String orderId;
    private final Boolean captureFlag;

    private CommerceHubCreditOptions(Builder b) {
        invoiceNumber = b.invoiceNumber;
        orderId = b.orderId;
        captureFlag = b.captureFlag;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> invoiceNumber() {
        return Optional.ofNullable(invoiceNumber);
    }

    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }

    public Optional<Boolean> captureFlag() {
        return Optional.ofNullable(captureFlag);
    }

    @Override
    public void validate(String field, Validation v) {
        if (invoiceNumber != null) {
            if (invoiceNumber.isBlank()) {
                v.reject(field + ".invoiceNumber", "must not be blank when given");
            }
            v.maxLength(field + ".invoiceNumber", invoiceNumber, MAX_INVOICE_NUMBER_LENGTH);
            v.plainText(field + ".invoiceNumber", invoiceNumber);
        }
        if (orderId != null) {
            if (orderId.isBlank()) {
                v.reject(field + ".orderId", "must not be blank when given");
            }
            v.maxLength(field + ".orderId", orderId, MAX_ORDER_ID_LENGTH);
            v.plainText(field + ".orderId", orderId);
        }
    }

    @Override
    public String toString() {
        return "CommerceHubCreditOptions[invoiceNumber=" + invoiceNumber + ", orderId=" + orderId + ", captureFlag=" + captureFlag + "]";
    }

    public static final class Builder {
        private String invoiceNumber;
        private String orderId;
        private Boolean captureFlag;

        private Builder() {
        }

        public Builder invoiceNumber(String v) { invoiceNumber = v; return this; }
        public Builder orderId(String v) { orderId = v; return this; }
        public Builder captureFlag(boolean v) { captureFlag = v; return this; }

        public CommerceHubCreditOptions build() {
            return new CommerceHubCreditOptions(this);
        }
    }
}
