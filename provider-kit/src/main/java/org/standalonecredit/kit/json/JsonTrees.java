package org.standalonecredit.kit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private final boolean strictDuplicates;

    private JsonTrees(Builder b) {
        JsonFactoryBuilder f = new JsonFactoryBuilder();
        // duplicates are found while members are collected (Members.put), not by the parser's own name sets
        this.strictDuplicates = b.strictDuplicates;
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
            return readRoot(p, new Reading(strictDuplicates));
        }
    }

    public JsonValue read(String json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            return readRoot(p, new Reading(strictDuplicates));
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
                Members members = (Members) value.map();
                for (int i = 0; i < members.size(); i++) {
                    g.writeFieldName(members.name(i));
                    writeValue(g, members.value(i));
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

    private static JsonValue readRoot(JsonParser p, Reading reading) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return null;
        }
        JsonValue root = readValue(p, first, reading);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw new JsonParseException(p, "unexpected " + trailing + " after the JSON value");
        }
        return root;
    }

    private static JsonValue readValue(JsonParser p, JsonToken token, Reading reading) throws IOException {
        switch (token) {
            case START_OBJECT:
                int first = reading.depth();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName(); // t is FIELD_NAME: the parser allows nothing else here
                    reading.push(name, readValue(p, p.nextToken(), reading));
                }
                return JsonValue.object(reading.popObject(first, p));
            case START_ARRAY:
                List<JsonValue> elements = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    elements.add(readValue(p, t, reading));
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

    /**
     * The members read so far of every object still open, one stack for the whole read: an object's members are
     * counted before its arrays are made, so each object gets arrays of exactly its size.
     */
    private static final class Reading {
        private final boolean strictDuplicates;
        private String[] names = new String[16];
        private JsonValue[] values = new JsonValue[16];
        private int depth;

        Reading(boolean strictDuplicates) {
            this.strictDuplicates = strictDuplicates;
        }

        int depth() {
            return depth;
        }

        void push(String name, JsonValue value) {
            if (depth == names.length) {
                names = Arrays.copyOf(names, depth * 2);
                values = Arrays.copyOf(values, depth * 2);
            }
            names[depth] = name;
            values[depth++] = value;
        }

        /** The members pushed since {@code first}, as one object; a duplicate name is an error when strict. */
        Members popObject(int first, JsonParser p) throws JsonParseException {
            Members members = new Members(depth - first);
            for (int i = first; i < depth; i++) {
                if (members.put(names[i], values[i]) != null && strictDuplicates) {
                    throw new JsonParseException(p, "duplicate field '" + names[i] + "'");
                }
                names[i] = null;
                values[i] = null;
            }
            depth = first;
            return members;
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
