package org.standalonecredit.cybersource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.kit.json.JsonReads;
import org.standalonecredit.kit.json.JsonValue;

/**
 * Every field this provider reads from an answer, as a read-only view over the parsed JSON object: a credit
 * or void answer, a transaction from the Transaction Details API or one summary of a search; and the headers
 * it reads ({@link #requestId}). Each value is null when absent; free text from the gateway comes masked.
 * Never throws on an odd shape.
 *
 * <p>Error shapes ([PROTOCOL-SOURCES: Cybersource: answers and errors]): the flat {@code {status, reason, message, details[{field, reason}]}}
 * of a 400/502, the same inside {@code errorInformation} on a declined 201, {@code {response:{rmsg}}} on a
 * 401 and {@code {errors:[{type, message}]}} on a 404. A gateway echoes input anywhere in an error, so
 * messages, codes and fields are masked before they are kept.
 */
final class CybersourceResponses {
    /** The token kinds a credit answer may carry, each at {@code /paymentInformation/<kind>/id}. */
    static final String[] TOKENS = {"customer", "paymentInstrument", "instrumentIdentifier", "shippingAddress"};
    private static final String[] TOKEN_POINTERS = java.util.Arrays.stream(TOKENS)
            .map(t -> "/paymentInformation/" + t + "/id").toArray(String[]::new);

    private final JsonValue root;

    private CybersourceResponses(JsonValue root) {
        this.root = root;
    }

    /** The body as an answer, or empty when it is not a JSON object (empty, HTML, truncated, an array, ...). */
    static Optional<CybersourceResponses> parse(byte[] body) {
        return JsonReads.parseObject(CybersourceProvider.JSON, body).map(CybersourceResponses::new);
    }

    /** The id Cybersource gave the request: {@code v-c-correlation-id}, else {@code x-requestid}. */
    static String requestId(InboundResponse response) {
        return response.header("v-c-correlation-id").or(() -> response.header("x-requestid")).orElse(null);
    }

    static String correlationId(InboundResponse response) {
        return response.header("v-c-correlation-id").orElse(null);
    }

    String id() { return JsonReads.text(root, "/id"); }
    String status() { return JsonReads.text(root, "/status"); }

    // --- a credit answer

    String reconciliationId() { return JsonReads.text(root, "/reconciliationId"); }
    String approvalCode() { return JsonReads.text(root, "/processorInformation/approvalCode"); }
    String processorResponseCode() { return JsonReads.text(root, "/processorInformation/responseCode"); }
    Instant submitTimeUtc() { return JsonReads.instant(root, "/submitTimeUtc"); }
    /** The id of the {@link #TOKENS token} of that index. */
    String tokenId(int index) { return JsonReads.text(root, TOKEN_POINTERS[index]); }
    String voidHref() { return JsonReads.text(root, "/_links/void/href"); }
    String selfHref() { return JsonReads.text(root, "/_links/self/href"); }
    JsonReads.Decimal creditAmount() { return JsonReads.decimal(root, "/creditAmountDetails/creditAmount"); }
    String creditCurrency() { return JsonReads.text(root, "/creditAmountDetails/currency"); }

    /** The card type code, wherever the answer puts it. */
    String cardType() {
        String code = JsonReads.text(root, "/paymentAccountInformation/card/type");
        if (code == null) {
            code = JsonReads.text(root, "/paymentInformation/card/type");
        }
        if (code == null) {
            code = JsonReads.text(root, "/paymentInformation/tokenizedCard/type");
        }
        return code;
    }

    // --- errors

    /** The object that holds reason/message/details: {@code errorInformation} when present, else the body. */
    private JsonValue errorHolder() {
        JsonValue info = root.path("errorInformation");
        return info.isObject() ? info : root;
    }

    /** True when the body carries an {@code errorInformation} object with a reason or a message. */
    boolean hasErrorInformation() {
        JsonValue info = root.path("errorInformation");
        return info.isObject() && (JsonReads.text(info, "/reason") != null || JsonReads.text(info, "/message") != null);
    }

