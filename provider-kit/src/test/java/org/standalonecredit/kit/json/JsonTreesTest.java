package org.standalonecredit.kit.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading and writing {@link JsonValue} trees; databind (test scope only) is the reference for the bytes. */
@SuppressWarnings("deprecation") // exact decimals are 2.18's default; the reference pins them all the same
class JsonTreesTest {
    private static final JsonTrees TREES = JsonTrees.builder().build();
    private static final JsonTrees STRICT = JsonTrees.builder().strictDuplicates().bigDecimalAsPlain().build();
    /** What the providers used before: databind's tree reading and writing with exact decimals. */
    private static final ObjectMapper DATABIND = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final ObjectMapper DATABIND_PLAIN = JsonMapper.builder(
            JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"6753592829656213504004\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"},"
                    + "\"_links\":{\"void\":{\"method\":\"POST\",\"href\":\"/pts/v2/credits/675/voids\"}},\"list\":[1,2.50,-3,true,false,null,{}],\"e\":[]}",
            "{\"amount\":{\"total\":12.04,\"currency\":\"USD\"},\"big\":123456789012345678901234567890,\"long\":9007199254740993,\"neg\":-0.0}",
            "[{\"a\":\"\\u00e9\\n\\\"q\\\"\"},\"x\",1E+3,1.5e-7,-0,1e0,10E-2,-12345678901234567890.000]",
            "{\"esc\":\"\\u0000\\u001f\\b\\f\\r\\t/\\\\\\u2028\\ud83d\\ude00\",\"k\\\"ey\":1}",
            "{\"a\":1,\"a\":2,\"b\":3}",
            "\"just text\"", "42", "null", "true", "1.10"})
    void readsTheValuesAndWritesTheBytesDatabindDid(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonValue ours = TREES.read(bytes);
        JsonNode theirs = DATABIND.readTree(bytes);
        assertSameTree(theirs, ours, "");
        assertArrayEquals(DATABIND.writeValueAsBytes(theirs), TREES.write(ours), json);
        assertEquals(DATABIND.writeValueAsString(theirs), TREES.writeString(ours));
        assertArrayEquals(DATABIND_PLAIN.writeValueAsBytes(theirs), STRICT.write(ours));
        assertArrayEquals(TREES.write(ours), TREES.write(TREES.read(TREES.write(ours))), "what is written reads back and writes the same");
        assertEquals(TREES.writeString(ours), ours.toString());
    }

    /** Same kinds, same texts, same numbers (integer or not, value and scale), same member order. */
    private static void assertSameTree(JsonNode theirs, JsonValue ours, String at) {
        assertEquals(theirs.isObject(), ours.isObject(), at);
        assertEquals(theirs.isArray(), ours.isArray(), at);
        assertEquals(theirs.isTextual(), ours.isText(), at);
        assertEquals(theirs.isNumber(), ours.isNumber(), at);
        assertEquals(theirs.isBoolean(), ours.isBoolean(), at);
        assertEquals(theirs.isNull(), ours.isNull(), at);
        assertEquals(theirs.asText(), ours.asText(), at);
        assertEquals(theirs.size(), ours.size(), at);
        if (theirs.isNumber()) {
            assertEquals(theirs.isIntegralNumber(), ours.isIntegral(), at);
            assertEquals(theirs.decimalValue(), ours.decimal(), at);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = theirs.properties().iterator();
        for (Map.Entry<String, JsonValue> member : ours.members().entrySet()) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertEquals(field.getKey(), member.getKey(), at);
            assertSameTree(field.getValue(), member.getValue(), at + "/" + member.getKey());
        }
        for (int i = 0; theirs.isArray() && i < theirs.size(); i++) {
            assertSameTree(theirs.get(i), ours.path(i), at + "/" + i);
        }
    }

    @Test
    void aBuiltTreeIsWrittenAsDatabindWroteTheSameTree() throws IOException {
        JsonValue.ObjectBuilder ours = JsonValue.object().put("s", "é \"q\" \\ \n").put("n", 7).put("d", new BigDecimal("10.50"))
                .put("e", new BigDecimal("1E+2")).put("t", true).put("z", (String) null);
        ours.putObject("o").put("x", "y").putArray("l").add(1).add("two").addObject().put("three", false);
        ObjectNode theirs = DATABIND.createObjectNode().put("s", "é \"q\" \\ \n").put("n", 7).put("d", new BigDecimal("10.50"))
                .put("e", new BigDecimal("1E+2")).put("t", true).put("z", (String) null);
        theirs.putObject("o").put("x", "y").putArray("l").add(1).add("two").addObject().put("three", false);
        JsonValue built = ours.build();
        assertArrayEquals(DATABIND.writeValueAsBytes(theirs), TREES.write(built));
        assertArrayEquals(DATABIND_PLAIN.writeValueAsBytes(theirs), STRICT.write(built));
        assertEquals("{\"s\":\"é \\\"q\\\" \\\\ \\n\",\"n\":7,\"d\":10.50,\"e\":100,\"t\":true,\"z\":null,"
                + "\"o\":{\"x\":\"y\",\"l\":[1,\"two\",{\"three\":false}]}}", new String(STRICT.write(built), StandardCharsets.UTF_8));
    }

    @Test
    void numbersAreReadExactly() throws IOException {
        JsonValue read = TREES.read("{\"amount\":10.00,\"tiny\":0.000,\"int\":42,\"big\":123456789012345678901234567890,"
                + "\"exp\":1E+3,\"one\":1e0,\"negZero\":-0}");
        assertEquals(new BigDecimal("10.00"), read.path("amount").decimal());
        assertEquals(2, read.path("amount").decimal().scale());
        assertEquals(3, read.path("tiny").decimal().scale());
        assertTrue(read.path("int").isIntegral());
        assertFalse(read.path("amount").isIntegral());
        assertEquals(new BigDecimal("123456789012345678901234567890"), read.path("big").decimal());
        assertTrue(read.path("big").isIntegral());
        assertEquals(new BigDecimal("1E+3"), read.path("exp").decimal());
        assertFalse(read.path("exp").isIntegral(), "an exponent is no integer, whatever its value");
        assertFalse(read.path("one").isIntegral());
        assertEquals("0", read.path("negZero").asText());
        assertEquals("{\"amount\":10.00,\"tiny\":0.000,\"int\":42,\"big\":123456789012345678901234567890,\"exp\":1E+3,\"one\":1,\"negZero\":0}",
                TREES.writeString(read));
        assertEquals("{\"amount\":10.00,\"tiny\":0.000,\"int\":42,\"big\":123456789012345678901234567890,\"exp\":1000,\"one\":1,\"negZero\":0}",
                STRICT.writeString(read));
    }

    @Test
    void stringsAreEscapedOnWrite() {
        JsonValue v = JsonValue.object().put("k\"ey", "quote \" backslash \\ slash / nl \n tab \t nul \u0000 us \u001f é €").build();
        assertEquals("{\"k\\\"ey\":\"quote \\\" backslash \\\\ slash / nl \\n tab \\t nul \\u0000 us \\u001F é €\"}", TREES.writeString(v));
        assertArrayEquals(TREES.writeString(v).getBytes(StandardCharsets.UTF_8), TREES.write(v), "UTF-8, nothing else escaped");
    }

    @Test
    void anythingAfterTheRootValueIsAnError() {
        assertThrows(IOException.class, () -> TREES.read("{\"a\":1} {\"b\":2}"));
        assertThrows(IOException.class, () -> TREES.read("{\"a\":1}]"));
        assertThrows(IOException.class, () -> TREES.read("{\"a\":1} x"));
        assertThrows(IOException.class, () -> TREES.read("{\"a\":1"));
        assertThrows(IOException.class, () -> TREES.read("<html>502</html>"));
    }

    @Test
    void emptyInputHasNoValue() throws IOException {
        assertNull(TREES.read(new byte[0]));
        assertNull(TREES.read("   "));
    }

    @Test
    void aDuplicateKeyKeepsTheLastValueInTheFirstPlaceUnlessStrict() throws IOException {
        JsonValue read = TREES.read("{\"id\":\"1\",\"x\":0,\"id\":\"2\"}");
        assertEquals("2", read.path("id").text());
        assertEquals("{\"id\":\"2\",\"x\":0}", TREES.writeString(read));
        assertThrows(IOException.class, () -> STRICT.read("{\"id\":\"1\",\"id\":\"2\"}"));
        assertThrows(IOException.class, () -> STRICT.read("[{\"a\":{\"id\":1,\"id\":1}}]"));
    }

    @Test
    void nestingBeyondTheParsersLimitIsAnErrorNotAStackOverflow() throws IOException {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(IOException.class, () -> TREES.read(deep));
        String withinLimit = "[".repeat(900) + "]".repeat(900);
        assertEquals(withinLimit, TREES.writeString(TREES.read(withinLimit)));
    }

    @Test
    void aMissingValueHasNoJsonForm() {
        assertThrows(IllegalArgumentException.class, () -> TREES.write(JsonValue.MISSING));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.object().put("m", JsonValue.MISSING));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.array().add(JsonValue.MISSING));
    }
}
