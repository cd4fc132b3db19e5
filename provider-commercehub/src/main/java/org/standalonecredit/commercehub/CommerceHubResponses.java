package org.standalonecredit.commercehub;

import org.standalonecredit.kit.json.JsonReads;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.privacy.Masking;

/**
 * The fields this provider reads from one Commerce Hub transaction, as a read-only view over the parsed JSON:
 * a credit or cancel answer, or an entry of a transaction inquiry. Each is null when absent; free text comes
 * masked. Never throws on an odd shape. The {@code error} list, wherever it turns up, is read by
 * {@link GatewayErrors}.
 */
final class CommerceHubResponses {
    private static final String DETAILS = "/gatewayResponse/transactionProcessingDetails/";
    private static final String PROCESSOR = "/paymentReceipt/processorResponseDetails/";

    private final JsonNode root;
    private final List<GatewayError> errors;

    CommerceHubResponses(JsonNode root) {
        this.root = root;
        this.errors = List.copyOf(GatewayErrors.parse(root));
    }

    List<GatewayError> errors() { return errors; }

    String transactionType() { return upper(JsonReads.scalar(root, "/gatewayResponse/transactionType")); }
    String transactionState() { return upper(JsonReads.scalar(root, "/gatewayResponse/transactionState")); }

    /** The Commerce Hub transaction id (inquiry entries may carry it as {@code gatewayTransactionId} only). */
    String transactionId() {
        String id = JsonReads.scalar(root, DETAILS + "transactionId");
        return id != null ? id : JsonReads.scalar(root, "/gatewayTransactionId");
    }

    String orderId() {
        String id = JsonReads.scalar(root, DETAILS + "orderId");
        return id != null ? id : JsonReads.scalar(root, "/gatewayOrderId");
    }

    String apiTraceId() { return JsonReads.scalar(root, DETAILS + "apiTraceId"); }
    String clientRequestId() { return JsonReads.scalar(root, DETAILS + "clientRequestId"); }

    Optional<Instant> transactionTimestamp() {
        return Optional.ofNullable(JsonReads.instant(root, DETAILS + "transactionTimestamp"));
    }

    String approvalStatus() { return upper(JsonReads.scalar(root, PROCESSOR + "approvalStatus")); }
    String approvalCode() { return JsonReads.scalar(root, PROCESSOR + "approvalCode"); }
    String responseCode() { return JsonReads.scalar(root, PROCESSOR + "responseCode"); }
    String responseMessage() { return masked(JsonReads.scalar(root, PROCESSOR + "responseMessage")); }
    String hostResponseCode() { return JsonReads.scalar(root, PROCESSOR + "hostResponseCode"); }
    String hostResponseMessage() { return masked(JsonReads.scalar(root, PROCESSOR + "hostResponseMessage")); }
    String schemeTransactionId() { return JsonReads.scalar(root, PROCESSOR + "schemeTransactionId"); }

    BigDecimal approvedTotal() { return JsonReads.decimal(root, "/paymentReceipt/approvedAmount/total").value(); }
    /** An approved total is there but is no amount (text, an object, 400 digits...): what was credited is not known. */
    boolean approvedTotalUnreadable() {
        return JsonReads.decimal(root, "/paymentReceipt/approvedAmount/total").unreadable();
    }
    String approvedCurrency() { return JsonReads.scalar(root, "/paymentReceipt/approvedAmount/currency"); }
    /** The requested amount, as inquiry entries echo it. */
    BigDecimal requestedTotal() { return JsonReads.decimal(root, "/amount/total").value(); }
    String requestedCurrency() { return JsonReads.scalar(root, "/amount/currency"); }

    String cardLast4() { return JsonReads.scalar(root, "/source/card/last4"); }
    String cardScheme() { return JsonReads.scalar(root, "/source/card/scheme"); }

    String merchantInvoiceNumber() { return JsonReads.scalar(root, "/transactionDetails/merchantInvoiceNumber"); }
    String merchantTransactionId() { return JsonReads.scalar(root, "/transactionDetails/merchantTransactionId"); }
    String merchantOrderId() { return JsonReads.scalar(root, "/transactionDetails/merchantOrderId"); }

    /** Free text from the gateway, with anything that looks like a card number masked. */
    private static String masked(String s) {
        return s == null ? null : Masking.maskText(s);
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
