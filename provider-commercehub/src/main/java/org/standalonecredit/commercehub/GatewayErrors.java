package org.standalonecredit.commercehub;

import org.standalonecredit.kit.json.JsonReads;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.privacy.Masking;

/**
 * Reads Commerce Hub's {@code error} list wherever it turns up: at the root, inside an
 * {@code errorResponse} wrapper or inside {@code gatewayResponse}; as an array or a single object.
 * Each entry becomes a {@link GatewayError}: its code (or, for APIM errors without one, its type),
 * its field, and "[type] message (additionalInfo)", with anything that looks like a card number masked in all three.
 */
final class GatewayErrors {
    private static final String[] LOCATIONS = {
            "/error", "/errors", "/errorResponse/error", "/errorResponse/errors", "/gatewayResponse/error",
            "/errorResponse/gatewayResponse/error",
    };

    private GatewayErrors() {
    }

    static List<GatewayError> parse(JsonNode root) {
        List<GatewayError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return errors;
        }
        for (String path : LOCATIONS) {
            JsonNode found = JsonReads.at(root, path);
            if (found.isMissingNode()) {
                continue;
            }
            if (found.isArray()) {
                found.forEach(e -> add(e, errors));
            } else {
                add(found, errors);
            }
        }
        return errors;
    }

    private static void add(JsonNode entry, List<GatewayError> errors) {
        if (entry.isTextual()) {
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
}
