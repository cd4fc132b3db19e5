package org.standalonecredit.cybersource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast reading of {@code submitTimeUtc} gives what {@link Instant#parse} gives, or leaves the text to it. */
class JsonInstantTest {

    @Test
    void everySecondShapedInstantReadsAsInstantParseReadsIt() {
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            Instant expected = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * 2L); // 1970 to 2106
            String text = expected.toString();
            assertEquals(expected, Json.utcSeconds(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z", "2024-00-10T10:00:00Z",
            "2024-01-18T24:00:00Z", "2024-01-18T16:60:48Z", "2024-01-18T16:52:60Z", "2024-01-18 16:52:48Z",
            "2024-01-18T16:52:48+01:00", "2024-01-18T16:52:48.123Z", "2024-1-18T16:52:48Z", "+024-01-18T16:52:48Z",
            "2024-01-١8T16:52:48Z", "not a date at all!!"})
    void anythingElseIsLeftToInstantParse(String text) {
        assertNull(Json.utcSeconds(text), text);
        Instant viaReader = Json.instant(Json.TREES.objectNode().put("t", text), "/t");
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
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), Json.utcSeconds("2024-02-29T23:59:59Z"));
    }
}
