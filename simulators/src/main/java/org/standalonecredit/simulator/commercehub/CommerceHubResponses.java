package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.SimulatorIds;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.SimJson;

/**
 * Builds Commerce Hub answers in the gateway's shapes (seed 004, protocol notes §4).
 */
final class CommerceHubResponses {
    static final String JSON = "application/json";

    private final Clock clock;
    private final SimulatorIds ids;

    CommerceHubResponses(Clock clock, SimulatorIds ids) {
        this.clock = clock;
        this.ids = ids;
    }

    String timestamp() {
        return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    String apiTraceId() {
        return ids.hex(32);
    }

    // ---- errors -------------------------------------------------------------------------------------

    /** 400 (or another status) with root {@code error[]}. */
    Reply errors(int status, String clientRequestId, List<CommerceHubError> errors) {
        ObjectNode body = SimJson.object();
        ObjectNode details = body.putObject("gatewayResponse").putObject("transactionProcessingDetails");
        details.put("apiTraceId", apiTraceId());
        SimJson.putIfNotNull(details, "clientRequestId", clientRequestId);
        putErrors(body, errors);
        return Reply.json(status, JSON, body);
    }

    Reply unauthorized() {
        ObjectNode body = SimJson.object();
        body.putArray("error").addObject().put("type", "APIM")
                .put("message", "ApiKey and/or Authentication supplied are invalid.");
        return Reply.json(401, JSON, body);
    }

    Reply notFound() {
        ObjectNode body = SimJson.object();
        body.putArray("error").addObject().put("type", "APIM").put("message", "Resource not found");
        return Reply.json(404, JSON, body);
    }

    /** 500/504: the error sits inside {@code gatewayResponse}, as in the specification's examples. */
    private Reply nestedError(int status, String clientRequestId, CommerceHubError error) {
        ObjectNode body = SimJson.object();
        ObjectNode gateway = body.putObject("gatewayResponse");
        ObjectNode details = gateway.putObject("transactionProcessingDetails");
        details.put("transactionTimestamp", timestamp());
        details.put("apiTraceId", apiTraceId());
        SimJson.putIfNotNull(details, "clientRequestId", clientRequestId);
        putErrors(gateway, List.of(error));
        return Reply.json(status, JSON, body);
    }

    /** The answer for an {@link Behaviour.Kind#ERROR} behaviour. */
    Reply forError(Behaviour behaviour, String clientRequestId) {
        return switch (behaviour) {
            case INVALID_REQUEST -> errors(400, clientRequestId, List.of(CommerceHubError.missingOrInvalid("amount.total")));
            case AUTH_FAILURE -> unauthorized();
            case GATEWAY_TIMEOUT -> nestedError(504, clientRequestId, CommerceHubError.gateway("704", null, "Transaction Timed Out"));
            default -> serverError(clientRequestId);
        };
    }

    Reply serverError(String clientRequestId) {
        return nestedError(500, clientRequestId, CommerceHubError.gateway("705", null, "System Error or Problem"));
    }

    private static void putErrors(ObjectNode parent, List<CommerceHubError> errors) {
        ArrayNode array = parent.putArray("error");
        for (CommerceHubError e : errors) {
            ObjectNode n = array.addObject().put("type", e.type());
            SimJson.putIfNotNull(n, "code", e.code());
            SimJson.putIfNotNull(n, "field", e.field());
            n.put("message", e.message());
        }
    }

    // ---- credits ------------------------------------------------------------------------------------

    /**
     * The credit/refund answer body.
     *
     * @param state {@code AUTHORIZED}/{@code CAPTURED} (approved), {@code PENDING} (waiting) or {@code DECLINED}
     */
    ObjectNode credit(String transactionType, String state, String transactionId, String orderId, String apiTraceId,
                      String clientRequestId, JsonNode request, CreditRequestReader.ParsedCredit credit) {
        String now = timestamp();
        ObjectNode body = SimJson.object();
        ObjectNode gateway = body.putObject("gatewayResponse");
        gateway.put("transactionType", transactionType);
        gateway.put("transactionState", state);
        gateway.put("transactionOrigin", request.at("/transactionInteraction/origin").asText("ECOM"));
        ObjectNode details = gateway.putObject("transactionProcessingDetails");
        details.put("transactionTimestamp", now);
        details.put("orderId", orderId);
        details.put("apiTraceId", apiTraceId);
        details.put("clientRequestId", clientRequestId);
        details.put("transactionId", transactionId);
        body.set("source", credit.responseSource().deepCopy());
        ObjectNode receipt = body.putObject("paymentReceipt");
        ObjectNode processor;
        switch (state) {
            case "DECLINED" -> {
                processor = receipt.putObject("processorResponseDetails");
                processor.put("approvalStatus", "DECLINED");
                common(processor);
                processor.put("responseCode", "007").put("responseMessage", "Declined: Do Not Honor")
                        .put("hostResponseCode", "05").put("hostResponseMessage", "DO NOT HONOR");
            }
            case "PENDING" -> {
                approved(receipt, credit.total(), credit.currency());
                processor = receipt.putObject("processorResponseDetails");
                processor.put("approvalStatus", "WAITING");
                common(processor);
                processor.put("responseMessage", "Transaction Placed in Queue");
            }
            default -> {
                approved(receipt, credit.total(), credit.currency());
                processor = receipt.putObject("processorResponseDetails");
                processor.put("approvalStatus", "APPROVED");
                processor.put("approvalCode", "OK" + ids.digits(4));
                common(processor);
                processor.put("responseCode", "000").put("responseMessage", "APPROVAL")
                        .put("hostResponseCode", "00").put("hostResponseMessage", "APPROVAL");
            }
        }
        processor.put("localTimestamp", now);
        processor.putObject("bankAssociationDetails")
                .put("associationResponseCode", state.equals("DECLINED") ? "005" : "000")
                .put("transactionTimestamp", now);
        ObjectNode txDetails = request.path("transactionDetails").isObject()
                ? ((ObjectNode) request.get("transactionDetails")).deepCopy() : SimJson.object();
        if (!txDetails.has("captureFlag")) {
            txDetails.put("captureFlag", true);
        }
        body.set("transactionDetails", txDetails);
        if (request.path("transactionInteraction").isObject()) {
            body.set("transactionInteraction", request.get("transactionInteraction").deepCopy());
        }
        body.set("merchantDetails", request.get("merchantDetails").deepCopy());
        return body;
    }

    private static void approved(ObjectNode receipt, BigDecimal total, String currency) {
        receipt.putObject("approvedAmount").put("total", total).put("currency", currency);
    }

    private void common(ObjectNode processor) {
        processor.put("schemeTransactionId", ids.upperAlphanumeric(15));
        processor.put("processor", "FISERV");
        processor.put("host", "NASHVILLE");
    }

    // ---- cancel, inquiry, keys ----------------------------------------------------------------------

    ObjectNode cancel(CommerceHubTransaction original, String transactionId, String apiTraceId, String clientRequestId,
                      JsonNode request) {
        String now = timestamp();
        ObjectNode body = SimJson.object();
        ObjectNode gateway = body.putObject("gatewayResponse");
        gateway.put("transactionType", "CANCEL");
        gateway.put("transactionState", "VOIDED");
        gateway.put("transactionOrigin", original.answer.at("/gatewayResponse/transactionOrigin").asText("ECOM"));
        ObjectNode details = gateway.putObject("transactionProcessingDetails");
        details.put("transactionTimestamp", now);
        details.put("orderId", original.orderId);
        details.put("apiTraceId", apiTraceId);
        details.put("clientRequestId", clientRequestId);
        details.put("transactionId", transactionId);
        body.set("source", original.answer.get("source").deepCopy());
        ObjectNode receipt = body.putObject("paymentReceipt");
        JsonNode amount = original.answer.at("/paymentReceipt/approvedAmount");
        if (amount.isObject()) {
            receipt.set("approvedAmount", amount.deepCopy());
        }
        ObjectNode processor = receipt.putObject("processorResponseDetails");
        processor.put("approvalStatus", "APPROVED");
        processor.put("approvalCode", "OK" + ids.digits(4));
        common(processor);
        processor.put("responseCode", "000").put("responseMessage", "APPROVAL")
                .put("hostResponseCode", "00").put("hostResponseMessage", "APPROVAL").put("localTimestamp", now);
        ObjectNode txDetails = body.putObject("transactionDetails");
        txDetails.put("reversalReasonCode", request.at("/transactionDetails/reversalReasonCode").asText("VOID"));
        body.putObject("referenceTransactionDetails").put("referenceTransactionId", original.transactionId);
        return body;
    }

    Reply inquiry(List<ObjectNode> results) {
        ArrayNode array = SimJson.array();
        results.forEach(array::add);
        return Reply.json(201, JSON, array);
    }

    Reply key(CardEncryptionKey key, String clientRequestId) {
        ObjectNode body = SimJson.object();
        String trace = apiTraceId();
        ObjectNode details = body.putObject("gatewayResponse").putObject("transactionProcessingDetails");
        details.put("transactionTimestamp", timestamp());
        details.put("apiTraceId", trace);
        details.put("clientRequestId", clientRequestId);
        details.put("transactionId", trace);
        ObjectNode asym = body.putObject("asymmetricKeyDetails");
        asym.put("keyId", key.keyId);
        asym.put("encryptionType", "RSA");
        asym.put("modulus", 2048);
        asym.put("encodedPublicKey", key.encodedPublicKey());
        asym.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(key.validFrom));
        asym.put("validTo", DateTimeFormatter.ISO_INSTANT.format(key.validTo));
        asym.put("status", key.validTo.isBefore(Instant.now(clock)) ? "INACTIVE" : "ACTIVE");
        body.putObject("symmetricKeyDetails").put("encryptionType", "AES-GCM").put("modulus", 256);
        return Reply.json(201, JSON, body);
    }
}
