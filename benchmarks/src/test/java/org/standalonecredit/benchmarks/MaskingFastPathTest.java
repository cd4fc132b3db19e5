package org.standalonecredit.benchmarks;

import org.standalonecredit.kit.json.JsonMasking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.privacy.CardNumbers;
import org.standalonecredit.api.privacy.Masking;

/**
 * The benchmarks led to a fast path in {@link Masking#maskDigitRuns} (skip the regex when no 12–19
 * digit run exists). This pins that it answers exactly as the regex alone did, on random text dense in
 * digit runs of every length around the bounds.
 */
class MaskingFastPathTest {
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{12,19}(?!\\d)");

    private static String reference(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, CardNumbers.firstSixLastFour(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void sameAnswerAsTheRegexAlone() {
        Random random = new Random(7);
        String others = "ab \"-:/{}.,é٣"; // includes a non-ASCII digit, which \d does not match either
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int parts = random.nextInt(5);
            for (int p = 0; p < parts; p++) {
                int run = random.nextInt(24);
                for (int d = 0; d < run; d++) {
                    s.append((char) ('0' + random.nextInt(10)));
                }
                int gap = random.nextInt(3);
                for (int g = 0; g < gap; g++) {
                    s.append(others.charAt(random.nextInt(others.length())));
                }
            }
            String text = s.toString();
            assertEquals(reference(text), Masking.maskDigitRuns(text), text);
        }
    }

    @Test
    void bodiesAreMaskedAsBefore() {
        String body = "{\"paymentInformation\":{\"card\":{\"number\":\"4111111111111111\",\"securityCode\":\"123\"}},"
                + "\"id\":\"7055967677826132904951\",\"note\":\"card 4111111111111111 used\",\"clientReferenceInformation\":{\"code\":\"12345678\"}}";
        String masked = JsonMasking.maskBody(body);
        assertFalse(masked.contains("4111111111111111"), masked);
        assertFalse(masked.contains("\"123\""), masked);
        assertTrue(masked.contains("7055967677826132904951"), masked);
    }
}
