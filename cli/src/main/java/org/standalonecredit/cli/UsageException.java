package org.standalonecredit.cli;

import java.util.List;

/**
 * Bad input the operator can fix: one clear line, exit code {@link ExitCodes#INVALID_INPUT} or the given one. It also
 * says what kind of error it is and which option, field or key is at fault, for {@code --json} ({@link CliError}).
 */
class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final String kind;
    private final String field;

    UsageException(String message) {
        this(message, ExitCodes.INVALID_INPUT);
    }

    UsageException(String message, int exitCode) {
        this(message, exitCode, CliError.kindOf(exitCode), null);
    }

    /** {@code kind}: one of the kinds {@link CliError} documents; {@code field}: the option, field or key at fault, or null. */
    UsageException(String message, int exitCode, String kind, String field) {
        super(message);
        this.exitCode = exitCode;
        this.kind = kind;
        this.field = field;
    }

    int exitCode() {
        return exitCode;
    }

    String kind() {
        return kind;
    }

    String field() {
        return field;
    }

    /** Problems listed one by one (batch rows by line number); none by default. Each message is shown through {@link Shown}. */
    List<CliError.Problem> problems() {
        return List.of();
    }
}
