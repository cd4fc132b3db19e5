package org.standalonecredit.testkit.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.standalonecredit.api.privacy.CardNumbers;

/**
 * The card numbers a fuzz input carries (runs of 13 to 19 ASCII digits, no digit either side, that pass
 * the Luhn check) and the check that none of them comes back out in text the library shows or logs.
 */
public final class CardNumberRuns {
    /** What {@code Masking} appends where it cut a text at its length cap. */
    private static final String TRUNCATED = "…[truncated]";

    private CardNumberRuns() {
    }

    public static Set<String> in(byte[] input) {
        return in(new String(input, StandardCharsets.ISO_8859_1)); // one char per byte: digit runs are byte runs
    }

    public static Set<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean digit = i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
            if (digit && start < 0) {
                start = i;
            } else if (!digit && start >= 0) {
                String run = text.substring(start, i);
                if (run.length() >= 13 && run.length() <= 19 && CardNumbers.isLuhnValid(run)) {
                    found.add(run);
                }
                start = -1;
            }
        }
        return found;
    }

    /**
     * Fails when {@code text} shows one of {@code cardNumbers}: as a digit run of its own, or inside a run of
     * at most 19 digits. A longer run (a 22-digit gateway id) is no card number, whatever digits it holds, and
     * neither is the start of one that the length cap cut.
     */
    public static void assertNoneIn(Set<String> cardNumbers, String where, String text) {
        if (text == null || cardNumbers.isEmpty()) {
            return;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean digit = i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
            if (digit && start < 0) {
                start = i;
            } else if (!digit && start >= 0) {
                String run = text.substring(start, i);
                start = -1;
                if (run.length() > 19 || text.startsWith(TRUNCATED, i)) {
                    continue; // a longer run, or the start of one cut by the length cap: no card number either way
                }
                for (String pan : cardNumbers) {
                    if (run.contains(pan)) {
                        String shown = CardNumbers.firstSixLastFour(pan);
                        fail(where + " shows the answer's card number " + shown + " unmasked: " + abbreviate(text.replace(pan, shown)));
                    }
                }
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
