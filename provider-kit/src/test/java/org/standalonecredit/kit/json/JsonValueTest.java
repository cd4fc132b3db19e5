package org.standalonecredit.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Navigating and building {@link JsonValue}s. */
class JsonValueTest {
    private static final JsonTrees TREES = JsonTrees.builder().build();
    private static final JsonValue ANSWER = read("{\"id\":\"675\",\"amount\":{\"total\":12.00,\"currency\":\"USD\"},"
            + "\"details\":[{\"field\":\"card.number\"},{\"field\":\"amount\"}],\"a/b\":{\"m~n\":1},\"0\":\"zero\",\"nil\":null,"
            + "\"ok\":true,\"n\":42}");

    private static JsonValue read(String json) {
        try {
            return TREES.read(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/id|675", "/amount/total|12.00", "/details/0/field|card.number", "/details/1/field|amount", "/a~1b/m~0n|1", "/0|zero",
            "/nil|null", "/ok|true", "/n|42"})
    void aPointerFindsWhatIsThere(String pointer, String text) {
        assertEquals(text, ANSWER.at(pointer).asText());
        assertFalse(ANSWER.at(pointer).isMissing());
    }

    @ParameterizedTest
    @CsvSource({"/missing", "/id/deeper", "/details/2", "/details/-1", "/details/01", "/details/field", "/nil/x", "/amount/total/x",
            "/details/99999999999", "/amount/", "/a/b"})
    void aPointerToWhatIsNotThereIsMissingNeverNull(String pointer) {
        assertSame(JsonValue.MISSING, ANSWER.at(pointer), pointer);
        assertSame(JsonValue.MISSING, ANSWER.at(pointer).at("/further/still"), pointer);
    }

    @Test
    void theEmptyPointerIsTheValueItselfAndOneWithoutASlashIsRefused() {
        assertSame(ANSWER, ANSWER.at(""));
        assertThrows(IllegalArgumentException.class, () -> ANSWER.at("id"));
    }

    @Test
    void pathStepsByNameOrIndexAndMissesOnEverythingElse() {
        assertEquals("USD", ANSWER.path("amount").path("currency").text());
        assertEquals("amount", ANSWER.path("details").path(1).path("field").text());
        assertSame(JsonValue.MISSING, ANSWER.path("details").path(2));
        assertSame(JsonValue.MISSING, ANSWER.path("details").path(-1));
        assertSame(JsonValue.MISSING, ANSWER.path("details").path("0"), "an array has no members");
        assertSame(JsonValue.MISSING, ANSWER.path(0), "an object has no elements");
        assertSame(JsonValue.MISSING, ANSWER.path("id").path("x"));
        assertSame(JsonValue.MISSING, JsonValue.MISSING.path("x").path(0));
        assertTrue(ANSWER.path("nil").isNull());
        assertFalse(ANSWER.path("nil").isMissing());
        assertTrue(ANSWER.has("nil"), "a member whose value is null is there");
        assertFalse(ANSWER.has("absent"));
        assertFalse(ANSWER.path("details").has("0"));
    }

    @Test
    void eachKindAnswersForItselfOnly() {
        JsonValue text = ANSWER.path("id");
        JsonValue number = ANSWER.path("amount").path("total");
        assertTrue(text.isText() && text.isScalar());
        assertEquals("675", text.text());
        assertNull(text.decimal(), "a numeric string is no number");
        assertTrue(number.isNumber() && number.isScalar() && !number.isIntegral());
        assertNull(number.text());
        assertEquals(new BigDecimal("12.00"), number.decimal());
        assertTrue(ANSWER.path("n").isIntegral());
        assertTrue(ANSWER.path("ok").isBoolean() && ANSWER.path("ok").isScalar());
        assertFalse(ANSWER.path("nil").isScalar());
        assertFalse(ANSWER.isScalar());
        assertEquals("", ANSWER.asText());
        assertEquals("", JsonValue.MISSING.asText());
        assertEquals(JsonValue.Kind.ARRAY, ANSWER.path("details").kind());
    }

    @Test
    void sizesMembersAndElements() {
        assertEquals(8, ANSWER.size());
        assertEquals(2, ANSWER.path("details").size());
        assertEquals(0, ANSWER.path("id").size());
        assertEquals(List.of("id", "amount", "details", "a/b", "0", "nil", "ok", "n"), new ArrayList<>(ANSWER.members().keySet()));
        assertTrue(ANSWER.path("details").members().isEmpty());
        assertTrue(ANSWER.elements().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> ANSWER.members().put("x", JsonValue.NULL));
        assertThrows(UnsupportedOperationException.class, () -> ANSWER.path("details").elements().clear());
    }

    @Test
    void iteratingGivesAnArraysElementsOrAnObjectsMemberValues() {
        List<String> fields = new ArrayList<>();
        for (JsonValue detail : ANSWER.path("details")) {
            fields.add(detail.path("field").text());
        }
        assertEquals(List.of("card.number", "amount"), fields);
        List<String> values = new ArrayList<>();
        ANSWER.path("amount").forEach(v -> values.add(v.asText()));
        assertEquals(List.of("12.00", "USD"), values);
        assertFalse(ANSWER.path("id").iterator().hasNext());
        assertFalse(JsonValue.MISSING.iterator().hasNext());
    }

    @Test
    void aBuilderWritesMembersInOrderAndReplacesInPlace() {
        JsonValue.ObjectBuilder b = JsonValue.object();
        assertTrue(b.isEmpty());
        b.put("a", "1").put("b", 2).put("a", "3");
        b.putObject("c").put("d", true);
        b.putArray("e").add("x").addArray().add(1);
        assertFalse(b.isEmpty());
        JsonValue built = b.build();
        assertEquals("{\"a\":\"3\",\"b\":2,\"c\":{\"d\":true},\"e\":[\"x\",[1]]}", built.toString());
        assertEquals(read(built.toString()), built, "what is built reads back equal");
    }

    @Test
    void afterBuildNoBuilderOfTheTreeChangesAnything() {
        JsonValue.ObjectBuilder root = JsonValue.object();
        JsonValue.ObjectBuilder child = root.putObject("child");
        JsonValue.ArrayBuilder list = child.putArray("list");
        JsonValue built = root.build();
        assertThrows(IllegalStateException.class, () -> root.put("x", 1));
        assertThrows(IllegalStateException.class, () -> child.put("x", 1));
        assertThrows(IllegalStateException.class, () -> list.add(1));
        assertEquals("{\"child\":{\"list\":[]}}", built.toString());
        JsonValue.ObjectBuilder other = JsonValue.object().put("built", built);
        assertEquals("{\"built\":{\"child\":{\"list\":[]}}}", other.build().toString(), "a built value goes into another tree");
    }

    @Test
    void nullsAreJsonNull() {
        JsonValue v = JsonValue.object().put("s", (String) null).put("d", (BigDecimal) null).put("v", (JsonValue) null).build();
        assertEquals("{\"s\":null,\"d\":null,\"v\":null}", v.toString());
        assertThrows(NullPointerException.class, () -> JsonValue.object().put(null, "x"));
    }

    @Test
    void equalityIsByKindAndContent() {
        assertEquals(read("{\"a\":[1,\"x\"],\"b\":1.50}"), read("{\"b\":1.50,\"a\":[1,\"x\"]}"));
        assertEquals(read("{\"a\":1}").hashCode(), JsonValue.object().put("a", 1).build().hashCode());
        assertNotEquals(read("1.5"), read("1.50"), "the scale is part of a decimal");
        assertNotEquals(read("1"), read("1.0"));
        assertNotEquals(read("1"), read("\"1\""));
        assertEquals(JsonValue.of(new BigDecimal("2.5")), read("2.5"));
        assertEquals(JsonValue.of(7), read("7"));
        assertSame(JsonValue.TRUE, read("true"));
        assertSame(JsonValue.NULL, JsonValue.of((String) null));
    }
}
