package org.standalonecredit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help of every subcommand, as a new operator reads it, at the usual terminal width and wider: every option is
 * described, listed once, and its description is whole sentences that the rendering does not cut; required options
 * carry the marker, and an option of a group of which exactly one is required sits under a heading that says so.
 */
class CliHelpTest {
    private static final List<Integer> WIDTHS = List.of(80, 120);

    private static CommandLine tool() {
        return new CreditCli(new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of(), Clock.systemUTC()).commandLine();
    }

    /** The tool's own subcommands; "help" is picocli's, whose text is picocli's. */
    static Stream<String> subcommands() {
        return tool().getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
    }

    /** Text without any white space: what wrapping cannot change, so a cut shows as a missing piece. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everyOptionIsDescribedOnceInWholeSentencesAndRequiredOnesAreMarked(String name) {
        CommandLine command = tool().getSubcommands().get(name);
        CommandSpec spec = command.getCommandSpec();
        assertFalse(spec.options().isEmpty(), name);
        for (String sentence : spec.usageMessage().description()) {
            assertTrue(sentence.strip().endsWith("."), name + ": the description '" + sentence + "' does not end a sentence");
        }
        for (int width : WIDTHS) {
            command.setUsageHelpWidth(width);
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertFalse(help.lines().anyMatch(l -> l.length() > width), name + " at width " + width + ":\n" + help);
            String whole = squeezed(help);
            for (String sentence : spec.usageMessage().description()) {
                assertTrue(whole.contains(squeezed(sentence)), name + " at width " + width + ": the description is cut:\n" + help);
            }
            assertTrue(help.contains("Options (" + CreditCli.REQUIRED_MARKER + " = required):"), name + ":\n" + help);
            for (OptionSpec option : spec.options()) {
                String what = name + " " + option.longestName() + " at width " + width;
                String[] description = option.description();
                assertTrue(description.length > 0 && !String.join("", description).isBlank(), what + " has no description:\n" + help);
                for (String sentence : description) {
                    String rendered = sentence.replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue()));
                    assertTrue(rendered.strip().endsWith("."), what + ": '" + rendered + "' does not end a sentence");
                    assertTrue(whole.contains(squeezed(rendered)), what + ": the description is cut:\n" + help);
                }
                List<String> lines = optionLines(help, option);
                assertEquals(1, lines.size(), what + " is listed " + lines.size() + " times:\n" + help);
                boolean inExclusiveGroup = option.group() != null && option.group().exclusive();
                boolean marked = lines.get(0).startsWith(String.valueOf(CreditCli.REQUIRED_MARKER));
                if (inExclusiveGroup) {
                    assertFalse(marked, what + ": one of a group is not required alone:\n" + help);
                    assertTrue(help.contains(option.group().heading().replace("%n", "").strip()), what + ":\n" + help);
                    assertTrue(option.group().heading().contains("exactly one is required"), what + ": " + option.group().heading());
                } else {
                    assertEquals(option.required(), marked, what + (option.required() ? " is required but not marked" : " is marked but not required")
                            + ":\n" + help);
                }
            }
        }
    }

    /** The lines of the option list that name {@code option} in the names column (not a description that mentions it). */
    private static List<String> optionLines(String help, OptionSpec option) {
        List<String> found = new ArrayList<>();
        Pattern start = Pattern.compile("^[" + Pattern.quote(String.valueOf(CreditCli.REQUIRED_MARKER)) + " ] {0,5}(" + names(option) + ")([=, ].*)?$");
        help.lines().filter(l -> start.matcher(l).matches()).forEach(found::add);
        return found;
    }

    private static String names(OptionSpec option) {
        return String.join("|", Stream.of(option.names()).map(Pattern::quote).toList());
    }
}
