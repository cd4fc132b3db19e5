package org.standalonecredit.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReadsTest {
    private static final JsonTrees TREES = JsonTrees.builder().strictDuplicates().build();

    private static JsonValue json(String text) {
        return JsonReads.parse(TREES, text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void aDecimalIsAbsentReadableOrUnreadable() {
        JsonValue n = json("{\"a\":{\"n\":12.00,\"s\":\" 12.04 \",\"null\":null,\"word\":\"twelve\",\"flag\":true,"
                + "\"huge\":1e999999999,\"hugeText\":\"1e999999999\",\"long\":\"" + "1".repeat(81) + "\",\"o\":{}}}");
        assertEquals(new BigDecimal("12.00"), JsonReads.decimal(n, "/a/n").value());
        assertEquals(new BigDecimal("12.04"), JsonReads.decimal(n, "/a/s").value());
        assertSame(JsonReads.Decimal.ABSENT, JsonReads.decimal(n, "/a/missing"));
        assertSame(JsonReads.Decimal.ABSENT, JsonReads.decimal(n, "/a/null"));
        for (String unreadable : new String[] {"/a/word", "/a/flag", "/a/huge", "/a/hugeText", "/a/long", "/a/o"}) {
            JsonReads.Decimal d = JsonReads.decimal(n, unreadable);
            assertTrue(d.unreadable(), unreadable);
            assertNull(d.value(), unreadable);
        }
        assertFalse(JsonReads.decimal(n, "/a/n").unreadable());
    }

    @Test
    void textIsAStringOrANumberAndScalarAlsoABoolean() {
        JsonValue n = json("{\"s\":\"x\",\"n\":7,\"b\":true,\"z\":null,\"o\":{},\"l\":[1]}");
        assertEquals("x", JsonReads.text(n, "/s"));
        assertEquals("7", JsonReads.text(n, "/n"));
        assertNull(JsonReads.text(n, "/b"));
        assertEquals("true", JsonReads.scalar(n, "/b"));
        for (String p : new String[] {"/z", "/o", "/l", "/missing", "/s/deeper"}) {
            assertNull(JsonReads.text(n, p), p);
            assertNull(JsonReads.scalar(n, p), p);
        }
        assertNull(JsonReads.scalar(null, "/s"));
        assertSame(JsonReads.Decimal.ABSENT, JsonReads.decimal(null, "/s"));
    }

    @Test
    void onlyAnObjectOrAnArrayIsAnAnswer() {
        assertTrue(JsonReads.parse(TREES, "[]".getBytes(StandardCharsets.UTF_8)).isPresent());
        assertTrue(JsonReads.parseObject(TREES, "[]".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(JsonReads.parseObject(TREES, "{}".getBytes(StandardCharsets.UTF_8)).isPresent());
        for (String bad : new String[] {"", "12", "\"x\"", "<html>", "{\"a\":1", "{\"a\":1,\"a\":2}", "{} {}"}) {
            assertTrue(JsonReads.parse(TREES, bad.getBytes(StandardCharsets.UTF_8)).isEmpty(), bad);
        }
        assertTrue(JsonReads.parse(TREES, null).isEmpty());
    }

    @Test
    void everySecondShapedInstantReadsAsInstantParseReadsIt() {
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            Instant expected = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * 2L); // 1970 to 2106
            String text = expected.toString();
            assertEquals(expected, JsonReads.utcSeconds(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z", "2024-00-10T10:00:00Z",
            "2024-01-18T24:00:00Z", "2024-01-18T16:60:48Z", "2024-01-18T16:52:60Z", "2024-01-18 16:52:48Z",
            "2024-01-18T16:52:48+01:00", "2024-01-18T16:52:48.123Z", "2024-1-18T16:52:48Z", "+024-01-18T16:52:48Z",
            "2024-01-١8T16:52:48Z", "not a date at all!!"})
    void anythingElseIsLeftToInstantParse(String text) {
        assertNull(JsonReads.utcSeconds(text), text);
        Instant viaReader = JsonReads.instant(JsonValue.object().put("t", text).build(), "/t");
        Instant viaParse;
        try {
            viaParse = Instant.parse(text);
        } catch (DateTimeParseException e) {
            viaParse = null;
        }
        assertEquals(viaParse, viaReader, text);
    }

    @Test
    void aLeapYearsTwentyNinthOfFebruaryIsRead() {
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), JsonReads.utcSeconds("2024-02-29T23:59:59Z"));
    }
}
