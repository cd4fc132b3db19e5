package org.standalonecredit.api.privacy;

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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.standalonecredit.api.json.JsonTrees;
import org.standalonecredit.api.transport.Header;

/**
 * Masks what must never be shown: card numbers (first six and last four at most), security codes,
 * secrets, signatures and authorization values. Used for every body and header that leaves the
 * library through a result, a listener event or a log line.
 */
public final class Masking {
    public static final String REDACTED = "[redacted]";
    /** Masked text is cut to this many characters, then marked "…[truncated]". */
    public static final int MAX_TEXT = 4096;
    private static final JsonTrees JSON = JsonTrees.builder().build();
    private static final Set<String> PAN_KEYS = Set.of("number", "carddata", "accountnumber", "pan", "cardnumber");
    private static final Set<String> SECRET_KEYS = Set.of("securitycode", "cvv", "cvv2", "cvc", "encryptionblock",
            "password", "secret", "apikey", "apisecret", "authorization", "signature", "cryptogram", "routingnumber",
            "tokendata", "sharedsecret", "secretkey", "privatekey");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "signature", "api-key", "digest",
            "proxy-authorization", "cookie", "set-cookie", "x-api-key");
    private static final int LONGEST_KEY = java.util.stream.Stream.concat(PAN_KEYS.stream(), SECRET_KEYS.stream())
            .mapToInt(String::length).max().orElse(0);
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{12,19}(?!\\d)");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(\"(?i:securityCode|cvv|cvv2|cvc|encryptionBlock|password|secret|apiKey|apiSecret|cryptogram|tokenData|signature)\"\\s*:\\s*)(\"[^\"]*\"|\\d+)");

    private Masking() {
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
                return truncate(JSON.writeString(maskNode(node)));
            }
        } catch (IOException | RuntimeException e) {
            // not JSON (HTML, truncated, garbage): fall through to text masking
        }
        return maskText(text);
    }

    public static String maskBody(String body) {
        return body == null ? "" : maskBody(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Masks card-number-like digit runs and secret JSON pairs in any text, then truncates it. */
    public static String maskText(String text) {
        if (text == null) {
            return "";
        }
        String masked = SECRET_PAIR.matcher(text).replaceAll("$1\"" + Matcher.quoteReplacement(REDACTED) + "\"");
        return truncate(maskDigitRuns(masked));
    }

    /** Replaces every 12–19 digit run with its first six and last four digits. */
    public static String maskDigitRuns(String text) {
        if (!hasCardLengthDigitRun(text)) {
            return text; // nothing the pattern below could match: skip the regex and the copy
        }
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, CardNumbers.firstSixLastFour(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether {@code text} has a run of 12–19 digits with no digit on either side (what {@link #DIGIT_RUN} matches). */
    private static boolean hasCardLengthDigitRun(String text) {
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                run++;
            } else {
                if (run >= 12 && run <= 19) {
                    return true;
                }
                run = 0;
            }
        }
        return run >= 12 && run <= 19;
    }

    public static List<Header> maskHeaders(List<Header> headers) {
        List<Header> out = new ArrayList<>(headers.size());
        for (Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            out.add(SECRET_HEADERS.contains(name) ? new Header(h.name(), REDACTED) : h);
        }
        return out;
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
            String masked = maskDigitRuns(node.asText());
            return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
        }
        if (node.isIntegralNumber() && node.asText().length() >= 12) {
            return TextNode.valueOf(maskDigitRuns(node.asText()));
        }
        if (node.isNumber() && !node.isIntegralNumber()) {
            // a fraction shows its digits too ("0." and a 16-digit card number): a card-length run in it is masked as text
            String masked = maskDigitRuns(node.asText());
            return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
        }
        return node;
    }

    /** Field names are shown too: one with a card-length digit run is masked like a value, the field order kept. */
    private static ObjectNode maskKeys(ObjectNode obj) {
        boolean any = false;
        for (Iterator<String> names = obj.fieldNames(); names.hasNext() && !any; ) {
            String name = names.next();
            any = !maskDigitRuns(name).equals(name);
        }
        if (!any) {
            return obj;
        }
        ObjectNode masked = obj.objectNode();
        obj.fields().forEachRemaining(f -> masked.set(maskDigitRuns(f.getKey()), f.getValue()));
        return masked;
    }

    private static String truncate(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…[truncated]";
    }
}
