package org.standalonecredit.cybersource;

import org.standalonecredit.kit.json.JsonReads;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.privacy.Masking;

/**
 * Reads the error shapes Cybersource answers with (protocol notes §4.2): the flat
 * {@code {status, reason, message, details[{field, reason}]}} of a 400/502, the same inside
 * {@code errorInformation} on a declined 201, {@code {response:{rmsg}}} on a 401 and
 * {@code {errors:[{type, message}]}} on a 404. Messages, codes and fields are masked before they are kept:
 * a gateway echoes input anywhere in an error.
 */
final class ErrorBody {
    private ErrorBody() {
    }

    /** The object that holds reason/message/details: {@code errorInformation} when present, else the body. */
    private static JsonNode holder(JsonNode body) {
        JsonNode info = body.path("errorInformation");
        return info.isObject() ? info : body;
    }

    /** True when the body carries an {@code errorInformation} object with a reason or a message. */
    static boolean hasErrorInformation(JsonNode body) {
        JsonNode info = body.path("errorInformation");
        return info.isObject() && (JsonReads.text(info, "/reason") != null || JsonReads.text(info, "/message") != null);
    }

    static String reason(JsonNode body) {
        String reason = JsonReads.text(holder(body), "/reason");
        return reason != null ? reason : JsonReads.text(body, "/errors/0/type");
    }

    static String message(JsonNode body) {
        String message = JsonReads.text(holder(body), "/message");
        if (message == null) {
            message = JsonReads.text(body, "/response/rmsg");
        }
        if (message == null) {
            message = JsonReads.text(body, "/errors/0/message");
        }
        return message == null ? null : Masking.maskText(message);
    }

    /** One error per {@code details[]} or {@code errors[]} entry, else one for the reason and message. */
    static List<GatewayError> errors(JsonNode body) {
        List<GatewayError> errors = new ArrayList<>();
        String reason = JsonReads.text(holder(body), "/reason");
        String message = message(body);
        for (JsonNode detail : holder(body).path("details")) {
            String field = JsonReads.text(detail, "/field");
            String detailReason = JsonReads.text(detail, "/reason");
            if (field != null || detailReason != null) {
                errors.add(new GatewayError(masked(detailReason != null ? detailReason : reason), masked(field), message));
            }
        }
        for (JsonNode error : body.path("errors")) {
            errors.add(new GatewayError(masked(JsonReads.text(error, "/type")), null, masked(JsonReads.text(error, "/message"))));
        }
        if (errors.isEmpty() && (reason != null || message != null)) {
            errors.add(new GatewayError(masked(reason), null, message));
        }
        return errors;
    }

    private static String masked(String text) {
        return text == null ? null : Masking.maskText(text);
    }
}
