package org.standalonecredit.api.config;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} in a configuration value is replaced by the environment variable {@code NAME}, else the system
 * property {@code NAME}; {@code $$} is a literal {@code $}. A placeholder that names nothing set, or a {@code ${...}}
 * that is not a name, is a problem: such a value is never sent as it is (a gateway would answer 401 to a key that
 * reads {@code ${CH_API_KEY}}).
 */
final class Placeholders {
    private static final Pattern TOKEN = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}|\\$\\{");

    /** The environment, then system properties. */
    static final Function<String, Optional<String>> SYSTEM = name -> Optional.ofNullable(System.getenv(name))
            .or(() -> Optional.ofNullable(System.getProperty(name)));

    private Placeholders() {
    }

    /** The value expanded, or what is wrong with it (without any value: the message names the placeholder only). */
    record Expansion(String value, String problem) {
    }

    static Expansion expand(String text, Function<String, Optional<String>> lookup) {
        if (text.indexOf('$') < 0) {
            return new Expansion(text, null);
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String token = m.group();
            String replacement;
            if (token.equals("$$")) {
                replacement = "$";
            } else if (m.group(1) != null) {
                Optional<String> found = lookup.apply(m.group(1));
                if (found.isEmpty()) {
                    return new Expansion(null, "refers to ${" + m.group(1) + "}, which is set neither as an environment variable nor as"
                            + " a system property");
                }
                replacement = found.get();
            } else {
                return new Expansion(null, "contains '${' without a variable name and '}' (write $$ for a literal $)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Expansion(out.toString(), null);
    }
}
