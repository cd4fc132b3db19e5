package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Builds Cybersource answers in the gateway's own shapes (seeds 000–003, protocol notes §4–§5).
 */
final class CybersourceResponses {
    static final String HAL_JSON = "application/hal+json";
    static final String JSON = "application/json";
    static final String MSG_MISSING = "Declined - The request is missing one or more fields";
    static final String MSG_INVALID = "Declined - One or more fields in the request contains invalid data";
    static final String MSG_DUPLICATE =
            "Declined - The transaction identifier sent with this request has already been used in the last 60 days";
    static final String MSG_NOT_VOIDABLE = "Declined - The capture or credit is not voidable because the capture "
            + "or credit information has already been submitted to your processor. Or, you requested a void for a "
            + "type of transaction that cannot be voided.";
    static final String MSG_SYSTEM_ERROR = "Error - General system failure.";
    static final String MSG_SERVER_TIMEOUT = "Error - The request was received but there was a server timeout. "
            + "This error does not include timeouts between the client and the server.";

    private final Clock clock;
    private final SimulatorIds ids;

    CybersourceResponses(Clock clock, SimulatorIds ids) {
        this.clock = clock;
        this.ids = ids;
    }

    static String utc(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private String now() {
        return utc(clock.instant());
    }

    // ---- errors -------------------------------------------------------------------------------------

    Reply invalid(List<FieldError> errors) {
        boolean missing = errors.stream().anyMatch(e -> e.reason().equals(FieldError.MISSING_FIELD));
        ObjectNode body = flatError("INVALID_REQUEST", missing ? FieldError.MISSING_FIELD : FieldError.INVALID_DATA,
                missing ? MSG_MISSING : MSG_INVALID);
        ArrayNode details = body.putArray("details");
        errors.forEach(e -> details.addObject().put("field", e.field()).put("reason", e.reason()));
        return Reply.json(400, HAL_JSON, body);
    }

    Reply malformed() {
        return Reply.json(400, HAL_JSON, flatError("INVALID_REQUEST", FieldError.INVALID_DATA, MSG_INVALID));
    }

    Reply duplicate() {
        return Reply.json(400, HAL_JSON, flatError("INVALID_REQUEST", "DUPLICATE_REQUEST", MSG_DUPLICATE));
    }

    Reply notVoidable() {
        return Reply.json(400, HAL_JSON, flatError("INVALID_REQUEST", "NOT_VOIDABLE", MSG_NOT_VOIDABLE));
    }

    Reply authenticationFailed() {
        ObjectNode body = SimJson.object();
        body.putObject("response").put("rmsg", "Authentication Failed");
        return Reply.json(401, JSON, body);
    }

    /** Request/response MLE problems; the status and shape are not documented (Q5), 400 is an inference. */
    Reply mleFailure(String message) {
        return Reply.json(400, HAL_JSON, flatError("INVALID_REQUEST", FieldError.INVALID_DATA, message));
    }

    Reply notFound(String message) {
        ObjectNode body = SimJson.object();
        body.putArray("errors").addObject().put("type", "notFound").put("message", message);
        return Reply.json(404, JSON, body);
    }

    Reply serverError() {
        return Reply.json(502, HAL_JSON, flatError("SERVER_ERROR", "SYSTEM_ERROR", MSG_SYSTEM_ERROR));
    }

    Reply serverTimeout() {
        return Reply.json(502, HAL_JSON, flatError("SERVER_ERROR", "SERVER_TIMEOUT", MSG_SERVER_TIMEOUT));
    }

    /** The answer for an {@link Behaviour.Kind#ERROR} behaviour. */
    Reply forError(Behaviour behaviour) {
        return switch (behaviour) {
            case INVALID_REQUEST -> invalid(List.of(FieldError.invalid(CreditRequestValidator.AMOUNT)));
            case AUTH_FAILURE -> authenticationFailed();
            case GATEWAY_TIMEOUT -> serverTimeout();
            default -> serverError();
        };
    }

    private ObjectNode flatError(String status, String reason, String message) {
        ObjectNode body = SimJson.object();
        body.put("submitTimeUtc", now());
        body.put("status", status);
        body.put("reason", reason);
        body.put("message", message);
        return body;
    }

    // ---- credits ------------------------------------------------------------------------------------

    /** 201 for an accepted or declined credit. */
    Reply credit(StoredCredit c) {
        return credit(c, null);
    }

    /** As {@link #credit(StoredCredit)}, echoing the amount off by {@code echoSkew} when it is not null. */
    Reply credit(StoredCredit c, java.math.BigDecimal echoSkew) {
        ObjectNode body = SimJson.object();
        ObjectNode links = body.putObject("_links");
        if (c.status != StoredCredit.Status.DECLINED) {
            links.putObject("void").put("method", "POST").put("href", "/pts/v2/credits/" + c.id + "/voids");
        }
        links.putObject("self").put("method", "GET").put("href", "/pts/v2/credits/" + c.id);
        putClientReference(body, c);
        if (c.status != StoredCredit.Status.DECLINED) {
            String echoed = echoSkew == null ? c.amountText : new java.math.BigDecimal(c.amountText).add(echoSkew).toPlainString();
            body.putObject("creditAmountDetails").put("currency", c.currency).put("creditAmount", echoed);
        }
        body.put("id", c.id);
        if (c.status == StoredCredit.Status.DECLINED) {
            body.putObject("errorInformation").put("reason", "INVALID_ACCOUNT")
                    .put("message", "Decline - Invalid account number");
        }
        body.putObject("orderInformation").putObject("amountDetails").put("currency", c.currency);
        body.putObject("paymentAccountInformation").putObject("card").put("type", c.cardType);
        putPaymentInformation(body, c);
        ObjectNode processor = body.putObject("processorInformation");
        if (c.status == StoredCredit.Status.DECLINED) {
            processor.put("responseCode", "14");
        } else {
            processor.put("approvalCode", "888888").put("responseCode", "100");
        }
        body.put("reconciliationId", c.reconciliationId);
        body.put("status", c.status.name());
        body.put("submitTimeUtc", utc(c.submitTime));
        return Reply.json(201, HAL_JSON, body)
                .withHeader("v-c-correlation-id", ids.uuid())
                .withHeader("x-requestid", c.id);
    }

    private static void putClientReference(ObjectNode body, StoredCredit c) {
        if (c.code != null || c.transactionId != null) {
            ObjectNode ref = body.putObject("clientReferenceInformation");
            SimJson.putIfNotNull(ref, "code", c.code);
            SimJson.putIfNotNull(ref, "transactionId", c.transactionId);
        }
    }

    private static void putPaymentInformation(ObjectNode body, StoredCredit c) {
        ObjectNode pi = body.putObject("paymentInformation");
        pi.putObject("tokenizedCard").put("type", c.cardType);
        if (c.tokens.instrumentIdentifierId() != null) {
            pi.putObject("instrumentIdentifier").put("id", c.tokens.instrumentIdentifierId()).put("state", "ACTIVE");
        }
        if (c.tokens.paymentInstrumentId() != null) {
            pi.putObject("paymentInstrument").put("id", c.tokens.paymentInstrumentId());
        }
        pi.putObject("card").put("type", c.cardType);
        if (c.tokens.customerId() != null) {
            pi.putObject("customer").put("id", c.tokens.customerId());
        }
    }

    // ---- voids --------------------------------------------------------------------------------------

    /** 201 VOIDED. */
    Reply voided(StoredCredit c, String voidId, String code) {
        ObjectNode body = SimJson.object();
        body.putObject("_links").putObject("self").put("method", "GET").put("href", "/pts/v2/voids/" + voidId);
        String ref = code != null ? code : c.code;
        if (ref != null || c.transactionId != null) {
            ObjectNode cri = body.putObject("clientReferenceInformation");
            SimJson.putIfNotNull(cri, "code", ref);
            SimJson.putIfNotNull(cri, "transactionId", c.transactionId);
        }
        body.put("id", voidId);
        body.putObject("orderInformation").putObject("amountDetails").put("currency", c.currency);
        body.put("status", "VOIDED");
        body.put("submitTimeUtc", now());
        body.putObject("voidAmountDetails").put("currency", c.currency).put("voidAmount", c.amountText)
                .put("originalTransactionAmount", c.amountText);
        return Reply.json(201, HAL_JSON, body);
    }

    // ---- transaction details and search --------------------------------------------------------------

    /** 200 {@code GET /tss/v2/transactions/{id}}. */
    Reply transaction(StoredCredit c) {
        ObjectNode body = SimJson.object();
        body.put("id", c.id);
        body.put("rootId", c.id);
        body.put("reconciliationId", c.reconciliationId);
        body.put("merchantId", c.merchantId);
        body.put("submitTimeUTC", utc(c.submitTime));
        body.put("status", c.status.name());
        putApplicationInformation(body, c);
        putClientReference(body, c);
        body.putObject("orderInformation").putObject("amountDetails")
                .put("totalAmount", c.amountText).put("currency", c.currency);
        ObjectNode pi = body.putObject("paymentInformation");
        ObjectNode card = pi.putObject("card");
        SimJson.putIfNotNull(card, "prefix", c.source.bin());
        SimJson.putIfNotNull(card, "suffix", c.source.last4());
        SimJson.putIfNotNull(card, "expirationMonth", c.source.expirationMonth());
        SimJson.putIfNotNull(card, "expirationYear", c.source.expirationYear());
        card.put("type", c.cardType);
        if (c.tokens.customerId() != null) {
            pi.putObject("customer").put("id", c.tokens.customerId());
        }
        if (c.tokens.paymentInstrumentId() != null) {
            pi.putObject("paymentInstrument").put("id", c.tokens.paymentInstrumentId());
        }
        if (c.tokens.instrumentIdentifierId() != null) {
            pi.putObject("instrumentIdentifier").put("id", c.tokens.instrumentIdentifierId());
        }
        body.putObject("_links").putObject("self").put("href", "/tss/v2/transactions/" + c.id).put("method", "GET");
        return Reply.json(200, HAL_JSON, body);
    }

    /** 201 {@code POST /tss/v2/searches}. */
    Reply search(ObjectNode request, List<StoredCredit> found, int offset, int limit) {
        ObjectNode body = SimJson.object();
        String searchId = ids.uuid();
        body.put("searchId", searchId);
        body.put("save", request.path("save").asBoolean(false));
        SimJson.putIfNotNull(body, "name", SimJson.textOrNull(request, "/name"));
        SimJson.putIfNotNull(body, "timezone", SimJson.textOrNull(request, "/timezone"));
        body.put("query", request.path("query").asText());
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("sort", request.path("sort").asText("submitTimeUtc:desc"));
        List<StoredCredit> page = found.subList(Math.min(offset, found.size()), Math.min(found.size(), offset + limit));
        body.put("count", page.size());
        body.put("totalCount", found.size());
        body.put("submitTimeUtc", now());
        ArrayNode summaries = body.putObject("_embedded").putArray("transactionSummaries");
        for (StoredCredit c : page) {
            ObjectNode s = summaries.addObject();
            s.put("id", c.id);
            s.put("submitTimeUtc", utc(c.submitTime));
            s.put("merchantId", c.merchantId);
            s.put("status", c.status.name());
            putApplicationInformation(s, c);
            putClientReference(s, c);
            s.putObject("orderInformation").putObject("amountDetails")
                    .put("totalAmount", c.amountText).put("currency", c.currency);
            s.putObject("_links").putObject("transactionDetail")
                    .put("href", "/tss/v2/transactions/" + c.id).put("method", "GET");
        }
        body.putObject("_links").putObject("self").put("href", "/tss/v2/searches/" + searchId).put("method", "GET");
        return Reply.json(201, HAL_JSON, body);
    }

    private static void putApplicationInformation(ObjectNode body, StoredCredit c) {
        boolean declined = c.status == StoredCredit.Status.DECLINED;
        ObjectNode ai = body.putObject("applicationInformation");
        ai.put("status", c.status.name());
        ai.put("reasonCode", declined ? "231" : "100");
        ai.put("rCode", declined ? "0" : "1");
        ai.put("rFlag", declined ? "DINVALIDCARD" : "SOK");
        ArrayNode apps = ai.putArray("applications");
        apps.addObject().put("name", "ics_credit").put("reasonCode", declined ? "231" : "100")
                .put("rCode", declined ? "0" : "1").put("rFlag", declined ? "DINVALIDCARD" : "SOK")
                .put("reconciliationId", c.reconciliationId)
                .put("rMessage", declined ? "Invalid account number" : "Request was processed successfully.");
        if (c.status == StoredCredit.Status.VOIDED) {
            apps.addObject().put("name", "ics_void").put("reasonCode", "100").put("rCode", "1").put("rFlag", "SOK")
                    .put("rMessage", "Request was processed successfully.");
        }
    }
}
