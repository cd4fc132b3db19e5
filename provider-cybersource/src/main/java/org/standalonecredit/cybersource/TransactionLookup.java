package org.standalonecredit.cybersource;

import org.standalonecredit.kit.json.JsonReads;
import org.standalonecredit.kit.json.JsonMasking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FieldError;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.TransportFailure;

/**
 * Status look-ups (protocol notes §5): {@code GET /tss/v2/transactions/{id}} by gateway id, and
 * {@code POST /tss/v2/searches} by merchant reference or transactionId, newest first.
 */
final class TransactionLookup {
    static final String SEARCH_PATH = "/tss/v2/searches";
    static final int SEARCH_LIMIT = 100;
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._\\-]+");

    private TransactionLookup() {
    }

    static String detailsPath(String gatewayTransactionId) {
        return "/tss/v2/transactions/" + GatewayIds.checked("value", gatewayTransactionId);
    }

    static ObjectNode searchBody(StatusQuery query) {
        String field = switch (query.by()) {
            case MERCHANT_REFERENCE -> "clientReferenceInformation.code";
            case TRANSACTION_ID -> "clientReferenceInformation.transactionId";
            default -> throw new IllegalArgumentException("Cybersource cannot search by " + query.by());
        };
        ObjectNode body = CybersourceProvider.JSON.objectNode();
        body.put("save", false);
        body.put("name", "standalone-credit reconciliation");
        body.put("timezone", "UTC");
        body.put("query", field + ":" + queryValue(query.value()));
        body.put("offset", 0);
        body.put("limit", SEARCH_LIMIT);
        body.put("sort", "id:desc");
        return body;
    }

    /** Plain values go as they are; others are double-quoted. Quotes and backslashes cannot be searched for. */
    private static String queryValue(String value) {
        if (PLAIN_VALUE.matcher(value).matches()) {
            return value;
        }
        if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
            throw new InvalidRequestException(List.of(new FieldError("value", "must not contain '\"' or '\\' to be searched for")));
        }
        return "\"" + value + "\"";
    }

    static StatusResult read(String providerId, InboundResponse response, boolean search) {
        int status = response.status();
        String masked = JsonMasking.maskBody(response.body());
        Optional<JsonNode> parsed = JsonReads.parseObject(CybersourceProvider.JSON, response.body());
        List<GatewayError> errors = parsed.map(ErrorBody::errors).orElse(List.of());
        if (status >= 200 && status < 300 && parsed.isPresent() && (!search || isSearchAnswer(parsed.get()))) {
            List<CreditStatus> credits = new ArrayList<>();
            if (search) {
                parsed.get().path("_embedded").path("transactionSummaries").forEach(t -> credits.add(TransactionOutcome.of(t)));
            } else {
                credits.add(TransactionOutcome.of(parsed.get()));
            }
            return new StatusResult(providerId, FollowUpOutcome.DONE, credits, status, List.of(), masked);
        }
        FollowUpOutcome outcome;
        if (status == 404) {
            outcome = FollowUpOutcome.NOT_FOUND;
        } else if (status >= 400 && status < 500) {
            outcome = FollowUpOutcome.REJECTED;
        } else {
            outcome = FollowUpOutcome.UNKNOWN;
        }
        return new StatusResult(providerId, outcome, List.of(), status, errors, masked);
    }

    /**
     * Whether a 2xx search answer says what it found: a list of transaction summaries (objects), or no list
     * and a count of 0. Anything else (an error shape, a list that is not one) is no proof that nothing
     * was found, and "nothing found" is what lets a caller send a credit again.
     */
    private static boolean isSearchAnswer(JsonNode body) {
        JsonNode summaries = body.path("_embedded").path("transactionSummaries");
        if (summaries.isArray()) {
            for (JsonNode t : summaries) {
                if (!t.isObject()) {
                    return false;
                }
            }
            return true;
        }
        return summaries.isMissingNode() && (isZero(body.path("count")) || isZero(body.path("totalCount")));
    }

    private static boolean isZero(JsonNode n) {
        return n.isIntegralNumber() && n.bigIntegerValue().signum() == 0;
    }

    static StatusResult noAnswer(String providerId, TransportFailure failure) {
        return new StatusResult(providerId, failure.wasSent() ? FollowUpOutcome.UNKNOWN : FollowUpOutcome.NOT_SENT, List.of(), 0,
                List.of(), "");
    }
}
