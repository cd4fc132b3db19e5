package org.standalonecredit.journal.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of what the journal says about its database: a URL is shown masked, and a driver's message
 * is scrubbed of every credential the journal was given (the password key, a URL's {@code user:pass@} or
 * {@code password=} parameter).
 */
final class JdbcUrls {
    static final String MASK = "****";
    /** {@code //user:pass@host}: everything between {@code //} and {@code @} (the user too: it is half a credential). */
    private static final Pattern USER_INFO = Pattern.compile("(//)([^/?;#@\\s]*)@");
    /** {@code password=...}, {@code sslpassword=...}, H2's {@code ;PASSWORD=...}: the value up to the next separator. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][^=&;?#\\s]*password\\s*=)([^&;#\\s]*)");

    private JdbcUrls() {
    }

    /** The URL with its credentials replaced by {@value #MASK}; null stays null. */
    /**
     * The URL with H2's commit durability made immediate: H2 otherwise writes commits to its file up to 500 ms late,
     * and a process killed in that time loses the claim of a credit it sent (the kill-and-restart proof lost it in 5
     * of 5 runs). A {@code WRITE_DELAY} the URL sets itself is kept; an in-memory database has no file to be late to.
     */
    static String durable(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8) || url.regionMatches(true, 0, "jdbc:h2:mem:", 0, 12)
                || url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO.matcher(url).replaceAll("$1" + MASK + "@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    /** Whether the URL has {@code user:password@} or {@code user@} before its host. */
    static boolean hasUserInfo(String url) {
        return USER_INFO.matcher(url).find();
    }

    /** The credentials written into a URL: its user-info and its password parameters' values. */
    static List<String> credentialsIn(String url) {
        List<String> found = new ArrayList<>();
        if (url == null) {
            return found;
        }
        Matcher userInfo = USER_INFO.matcher(url);
        while (userInfo.find()) {
            String info = userInfo.group(2);
            found.add(info);
            int colon = info.indexOf(':');
            if (colon >= 0) {
                found.add(info.substring(colon + 1));
            }
        }
        Matcher password = PASSWORD_PARAMETER.matcher(url);
        while (password.find()) {
            found.add(password.group(2));
        }
        found.removeIf(String::isEmpty);
        return found;
    }

    /**
     * {@code text} with the URL shown masked and every credential replaced by {@value #MASK}, longest first (so a
     * credential containing another is masked whole). A driver message may quote the URL or, rarely, a value.
     */
    static String scrub(String text, String url, Collection<String> credentials) {
        if (text == null) {
            return "";
        }
        String scrubbed = text;
        if (url != null && !url.isEmpty()) {
            scrubbed = scrubbed.replace(url, mask(url));
        }
        List<String> longestFirst = new ArrayList<>(credentials);
        longestFirst.removeIf(c -> c == null || c.isEmpty());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String credential : longestFirst) {
            scrubbed = scrubbed.replace(credential, MASK);
        }
        return scrubbed;
    }
}
