package org.standalonecredit.testkit.fuzz;

import org.standalonecredit.kit.json.JsonMasking;
import org.standalonecredit.api.privacy.Masking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Jazzer fuzz test of {@link Masking#maskBody(byte[])}, which reads whatever bytes a gateway answers with
 * (FUZZING.md). Without JAZZER_FUZZ it runs each input of
 * {@code src/test/resources/org/standalonecredit/api/privacy/MaskingFuzzTestInputs/maskBody/} once; with
 * JAZZER_FUZZ=1 and -Dtest=MaskingFuzzTest, Jazzer mutates them for maxDuration. An input is the body itself.
 */
class MaskingFuzzTest {
    /** The longest text maskBody returns: its cap, and the marker saying it was cut. */
    private static final int LONGEST = Masking.MAX_TEXT + "…[truncated]".length();

    @FuzzTest(maxDuration = "15s")
    void maskBody(byte[] body) {
        check(body);
    }

    /** Any body: masked text of bounded length with none of the body's card numbers, and masking it again changes nothing more. */
    static void check(byte[] body) {
        String masked = JsonMasking.maskBody(body);
        assertNotNull(masked);
        assertTrue(masked.length() <= LONGEST, "masked text is capped, not " + masked.length() + " characters");
        Set<String> pans = CardNumberRuns.in(body);
        CardNumberRuns.assertNoneIn(pans, "maskBody", masked);
        CardNumberRuns.assertNoneIn(pans, "maskText", Masking.maskText(new String(body, StandardCharsets.UTF_8)));
        String again = JsonMasking.maskBody(masked.getBytes(StandardCharsets.UTF_8));
        CardNumberRuns.assertNoneIn(CardNumberRuns.in(masked), "maskBody of masked text", again);
        if (body.length == 0) {
            assertEquals("", masked);
        }
    }
}
