package org.standalonecredit.kit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Jackson trees ({@link JsonNode}) read and written with jackson-core alone. Databind's {@code ObjectMapper}
 * does the same for trees, but its first use loads some 600 classes (serializer and deserializer factories,
 * date formats, locale data): about 120 ms of a fresh JVM's first credit, for trees that need none of it.
 *
 * <p>Reading keeps every number exactly as written: integers as int, long or BigInteger nodes, numbers with
 * a fraction or exponent as {@link java.math.BigDecimal} with their scale ({@code 10.00} stays {@code 10.00}).
 * Anything after the root value is an error. Duplicate keys keep the last value, or are an error when
 * {@link Builder#strictDuplicates()} is set. The parser's default limits apply (nesting depth 1,000, numbers
 * of 1,000 digits).
 *
 * <p>Immutable and thread-safe; build one per configuration and keep it.
 */
public final class JsonTrees {
    private final JsonFactory factory;
    private final JsonNodeFactory nodes;

    private JsonTrees(Builder b) {
        JsonFactoryBuilder f = new JsonFactoryBuilder();
        if (b.strictDuplicates) {
            f.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
        if (b.bigDecimalAsPlain) {
            f.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
        }
        this.factory = f.build();
        this.nodes = b.nodes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A new, empty object node whose {@code put} methods keep decimals exact. */
    public ObjectNode objectNode() {
        return nodes.objectNode();
    }

    public ArrayNode arrayNode() {
        return nodes.arrayNode();
    }

    /** The JSON value in these bytes (UTF-8, -16 or -32, as the bytes say), or null when there is none. */
    public JsonNode read(byte[] json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            return readRoot(p);
        }
    }

    public JsonNode read(String json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            return readRoot(p);
        }
    }

    /** The tree as UTF-8 bytes, compact, fields in the tree's order. */
    public byte[] write(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            writeValue(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
        return out.toByteArray();
    }

    public String writeString(JsonNode node) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            writeValue(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT:
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    g.writeFieldName(field.getKey());
                    writeValue(g, field.getValue());
                }
                g.writeEndObject();
                return;
            case ARRAY:
                g.writeStartArray();
                for (JsonNode element : node) {
                    writeValue(g, element);
                }
                g.writeEndArray();
                return;
            case STRING:
                g.writeString(node.textValue());
                return;
            case NUMBER:
                writeNumber(g, node);
                return;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                return;
            case NULL:
                g.writeNull();
                return;
            default: // MISSING, BINARY, POJO: never in a body this library builds or reads
                throw new IllegalArgumentException("a " + node.getNodeType() + " node has no JSON form here");
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT:
                g.writeNumber(node.intValue());
                return;
            case LONG:
                g.writeNumber(node.longValue());
                return;
            case BIG_INTEGER:
                g.writeNumber(node.bigIntegerValue());
                return;
            case BIG_DECIMAL:
                g.writeNumber(node.decimalValue());
                return;
            case FLOAT:
                g.writeNumber(node.floatValue());
                return;
            default:
                g.writeNumber(node.doubleValue());
        }
    }

    private JsonNode readRoot(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return null;
        }
        JsonNode root = readValue(p, first);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw new JsonParseException(p, "unexpected " + trailing + " after the JSON value");
        }
        return root;
    }

    private JsonNode readValue(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                ObjectNode object = nodes.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName(); // t is FIELD_NAME: the parser allows nothing else here
                    object.set(name, readValue(p, p.nextToken()));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(readValue(p, t));
                }
                return array;
            case VALUE_STRING:
                return TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return IntNode.valueOf(p.getIntValue());
                    case LONG:
                        return LongNode.valueOf(p.getLongValue());
                    default:
                        return BigIntegerNode.valueOf(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return DecimalNode.valueOf(p.getDecimalValue());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.instance;
            default:
                throw new JsonParseException(p, "unexpected " + token);
        }
    }

    public static final class Builder {
        @SuppressWarnings("deprecation") // exact decimals are 2.18's default; older versions needed the switch
        private JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
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
