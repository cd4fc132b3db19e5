package org.standalonecredit.kit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link JsonValue} trees read and written with jackson-core's streaming parser and generator: no data
 * binding, so no databind on a provider's class path and none of the 600 classes an {@code ObjectMapper}
 * loads on first use.
 *
 * <p>Reading keeps every number exactly as written, as a {@link BigDecimal} with its scale ({@code 10.00}
 * stays {@code 10.00}) and whether it was an integer. Anything after the root value is an error. A duplicate
 * key keeps the last value (in the first one's place), or is an error when {@link Builder#strictDuplicates()}
 * is set. The parser's default limits apply (nesting depth 1,000, numbers of 1,000 digits).
 *
 * <p>Writing is compact, members in the tree's order, strings escaped by jackson-core (quotes, backslashes
 * and control characters; other characters as UTF-8). Integers are written as their digits, decimals as
 * {@link BigDecimal#toString()} does ({@code 1E+1}), or plainly ({@code 10}) with
 * {@link Builder#bigDecimalAsPlain()}: the bytes databind wrote for the same trees.
 *
 * <p>Immutable and thread-safe; build one per configuration and keep it.
 */
public final class JsonTrees {
    /** Lenient duplicates, decimals as BigDecimal writes them: for {@link JsonValue#toString()} and masking. */
    static final JsonTrees DEFAULT = builder().build();

    private final JsonFactory factory;

    private JsonTrees(Builder b) {
        JsonFactoryBuilder f = new JsonFactoryBuilder();
        if (b.strictDuplicates) {
            f.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
        if (b.bigDecimalAsPlain) {
            f.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
        }
        this.factory = f.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The JSON value in these bytes (UTF-8, -16 or -32, as the bytes say), or null when there is none. */
    public JsonValue read(byte[] json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            return readRoot(p);
        }
    }

    public JsonValue read(String json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            return readRoot(p);
        }
    }

    /**
     * The value as UTF-8 bytes.
     *
     * @throws IllegalArgumentException for {@link JsonValue#MISSING}, which has no JSON form
     */
    public byte[] write(JsonValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
        return out.toByteArray();
    }

    public String writeString(JsonValue value) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator g, JsonValue value) throws IOException {
        switch (value.kind()) {
            case OBJECT:
                g.writeStartObject();
                for (Map.Entry<String, JsonValue> member : value.map().entrySet()) {
                    g.writeFieldName(member.getKey());
                    writeValue(g, member.getValue());
                }
                g.writeEndObject();
                return;
            case ARRAY:
                g.writeStartArray();
                for (JsonValue element : value.list()) {
                    writeValue(g, element);
                }
                g.writeEndArray();
                return;
            case STRING:
                g.writeString(value.text());
                return;
            case NUMBER:
                BigDecimal number = value.decimal();
                if (value.isIntegral() && number.precision() <= 18) {
                    g.writeNumber(number.longValue());
                } else if (value.isIntegral()) {
                    g.writeNumber(number.toBigInteger());
                } else {
                    g.writeNumber(number);
                }
                return;
            case BOOLEAN:
                g.writeBoolean(value == JsonValue.TRUE);
                return;
            case NULL:
                g.writeNull();
                return;
            default:
                throw new IllegalArgumentException("a missing value has no JSON form");
        }
    }

    private static JsonValue readRoot(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return null;
        }
        JsonValue root = readValue(p, first);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw new JsonParseException(p, "unexpected " + trailing + " after the JSON value");
        }
        return root;
    }

    private static JsonValue readValue(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName(); // t is FIELD_NAME: the parser allows nothing else here
                    members.put(name, readValue(p, p.nextToken()));
                }
                return JsonValue.object(members);
            case START_ARRAY:
                List<JsonValue> elements = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    elements.add(readValue(p, t));
                }
                return JsonValue.array(elements);
            case VALUE_STRING:
                return JsonValue.of(p.getText());
            case VALUE_NUMBER_INT:
                return JsonValue.number(p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new BigDecimal(p.getBigIntegerValue()) : BigDecimal.valueOf(p.getLongValue()), true);
            case VALUE_NUMBER_FLOAT:
                return JsonValue.number(p.getDecimalValue(), false);
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new JsonParseException(p, "unexpected " + token);
        }
    }

    public static final class Builder {
        private boolean strictDuplicates;
        private boolean bigDecimalAsPlain;

        private Builder() {
        }

        /** A key twice in one object makes the body unreadable instead of keeping the last value. */
        public Builder strictDuplicates() {
            strictDuplicates = true;
            return this;
        }

        /** Decimals are written without an exponent ({@code 1E+1} goes out as {@code 10}). */
        public Builder bigDecimalAsPlain() {
            bigDecimalAsPlain = true;
            return this;
        }

        public JsonTrees build() {
            return new JsonTrees(this);
        }
    }
}
