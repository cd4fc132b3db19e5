package org.standalonecredit.testkit.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;

/**
 * Collects everything a credit can leave behind — listener events, what was printed to stdout and
 * stderr (where SLF4J's simple binding and most console loggers write), exception messages and
 * result texts — and says which canary values appear in it.
 */
final class CanaryCapture implements CreditListener, AutoCloseable {
    private final List<ExchangeEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;

    CanaryCapture() {
        PrintStream tee = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
    }

    @Override
    public void onEvent(ExchangeEvent event) {
        events.add(event);
    }

    void add(Object text) {
        texts.add(String.valueOf(text));
    }

    /** The canaries found, with where. */
    List<String> leaks(Set<String> canaries) {
        List<String> found = new ArrayList<>();
        String printedText = printed.toString(StandardCharsets.UTF_8);
        for (String canary : canaries) {
            if (shows(printedText, canary)) {
                found.add("'" + describe(canary) + "' in a log line or console output");
            }
            for (ExchangeEvent e : events) {
                if (shows(e.toString(), canary)) {
                    found.add("'" + describe(canary) + "' in a listener event (" + e.phase() + " " + e.path() + ")");
                }
            }
            for (String t : texts) {
                if (shows(t, canary)) {
                    found.add("'" + describe(canary) + "' in " + (t.length() > 60 ? t.substring(0, 60).replace(canary, "<canary>") + "…" : "a result or message"));
                }
            }
        }
        return found;
    }

    /**
     * Whether {@code text} shows {@code canary}. A security code is four digits, which random ids, timestamps and
     * trace ids contain by chance: it counts only as a whole token, as the reliability scanner counts it.
     */
    static boolean shows(String text, String canary) {
        if (canary.length() > 4) {
            return text.contains(canary);
        }
        return java.util.regex.Pattern.compile("(?<![0-9A-Za-z_-])" + java.util.regex.Pattern.quote(canary) + "(?![0-9A-Za-z_-])")
                .matcher(text).find();
    }

    private static String describe(String canary) {
        return canary.length() <= 4 ? "*".repeat(canary.length()) + " (security code)" : canary.substring(0, 2) + "…" + " (" + canary.length() + " chars)";
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
