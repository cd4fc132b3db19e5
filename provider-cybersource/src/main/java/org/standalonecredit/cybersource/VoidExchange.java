package org.standalonecredit.cybersource;

import org.standalonecredit.kit.json.JsonReads;
import org.standalonecredit.kit.json.JsonMasking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.TransportFailure;

/**
 * Voids (protocol notes §5): {@code POST /pts/v2/credits/{id}/voids} for a credit the gateway identified,
 * {@code POST /pts/v2/voids} with the merchant's transactionId when the credit's answer was lost.
 */
final class VoidExchange {
    static final String TIMEOUT_VOID_PATH = "/pts/v2/voids";

    private VoidExchange() {
    }

    static String path(VoidRequest request) {
        return request.gatewayTransactionId()
                .map(id -> "/pts/v2/credits/" + GatewayIds.checked("gatewayTransactionId", id) + "/voids")
                .orElse(TIMEOUT_VOID_PATH);
    }

    /** {@code {}}, or the clientReferenceInformation the void carries (code, and transactionId for a timeout void). */
    static ObjectNode body(VoidRequest request) {
        ObjectNode body = CybersourceProvider.JSON.objectNode();
        Optional<String> code = request.merchantReference();
        if (code.isPresent() || request.transactionId().isPresent()) {
            ObjectNode ref = body.putObject("clientReferenceInformation");
            code.ifPresent(v -> ref.put("code", v));
            request.transactionId().ifPresent(v -> ref.put("transactionId", v));
        }
        return body;
    }

    static VoidResult read(String providerId, InboundResponse response) {
        int status = response.status();
        String masked = JsonMasking.maskBody(response.body());
        Optional<JsonNode> parsed = JsonReads.parseObject(CybersourceProvider.JSON, response.body());
        if (parsed.isEmpty()) {
            FollowUpOutcome outcome = status == 404 ? FollowUpOutcome.NOT_FOUND
                    : status == 401 || status == 403 ? FollowUpOutcome.REJECTED : FollowUpOutcome.UNKNOWN;
            return new VoidResult(providerId, outcome, null, null, status, List.of(), masked);
        }
        JsonNode body = parsed.get();
        String gatewayStatus = JsonReads.text(body, "/status");
        String id = JsonReads.text(body, "/id");
        FollowUpOutcome outcome;
        if (status >= 200 && status < 300) {
            String s = gatewayStatus == null ? "" : gatewayStatus.toUpperCase(Locale.ROOT);
            if (ErrorBody.hasErrorInformation(body) || s.equals("CANCELLED") || s.equals("FAILED") || s.equals("DECLINED")
                    || s.equals("INVALID_REQUEST")) {
                outcome = FollowUpOutcome.REJECTED;
            } else {
                outcome = s.equals("VOIDED") ? FollowUpOutcome.DONE : FollowUpOutcome.UNKNOWN;
            }
        } else if (status == 404) {
            outcome = FollowUpOutcome.NOT_FOUND;
        } else if (status >= 400 && status < 500) {
            outcome = FollowUpOutcome.REJECTED;
        } else {
            outcome = FollowUpOutcome.UNKNOWN;
        }
        return new VoidResult(providerId, outcome, outcome == FollowUpOutcome.DONE ? id : null, gatewayStatus, status,
                ErrorBody.errors(body), masked);
    }

    static VoidResult noAnswer(String providerId, TransportFailure failure) {
        return new VoidResult(providerId, failure.wasSent() ? FollowUpOutcome.UNKNOWN : FollowUpOutcome.NOT_SENT, null, null, 0,
                List.of(), "");
    }
}
