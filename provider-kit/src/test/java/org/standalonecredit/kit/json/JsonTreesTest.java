package org.standalonecredit.kit.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTreesTest {
    private static final JsonTrees TREES = JsonTrees.builder().build();
    private static final JsonTrees STRICT = JsonTrees.builder().strictDuplicates().bigDecimalAsPlain().build();
    /** What the providers used before: databind's tree reading and writing with exact decimals. */
    private static final ObjectMapper DATABIND = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"6753592829656213504004\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"},"
                    + "\"_links\":{\"void\":{\"method\":\"POST\",\"href\":\"/pts/v2/credits/675/voids\"}},\"list\":[1,2.50,-3,true,false,null,{}],\"e\":[]}",
            "{\"amount\":{\"total\":12.04,\"currency\":\"USD\"},\"big\":123456789012345678901234567890,\"long\":9007199254740993,\"neg\":-0.0}",
            "[{\"a\":\"\\u00e9\\n\\\"q\\\"\"},\"x\",1E+3,1.5e-7]",
            "\"just text\"", "42", "null"})
    void readsAndWritesTreesExactlyAsDatabindDid(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode ours = TREES.read(bytes);
        assertEquals(DATABIND.readTree(bytes), ours);
        assertArrayEquals(DATABIND.writeValueAsBytes(ours), TREES.write(ours));
        assertEquals(DATABIND.writeValueAsString(ours), TREES.writeString(ours));
        assertEquals(ours, TREES.read(TREES.write(ours)), "what is written reads back the same");
    }

    @Test
    void decimalsKeepTheirScaleBothWays() throws IOException {
        JsonNode read = TREES.read("{\"amount\":10.00,\"tiny\":0.000}");
        assertEquals(new BigDecimal("10.00"), read.get("amount").decimalValue());
        assertEquals(2, read.get("amount").decimalValue().scale());
        ObjectNode built = STRICT.objectNode().put("total", new BigDecimal("12.00")).put("e", new BigDecimal("1E+1"));
        assertEquals("{\"total\":12.00,\"e\":10}", new String(STRICT.write(built), StandardCharsets.UTF_8));
        assertEquals("{\"total\":12.00,\"e\":1E+1}", TREES.writeString(built));
    }

    @Test
    void anythingAfterTheRootValueIsAnError() {
        assertThrows(IOException.class, () -> TREES.read("{\"a\":1} {\"b\":2}"));
        assertThrows(IOException.class, () -> TREES.read("{\"a\":1}]"));
        assertThrows(IOException.class, () -> TREES.read("{\"a\":1"));
        assertThrows(IOException.class, () -> TREES.read("<html>502</html>"));
    }

    @Test
    void emptyInputHasNoValue() throws IOException {
        assertNull(TREES.read(new byte[0]));
        assertNull(TREES.read("   "));
    }

    @Test
    void aDuplicateKeyKeepsTheLastValueUnlessStrict() throws IOException {
        assertEquals("2", TREES.read("{\"id\":\"1\",\"id\":\"2\"}").get("id").asText());
        assertThrows(IOException.class, () -> STRICT.read("{\"id\":\"1\",\"id\":\"2\"}"));
    }

    @Test
    void nestingBeyondTheParsersLimitIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(IOException.class, () -> TREES.read(deep));
    }
}
