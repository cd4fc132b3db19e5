package org.standalonecredit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.standalonecredit.api.CreditException;
import org.standalonecredit.api.DuplicateProviderException;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.UnknownProviderException;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.journal.JournalException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator tool for stand-alone credits. */
@Command(name = "standalone-credit", mixinStandardHelpOptions = true, version = "standalone-credit 0.1.0",
        description = "Issue and follow up stand-alone credits through any installed gateway provider.",
        subcommands = {DemoCommand.class, CreditCommand.class, BatchCommand.class, VoidCommand.class, StatusCommand.class,
                ReconcileCommand.class, SimulatorCommand.class, ProvidersCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:approved or pending settlement; follow-up done; reconcile: nothing left in doubt",
                "1:unexpected error (its details are not printed, to keep card data out of the output)",
                "2:invalid input (option, request field, not confirmed)",
                "3:configuration error (file, key, unknown provider, guardrail set-up, journal database)",
                "10:declined",
                "11:rejected by the gateway",
                "12:unknown outcome: reconcile before retrying; reconcile: credits still in doubt",
                "13:not sent: safe to retry with the same idempotency key",
                "14:follow-up found nothing",
                "15:sent and printed, but the outcome is not in the audit log: record it",
                "16:the operator is not in cli.operators: nothing was sent",
                "17:simulator: a port it was asked to listen on is already in use"})
public final class CreditCli {
    /** The option that makes a command print JSON, its errors included ({@link CliError}). */
    static final String JSON_OPTION = "--json";
    /** What marks a required option in a command's help. */
    static final char REQUIRED_MARKER = '*';
    final BufferedReader in;
    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> environment;
    final Clock clock;
    final AuditLog.Opener auditOpener;
    /** The terminal, when there is one: confirmations are read from it rather than from standard input (which may carry a card). */
    java.io.Console console;
    /** The terminal's unechoed input, when there is one: a card asked for there is not shown as it is typed. */
    HiddenPrompt hidden;

    CreditCli(BufferedReader in, PrintWriter out, PrintWriter err, Map<String, String> environment, Clock clock) {
        this(in, out, err, environment, clock, AuditLog.FILES);
    }

    CreditCli(BufferedReader in, PrintWriter out, PrintWriter err, Map<String, String> environment, Clock clock, AuditLog.Opener auditOpener) {
        this.auditOpener = auditOpener;
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.clock = clock;
    }

    public static void main(String[] args) {
        CreditCli cli = new CreditCli(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(), Clock.systemUTC());
        cli.console = System.console();
        cli.hidden = HiddenPrompt.of(cli.console);
        System.exit(cli.run(args));
    }

    /** Runs one command line; bad input gives one line on stderr and a non-zero code, never a stack trace. */
    int run(String... args) {
        JournalFile.keepAutoServerOnLoopback();
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        java.util.List<String> given = java.util.List.of(args);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
            boolean json = spec.findOption(JSON_OPTION) != null && given.contains(JSON_OPTION);
            return CliError.of(ex).report(spec.name(), json, out, err, "Try '" + spec.qualifiedName() + " --help'.");
        });
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            boolean json = line.getCommandSpec().findOption(JSON_OPTION) != null && line.getParseResult().hasMatchedOption(JSON_OPTION);
            return CliError.of(ex).report(line.getCommandSpec().name(), json, out, err, null);
        });
        return cmd.execute(args);
    }

    /**
     * The tool's commands, with their help as an operator reads it: every option list under a heading that says what
     * {@value #REQUIRED_MARKER} means, and each required option marked with it.
     */
    CommandLine commandLine() {
        CommandLine cmd = new CommandLine(this);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().requiredOptionMarker(REQUIRED_MARKER)
                    .optionListHeading("%nOptions (" + REQUIRED_MARKER + " = required):%n");
        }
        return cmd;
    }

    /**
     * The operator's answer to a confirmation: from the terminal when there is one, else the next line of standard
     * input, which is after the card and its blank line when the card was read from there ({@link SourceOptions}).
     */
    String readAnswer() throws IOException {
        return console != null ? console.readLine() : in.readLine();
    }

    static String describe(Exception e) {
        if (e instanceof CreditException || e instanceof UsageException || e instanceof JournalException) {
            return e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + " (no details are printed, to keep card data out of the output)";
    }

    static int exitCode(Exception e) {
        if (e instanceof UsageException u) {
            return u.exitCode();
        }
        if (e instanceof InvalidRequestException || e instanceof UnsupportedFollowUpException) {
            return ExitCodes.INVALID_INPUT;
        }
        if (e instanceof ConfigurationException || e instanceof UnknownProviderException || e instanceof DuplicateProviderException
                || e instanceof JournalException) { // the journal's database failed after it opened (reconcile reads it)
            return ExitCodes.CONFIGURATION;
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
