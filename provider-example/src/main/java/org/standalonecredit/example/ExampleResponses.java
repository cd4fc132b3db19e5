package org.standalonecredit.example;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.kit.json.JsonTrees;
import org.standalonecredit.kit.json.JsonValue;

/**
 * Reads ExamplePay's answers: a credit {@code {"id","status":"approved|declined|pending","amount":{"value","currency"}}}
 * or an error {@code {"error":{"code","message"}}}. Reading never throws: whatever does not have the expected
 * shape reads as {@link Answer#unreadable()}, which the outcomes map to UNKNOWN after sending.
 */
final class ExampleResponses {
    private final JsonTrees json;

    ExampleResponses(JsonTrees json) {
        this.json = json;
    }

    /**
     * One answer's content; every field may be null.
     *
     * @param status   the credit's {@code status}, or null in an error or unreadable answer
     * @param amount   the echoed {@code amount.value}, or null when absent or not a decimal
     */
    record Answer(String id, String status, BigDecimal amount, String currency, String errorCode, String errorMessage) {
        static Answer unreadable() {
            return new Answer(null, null, null, null, null, null);
        }

        boolean isCredit() {
            return id != null && status != null;
        }
    }

    Answer read(InboundResponse response) {
        JsonValue root;
        try {
            root = json.read(response.body());
        } catch (IOException | RuntimeException e) {
            return Answer.unreadable();
        }
        if (root == null || !root.isObject()) {
            return Answer.unreadable();
        }
        JsonValue error = root.path("error");
        JsonValue amount = root.path("amount");
        return new Answer(text(root.path("id")), text(root.path("status")), decimal(amount.path("value")),
                text(amount.path("currency")), text(error.path("code")), text(error.path("message")));
    }

    private static String text(JsonValue node) {
        return node.isText() && !node.text().isBlank() ? node.text() : null;
    }

    private static BigDecimal decimal(JsonValue node) {
        return Optional.ofNullable(text(node)).map(ExampleResponses::parse).orElse(null);
    }

    private static BigDecimal parse(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
