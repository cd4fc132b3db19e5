package org.standalonecredit.cybersource.jose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the top-level members of one JSON object: a JOSE header or an MLE wrapper body. */
final class FlatJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FlatJson() {
    }

    /**
     * Each member name, in order, with its value when that value is a JSON string (empty otherwise; nested
     * values are skipped). Null when {@code json} is not exactly one JSON object, or names a member twice.
     */
    static Map<String, Optional<String>> membersOrNull(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Optional<String>> members = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                members.put(name, value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty());
                parser.skipChildren();
            }
            return parser.nextToken() == null ? members : null;
        } catch (IOException e) {
            return null;
        }
    }
}
