package org.standalonecredit.api.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.standalonecredit.api.transport.Header;

/**
 * Masks what must never be shown: card numbers (first six and last four at most), security codes,
 * secrets, signatures and authorization values, in text and headers. Used for every text and header that
 * leaves the library through a result, a listener event or a log line; JSON bodies are masked member by
 * member by the provider kit ({@code org.standalonecredit.kit.json.JsonMasking}), with these key lists.
 */
public final class Masking {
    public static final String REDACTED = "[redacted]";
    /** Masked text is cut to this many characters, then marked "…[truncated]". */
    public static final int MAX_TEXT = 4096;
    /** Keys whose value is a card number: shown as first six and last four. */
    public static final Set<String> PAN_KEYS = Set.of("number", "carddata", "accountnumber", "pan", "cardnumber");
    /** Keys whose value is secret: redacted. Compared in lower case. */
    public static final Set<String> SECRET_KEYS = Set.of("securitycode", "cvv", "cvv2", "cvc", "encryptionblock",
            "password", "secret", "apikey", "apisecret", "authorization", "signature", "cryptogram", "routingnumber",
            "tokendata", "sharedsecret", "secretkey", "privatekey");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "signature", "api-key", "digest",
            "proxy-authorization", "cookie", "set-cookie", "x-api-key");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{12,19}(?!\\d)");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(\"(?i:securityCode|cvv|cvv2|cvc|encryptionBlock|password|secret|apiKey|apiSecret|cryptogram|tokenData|signature)\"\\s*:\\s*)(\"[^\"]*\"|\\d+)");

    private Masking() {
    }

    /** Masks card-number-like digit runs and secret JSON pairs in any text, then truncates it. */
    public static String maskText(String text) {
        if (text == null) {
            return "";
        }
        String masked = SECRET_PAIR.matcher(text).replaceAll("$1\"" + Matcher.quoteReplacement(REDACTED) + "\"");
        return truncate(maskDigitRuns(masked));
    }

    /** Replaces every 12–19 digit run with its first six and last four digits. */
    public static String maskDigitRuns(String text) {
        if (!hasCardLengthDigitRun(text)) {
            return text; // nothing the pattern below could match: skip the regex and the copy
        }
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, CardNumbers.firstSixLastFour(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether {@code text} has a run of 12–19 digits with no digit on either side (what {@link #DIGIT_RUN} matches). */
    private static boolean hasCardLengthDigitRun(String text) {
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                run++;
            } else {
                if (run >= 12 && run <= 19) {
                    return true;
                }
                run = 0;
            }
        }
        return run >= 12 && run <= 19;
    }

    public static List<Header> maskHeaders(List<Header> headers) {
        List<Header> out = new ArrayList<>(headers.size());
        for (Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            out.add(SECRET_HEADERS.contains(name) ? new Header(h.name(), REDACTED) : h);
        }
        return out;
    }

    /** Cuts a masked text to {@link #MAX_TEXT} characters. */
    public static String truncate(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…[truncated]";
    }
}
