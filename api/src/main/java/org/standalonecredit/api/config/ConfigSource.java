package org.standalonecredit.api.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where configuration values come from: a map, {@link Properties}, the environment, or several
 * layered. Keys are dotted ("credit.cybersource.merchant-id"); the environment is read under the
 * upper-cased key with every other character turned to '_' ("CREDIT_CYBERSOURCE_MERCHANT_ID").
 */
@FunctionalInterface
public interface ConfigSource {

    Optional<String> get(String key);

    static ConfigSource fromMap(Map<String, String> map) {
        Map<String, String> copy = Map.copyOf(map);
        return key -> Optional.ofNullable(copy.get(key));
    }

    static ConfigSource fromProperties(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return key -> Optional.ofNullable(copy.getProperty(key));
    }

    static ConfigSource environment() {
        return fromEnvironment(System.getenv());
    }

    /** The environment convention applied to the given variables (for tests). */
    static ConfigSource fromEnvironment(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return key -> Optional.ofNullable(copy.get(environmentName(key)));
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The first source that has a key wins: {@code layered(environment(), file)} lets the environment override a file. */
    static ConfigSource layered(ConfigSource... sources) {
        List<ConfigSource> list = List.of(sources);
        return key -> list.stream().map(s -> s.get(key)).flatMap(Optional::stream).findFirst();
    }
}
