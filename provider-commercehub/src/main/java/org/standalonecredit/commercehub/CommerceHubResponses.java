package org.standalonecredit.commercehub;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.kit.json.JsonReads;
import org.standalonecredit.kit.json.JsonValue;

/**
 * The fields this provider reads from one Commerce Hub transaction, as a read-only view over the parsed JSON:
 * a credit or cancel answer, or an entry of a transaction inquiry. Each is null when absent; free text comes
 * masked. Never throws on an odd shape. Also the {@code error} list of any answer, and the key of a key
 * generation answer.
 */
final class CommerceHubResponses {
    private static final String DETAILS = "/gatewayResponse/transactionProcessingDetails/";
    private static final String PROCESSOR = "/paymentReceipt/processorResponseDetails/";
    private static final String[] LOCATIONS = {
            "/error", "/errors", "/errorResponse/error", "/errorResponse/errors", "/gatewayResponse/error",
            "/errorResponse/gatewayResponse/error",
    };

    private final JsonValue root;
    private final List<GatewayError> errors;

    /** The body as a JSON object or array (an inquiry answers a list), or empty when it is not JSON. */
    static Optional<JsonValue> parse(byte[] body) {
        return JsonReads.parse(CommerceHubProvider.JSON, body);
    }

    CommerceHubResponses(JsonValue root) {
        this.root = root;
        this.errors = List.copyOf(errorsIn(root));
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

    /** The key of a {@code /security/v1/keys/generate} answer; its fields null when absent. */
    record GeneratedKey(String keyId, String status, String encodedPublicKey, String validTo) {
    }

    /** {@code asymmetricKeyDetails}: one object, or the first of a list. */
    static GeneratedKey generatedKey(JsonValue root) {
        JsonValue details = root.path("asymmetricKeyDetails");
        if (details.isArray()) {
            details = details.path(0);
        }
        return new GeneratedKey(JsonReads.scalar(details, "/keyId"), JsonReads.scalar(details, "/status"),
                JsonReads.scalar(details, "/encodedPublicKey"), JsonReads.scalar(details, "/validTo"));
    }

    /**
     * Commerce Hub's {@code error} list wherever it turns up: at the root, inside an {@code errorResponse}
     * wrapper or inside {@code gatewayResponse}; as an array or a single object. Each entry becomes a
     * {@link GatewayError}: its code (or, for APIM errors without one, its type), its field, and
     * "[type] message (additionalInfo)", with anything that looks like a card number masked in all three.
     */
    static List<GatewayError> errorsIn(JsonValue root) {
        List<GatewayError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return errors;
        }
        for (String path : LOCATIONS) {
            JsonValue found = JsonReads.at(root, path);
            if (found.isMissing()) {
                continue;
            }
            if (found.isArray()) {
                found.forEach(e -> addError(e, errors));
            } else {
                addError(found, errors);
            }
        }
        return errors;
    }

    private static void addError(JsonValue entry, List<GatewayError> errors) {
        if (entry.isText()) {
            errors.add(new GatewayError(null, null, Masking.maskText(entry.asText())));
            return;
        }
        if (!entry.isObject()) {
            return;
        }
        String type = JsonReads.scalar(entry, "/type");
        String code = JsonReads.scalar(entry, "/code");
        String message = JsonReads.scalar(entry, "/message");
        String info = JsonReads.scalar(entry, "/additionalInfo");
        StringBuilder text = new StringBuilder();
        if (type != null) {
            text.append('[').append(type).append("] ");
        }
        if (message != null) {
            text.append(message);
        }
        if (info != null) {
            text.append(" (").append(info).append(')');
        }
        // gateways echo input in messages: never let a card number through
        String shown = Masking.maskText(text.toString().trim());
        String field = JsonReads.scalar(entry, "/field");
        String codeOrType = code != null ? code : type;
        errors.add(new GatewayError(codeOrType == null ? null : Masking.maskText(codeOrType), field == null ? null : Masking.maskText(field),
                shown.isEmpty() ? null : shown));
    }

    /** Free text from the gateway, with anything that looks like a card number masked. */
    private static String masked(String s) {
        return s == null ? null : Masking.maskText(s);
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
