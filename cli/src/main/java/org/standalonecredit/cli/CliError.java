package org.standalonecredit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.standalonecredit.api.CreditException;
import org.standalonecredit.api.DuplicateProviderException;
import org.standalonecredit.api.FieldError;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.UnknownProviderException;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.journal.JournalException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One error that ends a command: its exit code, its kind, a message for people, and the option, request field or
 * configuration key at fault. Without {@code --json} it is one {@code error: ...} line (or one per problem) on standard
 * error; with {@code --json} it is also exactly one JSON object on standard output, and nothing else is printed there:
 *
 * <pre>{"type":"error","command":"credit","exitCode":2,"error":"invalid-request","message":"...","field":"amount.value",
 *  "problems":[{"field":"amount.value","message":"..."}],"problemCount":1}</pre>
 *
 * {@code field}, {@code problems} and {@code problemCount} are there only when known. Every text is masked and escaped
 * ({@link Shown}). The kinds are the constants below; the README's operator section lists them.
 */
record CliError(int exitCode, String kind, String message, String field, List<Problem> problems) {
    static final String INVALID_OPTION = "invalid-option";
    static final String INVALID_REQUEST = "invalid-request";
    static final String INVALID_INPUT = "invalid-input";
    static final String INVALID_ROWS = "invalid-rows";
    static final String NOT_CONFIRMED = "not-confirmed";
    static final String OVER_LIMIT = "over-limit";
    static final String CONFIGURATION = "configuration";
    static final String UNKNOWN_PROVIDER = "unknown-provider";
    static final String JOURNAL = "journal";
    static final String AUDIT_LOG = "audit-log";
    static final String NOT_SENT = "not-sent";
    static final String OPERATOR_NOT_ALLOWED = "operator-not-allowed";
    static final String PORT_IN_USE = "port-in-use";
    static final String UNEXPECTED = "unexpected";
    /** At most this many problems are printed (people) or listed (JSON); {@code problemCount} counts them all. */
    static final int MAX_PROBLEMS = 50;

    /** One of several problems: a batch row by its line, a request field, a configuration key. Any part but the message may be null. */
    record Problem(String file, Integer line, String field, String message) {
    }

    /** The kind an exit code means when nothing more precise is known. */
    static String kindOf(int exitCode) {
        return switch (exitCode) {
            case ExitCodes.CONFIGURATION -> CONFIGURATION;
            case ExitCodes.NOT_SENT -> NOT_SENT;
            case ExitCodes.OPERATOR_NOT_ALLOWED -> OPERATOR_NOT_ALLOWED;
            case ExitCodes.PORT_IN_USE -> PORT_IN_USE;
            case ExitCodes.INTERNAL_ERROR -> UNEXPECTED;
            default -> INVALID_INPUT;
        };
    }

    /** A command line picocli could not parse: an unknown option, a missing required one, a bad value. */
    static CliError of(CommandLine.ParameterException e) {
        String field = null;
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            field = name(missing.getMissing().get(0));
        } else if (!(e instanceof CommandLine.UnmatchedArgumentException) && e.getArgSpec() != null) {
            field = name(e.getArgSpec());
        }
        return new CliError(ExitCodes.INVALID_INPUT, INVALID_OPTION, e.getMessage(), field, List.of());
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /** What a command threw. */
    static CliError of(Exception e) {
        int exit = CreditCli.exitCode(e);
        String message = CreditCli.describe(e);
        if (e instanceof UsageException u) {
            return new CliError(exit, u.kind(), message, u.field(), u.problems());
        }
        if (e instanceof InvalidRequestException invalid) {
            List<Problem> problems = invalid.errors().stream().map(f -> new Problem(null, null, f.field(), f.message())).toList();
            return new CliError(exit, INVALID_REQUEST, message, invalid.errors().stream().map(FieldError::field).findFirst().orElse(null), problems);
        }
        if (e instanceof UnsupportedFollowUpException) {
            return new CliError(exit, INVALID_REQUEST, message, null, List.of());
        }
        if (e instanceof ConfigurationException config) {
            return new CliError(exit, CONFIGURATION, message, null,
                    config.problems().stream().map(p -> new Problem(null, null, null, p)).toList());
        }
        if (e instanceof UnknownProviderException) {
            return new CliError(exit, UNKNOWN_PROVIDER, message, null, List.of());
        }
        if (e instanceof DuplicateProviderException) {
            return new CliError(exit, CONFIGURATION, message, null, List.of());
        }
        if (e instanceof JournalException) {
            return new CliError(exit, JOURNAL, message, null, List.of());
        }
        return new CliError(exit, e instanceof CreditException ? INVALID_INPUT : UNEXPECTED, message, null, List.of());
    }

    /**
     * Prints the error: for people on {@code err} (each listed problem, then the message; {@code hint} after it when not
     * null), and with {@code json} also as the one JSON object on {@code out}. Returns the exit code.
     */
    int report(String command, boolean json, PrintWriter out, PrintWriter err, String hint) {
        problems.stream().filter(p -> p.line() != null).limit(MAX_PROBLEMS)
                .forEach(p -> err.println("error: " + Shown.text((p.file() != null ? p.file() + ", " : "") + "line " + p.line() + ": " + p.message())));
        err.println("error: " + Shown.text(message));
        if (hint != null) {
            err.println(hint);
        }
        err.flush();
        if (json) {
            out.println(Shown.jsonLine(toJson(command)));
            out.flush();
        }
        return exitCode;
    }

    ObjectNode toJson(String command) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "error");
        n.put("command", command);
        n.put("exitCode", exitCode);
        n.put("error", kind);
        n.put("message", message);
        if (field != null) {
            n.put("field", field);
        }
        if (!problems.isEmpty()) {
            ArrayNode list = n.putArray("problems");
            problems.stream().limit(MAX_PROBLEMS).forEach(p -> {
                ObjectNode o = list.addObject();
                if (p.file() != null) {
                    o.put("file", p.file());
                }
                if (p.line() != null) {
                    o.put("line", p.line());
                }
                if (p.field() != null) {
                    o.put("field", p.field());
                }
                o.put("message", p.message());
            });
            n.put("problemCount", problems.size());
        }
        return n;
    }
}
