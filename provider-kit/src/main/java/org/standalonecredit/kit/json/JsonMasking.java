package org.standalonecredit.kit.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private static final JsonTrees JSON = JsonTrees.DEFAULT;
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
            JsonValue value = JSON.read(text);
            if (value != null && (value.isObject() || value.isArray())) {
                return Masking.truncate(JSON.writeString(mask(value)));
            }
        } catch (IOException | RuntimeException e) {
            // not JSON (HTML, truncated, garbage): fall through to text masking
        }
        return Masking.maskText(text);
    }

    public static String maskBody(String body) {
        return body == null ? "" : maskBody(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The value with every sensitive member masked: the same value when nothing in it is. */
    private static JsonValue mask(JsonValue value) {
        switch (value.kind()) {
            case OBJECT:
                return maskObject(value);
            case ARRAY:
                List<JsonValue> elements = value.list();
                List<JsonValue> masked = null;
                for (int i = 0; i < elements.size(); i++) {
                    JsonValue element = mask(elements.get(i));
                    if (masked == null && element != elements.get(i)) {
                        masked = new ArrayList<>(elements.subList(0, i));
                    }
                    if (masked != null) {
                        masked.add(element);
                    }
                }
                return masked == null ? value : JsonValue.array(masked);
            case STRING:
                return maskedIfChanged(value);
            case NUMBER:
                if (value.isIntegral()) {
                    // an integer as long as a card number's shortest run is shown as masked text, masked or not
                    return value.asText().length() >= 12 ? JsonValue.of(Masking.maskDigitRuns(value.asText())) : value;
                }
                // a fraction shows its digits too ("0." and a 16-digit card number): a card-length run in it is masked as text
                return maskedIfChanged(value);
            default:
                return value;
        }
    }

    private static JsonValue maskedIfChanged(JsonValue scalar) {
        String text = scalar.asText();
        String masked = Masking.maskDigitRuns(text);
        return masked.equals(text) ? scalar : JsonValue.of(masked);
    }

    /**
     * Each member masked by its key (secrets redacted, card numbers to first six and last four) or else by its
     * value; field names are shown too: one with a card-length digit run is masked like a value, the order kept
     * (two names that mask alike keep the later value, in the earlier one's place).
     */
    private static JsonValue maskObject(JsonValue object) {
        Map<String, JsonValue> members = object.map();
        Members masked = null;
        int seen = 0;
        for (Map.Entry<String, JsonValue> member : members.entrySet()) {
            String name = member.getKey();
            JsonValue value = member.getValue();
            // no sensitive key is longer than LONGEST_KEY: skip lower-casing (a copy) for the long ones
            String key = name.length() <= LONGEST_KEY ? name.toLowerCase(Locale.ROOT) : null;
            JsonValue maskedValue;
            if (key != null && SECRET_KEYS.contains(key) && !value.isObject() && !value.isArray()) {
                maskedValue = JsonValue.of(REDACTED);
            } else if (key != null && PAN_KEYS.contains(key) && (value.isScalar() || value.isNull())) {
                maskedValue = JsonValue.of(CardNumbers.firstSixLastFour(value.asText()));
            } else {
                maskedValue = mask(value);
            }
            String maskedName = Masking.maskDigitRuns(name);
            if (masked == null && (maskedValue != value || !maskedName.equals(name))) {
                masked = new Members();
                int copied = 0;
                for (Map.Entry<String, JsonValue> before : members.entrySet()) {
                    if (copied++ == seen) {
                        break;
                    }
                    masked.put(before.getKey(), before.getValue());
                }
            }
            if (masked != null) {
                masked.put(maskedName, maskedValue);
            }
            seen++;
        }
        return masked == null ? object : JsonValue.object(masked);
    }
}
