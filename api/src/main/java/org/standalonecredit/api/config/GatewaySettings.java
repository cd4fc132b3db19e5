package org.standalonecredit.api.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A view of configuration under one key prefix ("credit.cybersource"). Reading a missing or bad
 * key records a problem with its full key instead of throwing, so {@link #throwIfInvalid()} can
 * list every problem at once. Views made with {@link #scope(String)} share the problem list.
 */
public final class GatewaySettings {
    /** Written like a duration; when it does not parse, its number is too large for a {@link Duration}. */
    private static final Pattern DURATION_FORM = Pattern.compile("(?i)pt[-+0-9.,hms]+|[-+]?\\d+\\s*(ms|s|m)?");
    /** A duration no caller should exceed unless it asks for its own bounds. */
    public static final Duration MAX_DURATION = Duration.ofDays(1);

    private final ConfigSource source;
    private final String prefix;
    private final List<String> problems;
    private final Function<String, Optional<String>> variables;

    private GatewaySettings(ConfigSource source, String prefix, List<String> problems, Function<String, Optional<String>> variables) {
        this.source = source;
        this.prefix = prefix;
        this.problems = problems;
        this.variables = variables;
    }

    /** Settings whose {@code ${NAME}} placeholders expand from the environment, then system properties. */
    public static GatewaySettings of(ConfigSource source, String prefix) {
        return of(source, prefix, Placeholders.SYSTEM);
    }

    /** Settings whose {@code ${NAME}} placeholders expand from {@code variables} (for tests). */
    public static GatewaySettings of(ConfigSource source, String prefix, Function<String, Optional<String>> variables) {
        return new GatewaySettings(source, prefix, new ArrayList<>(), Objects.requireNonNull(variables, "variables"));
    }

    /** A view under {@code prefix.sub}, sharing this view's problem list. */
    public GatewaySettings scope(String sub) {
        return new GatewaySettings(source, key(sub), problems, variables);
    }

    /** The raw value with its placeholders expanded; empty, with the problem recorded, when one cannot be. */
    private Optional<String> raw(String relative) {
        Optional<String> value = source.get(key(relative));
        if (value.isEmpty()) {
            return value;
        }
        Placeholders.Expansion expanded = Placeholders.expand(value.get(), variables);
        if (expanded.problem() != null) {
            problem(relative, expanded.problem());
            return Optional.empty();
        }
        return Optional.of(expanded.value());
    }

    private boolean unresolved(String relative) {
        String prefixOfProblem = key(relative) + " ";
        return problems.stream().anyMatch(p -> p.startsWith(prefixOfProblem) && (p.contains(" refers to ${") || p.contains("'${'")));
    }

    public String prefix() {
        return prefix;
    }

    /** The full key for a relative one. */
    public String key(String relative) {
        return prefix.isEmpty() ? relative : prefix + "." + relative;
    }

    public Optional<String> optional(String relative) {
        return raw(relative).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String required(String relative) {
        Optional<String> value = optional(relative);
        if (value.isEmpty()) {
            if (!unresolved(relative)) {
                problem(relative, "is required");
            }
            return null;
        }
        return value.get();
    }

    public Secret secret(String relative) {
        Optional<String> value = raw(relative).filter(s -> !s.isBlank());
        if (value.isEmpty()) {
            if (!unresolved(relative)) {
                problem(relative, "is required");
            }
            return null;
        }
        return Secret.of(value.get());
    }

    /** One of the allowed words (case-insensitive), or the default when absent. */
    public String oneOf(String relative, Collection<String> allowed, String defaultValue) {
        Optional<String> value = optional(relative);
        if (value.isEmpty()) {
            return defaultValue;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.get())) {
                return a;
            }
        }
        problem(relative, "must be one of " + allowed + " but was '" + value.get() + "'");
        return defaultValue;
    }

    /** "500ms", "5s", "2m", ISO-8601 "PT5S", or plain milliseconds: positive, at most {@link #MAX_DURATION}. */
    public Duration duration(String relative, Duration defaultValue) {
        return duration(relative, defaultValue, Duration.ofMillis(1), MAX_DURATION);
    }

    /**
     * A duration between {@code min} and {@code max} inclusive ({@code min} may be zero), or the default
     * when absent. A value outside the bounds is a problem naming the range, so no later arithmetic on
     * the value (pauses, deadlines, timeout conversions) can overflow.
     */
    public Duration duration(String relative, Duration defaultValue, Duration min, Duration max) {
        Optional<String> value = optional(relative);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Optional<Duration> parsed = parseDuration(value.get());
        if (parsed.isEmpty() && !DURATION_FORM.matcher(value.get()).matches()) {
            problem(relative, "must be a " + (min.isZero() ? "" : "positive ") + "duration such as 500ms, 5s or PT5S but was '"
                    + value.get() + "'");
            return defaultValue;
        }
        if (parsed.isEmpty() || parsed.get().compareTo(min) < 0 || parsed.get().compareTo(max) > 0) { // empty: too large to hold
            problem(relative, "must be a duration between " + describe(min) + " and " + describe(max) + " but was '" + value.get() + "'");
            return defaultValue;
        }
        return parsed.get();
    }

    /** A bound as it may be written in configuration: whole minutes, seconds or milliseconds. */
    private static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms != 0 && ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /**
     * Parses "500ms", "5s", "2m", ISO-8601 "PT5S" or plain milliseconds; empty for anything else,
     * including a number too large for a {@link Duration}. Never throws.
     */
    public static Optional<Duration> parseDuration(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (s.startsWith("pt")) {
                return Optional.of(Duration.parse(s.toUpperCase(java.util.Locale.ROOT)));
            }
            if (s.endsWith("ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim())));
            }
            if (s.endsWith("s")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim())));
            }
            if (s.endsWith("m")) {
                return Optional.of(Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim())));
            }
            return Optional.of(Duration.ofMillis(Long.parseLong(s)));
        } catch (NumberFormatException | ArithmeticException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public int integer(String relative, int defaultValue, int min, int max) {
        Optional<String> value = optional(relative);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n < min || n > max) {
                problem(relative, "must be between " + min + " and " + max + " but was " + n);
                return defaultValue;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(relative, "must be a whole number but was '" + value.get() + "'");
            return defaultValue;
        }
    }

    public boolean flag(String relative, boolean defaultValue) {
        Optional<String> value = optional(relative);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.get());
        }
        problem(relative, "must be true or false but was '" + value.get() + "'");
        return defaultValue;
    }

    /** An optional base-URL override, checked by {@link BaseUrls}. */
    public Optional<String> baseUrl(String relative) {
        Optional<String> value = optional(relative);
        if (value.isPresent()) {
            Optional<String> problem = BaseUrls.problem(value.get());
            if (problem.isPresent()) {
                problem(relative, problem.get());
                return Optional.empty();
            }
            return Optional.of(BaseUrls.normalize(value.get()));
        }
        return Optional.empty();
    }

    /** Records a problem with a key relative to this view (once). The message must not contain a secret value. */
    public void problem(String relative, String message) {
        String problem = key(relative) + " " + message;
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
