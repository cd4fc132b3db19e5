package org.standalonecredit.cli;

/** Bad input the operator can fix: one clear line, exit code {@link ExitCodes#INVALID_INPUT} or the given one. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    UsageException(String message) {
        this(message, ExitCodes.INVALID_INPUT);
    }

    UsageException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