    String reason() {
        String reason = JsonReads.text(errorHolder(), "/reason");
        return reason != null ? reason : JsonReads.text(root, "/errors/0/type");
    }

    String message() {
        String message = JsonReads.text(errorHolder(), "/message");
        if (message == null) {
            message = JsonReads.text(root, "/response/rmsg");
        }
        if (message == null) {
            message = JsonReads.text(root, "/errors/0/message");
        }
        return message == null ? null : Masking.maskText(message);
    }

    /** One error per {@code details[]} or {@code errors[]} entry, else one for the reason and message. */
    List<GatewayError> errors() {
        List<GatewayError> errors = new ArrayList<>();
        JsonValue holder = errorHolder();
        String reason = JsonReads.text(holder, "/reason");
        String message = message();
        for (JsonValue detail : holder.path("details")) {
            String field = JsonReads.text(detail, "/field");
            String detailReason = JsonReads.text(detail, "/reason");
            if (field != null || detailReason != null) {
                errors.add(new GatewayError(masked(detailReason != null ? detailReason : reason), masked(field), message));
            }
        }
        for (JsonValue error : root.path("errors")) {
            errors.add(new GatewayError(masked(JsonReads.text(error, "/type")), null, masked(JsonReads.text(error, "/message"))));
        }
        if (errors.isEmpty() && (reason != null || message != null)) {
            errors.add(new GatewayError(masked(reason), null, message));
        }
        return errors;
    }

    // --- a transaction (details answer, or one search summary)

    /** The transaction status, or its application's status when the transaction has none. */
    String transactionStatus() {
        String status = status();
        return status != null ? status : JsonReads.text(root, "/applicationInformation/status");
    }

    Instant transactionSubmitTime() {
        Instant submitted = submitTimeUtc();
        return submitted != null ? submitted : JsonReads.instant(root, "/submitTimeUTC");
    }

    /** The order amount; null when absent or unreadable. */
    BigDecimal orderAmount() { return JsonReads.decimal(root, "/orderInformation/amountDetails/totalAmount").value(); }
    String orderCurrency() { return JsonReads.text(root, "/orderInformation/amountDetails/currency"); }
    String merchantReference() { return JsonReads.text(root, "/clientReferenceInformation/code"); }
    String transactionId() { return JsonReads.text(root, "/clientReferenceInformation/transactionId"); }
    /** {@code applicationInformation.rCode}: 1 success, 0 declined, -1 error. */
    String rCode() { return JsonReads.text(root, "/applicationInformation/rCode"); }

    /** One of {@code applicationInformation.applications[]}: a name such as {@code ics_credit} and its rCode. */
    record Application(String name, String rCode) {
    }

    List<Application> applications() {
        List<Application> applications = new ArrayList<>();
        for (JsonValue app : root.path("applicationInformation").path("applications")) {
            applications.add(new Application(JsonReads.text(app, "/name"), JsonReads.text(app, "/rCode")));
        }
        return applications;
    }

    /**
     * The transactions of a 2xx search answer, when it says what it found: a list of transaction summaries
     * (objects), or no list and a count of 0. Empty for anything else (an error shape, a list that is not one):
     * that is no proof that nothing was found, and "nothing found" is what lets a caller send a credit again.
     */
    Optional<List<CybersourceResponses>> transactionSummaries() {
        JsonValue summaries = root.path("_embedded").path("transactionSummaries");
        if (summaries.isArray()) {
            List<CybersourceResponses> found = new ArrayList<>();
            for (JsonValue t : summaries) {
                if (!t.isObject()) {
                    return Optional.empty();
                }
                found.add(new CybersourceResponses(t));
            }
            return Optional.of(found);
        }
        return summaries.isMissing() && (isZero(root.path("count")) || isZero(root.path("totalCount")))
                ? Optional.of(List.of()) : Optional.empty();
    }

    private static boolean isZero(JsonValue n) {
        return n.isIntegral() && n.decimal().signum() == 0;
    }

    private static String masked(String text) {
        return text == null ? null : Masking.maskText(text);
    }
}
