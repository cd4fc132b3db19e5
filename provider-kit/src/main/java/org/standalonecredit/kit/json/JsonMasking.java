package org.standalonecredit.kit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.standalonecredit.api.privacy.CardNumbers;
import org.standalonecredit.api.privacy.Masking;

/**
 * Masks a body for showing: a JSON object or array member by member (card numbers to first six and last
 * four, secrets redacted, card-length digit runs in any value or key masked), anything else as text with
 * {@link Masking#maskText}. Every body that leaves the library through a result, an event or a log line.
 */
public final class JsonMasking {
    private static final JsonTrees JSON = JsonTrees.builder().build();
    private static final String REDACTED = Masking.REDACTED;
    private static final java.util.Set<String> PAN_KEYS = Masking.PAN_KEYS;
    private static final java.util.Set<String> SECRET_KEYS = Masking.SECRET_KEYS;
    private static final int LONGEST_KEY = java.util.stream.Stream.concat(PAN_KEYS.stream(), SECRET_KEYS.stream())
            .mapToInt(String::length).max().orElse(0);

    private JsonMasking() {
    }

    /** The body masked on first call and kept; the raw bytes are dropped then. For a result's response body. */
    public static Supplier<String> lazily(byte[] body) {
        return body == null ? null : () -> maskBody(body);
    }

    /** The body as text safe to show: JSON with sensitive values replaced, or masked plain text. */
    public static String maskBody(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode node = JSON.read(text);
            if (node != null && (node.isObject() || node.isArray())) {
                return Masking.truncate(JSON.writeString(maskNode(node)));
            }
        } catch (IOException | RuntimeException e) {
            // not JSON (HTML, truncated, garbage): fall through to text masking
        }
        return Masking.maskText(text);
    }

    public static String maskBody(String body) {
        return body == null ? "" : maskBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode maskNode(JsonNode node) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
            List<Map.Entry<String, JsonNode>> replacements = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                // no sensitive key is longer than LONGEST_KEY: skip lower-casing (a copy) for the long ones
                String key = f.getKey().length() <= LONGEST_KEY ? f.getKey().toLowerCase(Locale.ROOT) : null;
                JsonNode value = f.getValue();
                if (key != null && SECRET_KEYS.contains(key) && !value.isContainerNode()) {
                    replacements.add(Map.entry(f.getKey(), TextNode.valueOf(REDACTED)));
                } else if (key != null && PAN_KEYS.contains(key) && value.isValueNode()) {
                    replacements.add(Map.entry(f.getKey(), TextNode.valueOf(CardNumbers.firstSixLastFour(value.asText()))));
                } else {
                    JsonNode masked = maskNode(value);
                    if (masked != value) {
                        replacements.add(Map.entry(f.getKey(), masked));
                    }
                }
            }
            replacements.forEach(e -> obj.set(e.getKey(), e.getValue()));
            return maskKeys(obj);
        }
        if (node.isArray()) {
            ArrayNode arr = (ArrayNode) node;
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, maskNode(arr.get(i)));
            }
            return arr;
        }
        if (node.isTextual()) {
            String masked = Masking.maskDigitRuns(node.asText());
            return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
        }
        if (node.isIntegralNumber() && node.asText().length() >= 12) {
            return TextNode.valueOf(Masking.maskDigitRuns(node.asText()));
        }
        if (node.isNumber() && !node.isIntegralNumber()) {
            // a fraction shows its digits too ("0." and a 16-digit card number): a card-length run in it is masked as text
            String masked = Masking.maskDigitRuns(node.asText());
            return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
        }
        return node;
    }

    /** Field names are shown too: one with a card-length digit run is masked like a value, the field order kept. */
    private static ObjectNode maskKeys(ObjectNode obj) {
        boolean any = false;
        for (Iterator<String> names = obj.fieldNames(); names.hasNext() && !any; ) {
            String name = names.next();
            any = !Masking.maskDigitRuns(name).equals(name);
        }
        if (!any) {
            return obj;
        }
        ObjectNode masked = obj.objectNode();
        obj.fields().forEachRemaining(f -> masked.set(Masking.maskDigitRuns(f.getKey()), f.getValue()));
        return masked;
    }

}
