package org.standalonecredit.commercehub;

import static org.standalonecredit.commercehub.CommerceHubJson.decimal;
import static org.standalonecredit.commercehub.CommerceHubJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.privacy.Masking;

/**
 * One Commerce Hub transaction as answered by a credit, a cancel, or an entry of a transaction
 * inquiry: the fields this provider reads, each null when absent. Never throws on an odd shape.
 */
final class CommerceHubAnswer {
    private static final String[] DETAILS = {"gatewayResponse", "transactionProcessingDetails"};
    private static final String[] PROCESSOR = {"paymentReceipt", "processorResponseDetails"};

    private final JsonNode root;
    private final List<GatewayError> errors;

    CommerceHubAnswer(JsonNode root) {
        this.root = root;
        this.errors = List.copyOf(GatewayErrors.parse(root));
    }

    List<GatewayError> errors() { return errors; }

    String transactionType() { return upper(text(root, "gatewayResponse", "transactionType")); }
    String transactionState() { return upper(text(root, "gatewayResponse", "transactionState")); }

    /** The Commerce Hub transaction id (inquiry entries may carry it as {@code gatewayTransactionId} only). */
    String transactionId() {
        String id = detail("transactionId");
        return id != null ? id : text(root, "gatewayTransactionId");
    }

    String orderId() {
        String id = detail("orderId");
        return id != null ? id : text(root, "gatewayOrderId");
    }

    String apiTraceId() { return detail("apiTraceId"); }
    String clientRequestId() { return detail("clientRequestId"); }

    Optional<Instant> transactionTimestamp() {
        String ts = detail("transactionTimestamp");
        if (ts == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(ts));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    String approvalStatus() { return upper(processor("approvalStatus")); }
    String approvalCode() { return processor("approvalCode"); }
    String responseCode() { return processor("responseCode"); }
    String responseMessage() { return masked(processor("responseMessage")); }
    String hostResponseCode() { return processor("hostResponseCode"); }
    String hostResponseMessage() { return masked(processor("hostResponseMessage")); }
    String schemeTransactionId() { return processor("schemeTransactionId"); }

    BigDecimal approvedTotal() { return decimal(root, "paymentReceipt", "approvedAmount", "total"); }
    /** An approved total is there but is no amount (text, an object, 400 digits...): what was credited is not known. */
    boolean approvedTotalUnreadable() {
        JsonNode at = CommerceHubJson.at(root, "paymentReceipt", "approvedAmount", "total");
        return at != null && !at.isNull() && approvedTotal() == null;
    }
    String approvedCurrency() { return text(root, "paymentReceipt", "approvedAmount", "currency"); }
    /** The requested amount, as inquiry entries echo it. */
    BigDecimal requestedTotal() { return decimal(root, "amount", "total"); }
    String requestedCurrency() { return text(root, "amount", "currency"); }

    String cardLast4() { return text(root, "source", "card", "last4"); }
    String cardScheme() { return text(root, "source", "card", "scheme"); }

    String merchantInvoiceNumber() { return text(root, "transactionDetails", "merchantInvoiceNumber"); }
    String merchantTransactionId() { return text(root, "transactionDetails", "merchantTransactionId"); }
    String merchantOrderId() { return text(root, "transactionDetails", "merchantOrderId"); }

    private String detail(String name) {
        return text(root, DETAILS[0], DETAILS[1], name);
    }

    private String processor(String name) {
        return text(root, PROCESSOR[0], PROCESSOR[1], name);
    }

    /** Free text from the gateway, with anything that looks like a card number masked. */
    private static String masked(String s) {
        return s == null ? null : Masking.maskText(s);
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
