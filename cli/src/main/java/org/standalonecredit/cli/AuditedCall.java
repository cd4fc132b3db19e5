package org.standalonecredit.cli;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.UnsupportedFollowUpException;

/**
 * The two-phase audit around one call that moves money ({@code credit}, {@code void}): the attempt record on disk
 * before the call (or nothing is sent), the outcome record after it, also when the call ends in an exception, and
 * exit {@link ExitCodes#OUTCOME_NOT_AUDITED} when the outcome cannot be recorded.
 */
final class AuditedCall<R> {
    /** Writes one audit record. */
    @FunctionalInterface
    interface Record<T> {
        void write(T value) throws IOException;
    }

    private final CreditCli cli;
    private final AuditLog audit;
    private final String what;
    private final String key;
    private final String followUp;

    /**
     * {@code what} names the call in messages ("credit", "void"); {@code key} is the audit records' key;
     * {@code followUp} tells the operator how to settle an outcome that could not be recorded.
     */
    AuditedCall(CreditCli cli, AuditLog audit, String what, String key, String followUp) {
        this.cli = cli;
        this.audit = audit;
        this.what = what;
        this.key = key;
        this.followUp = followUp;
    }

    int run(Record<AuditLog> attempt, Supplier<R> call, Record<R> outcome, Function<R, String> outcomeName, Consumer<R> print,
            ToIntFunction<R> exitCode) {
        try {
            attempt.write(audit);
        } catch (IOException e) {
            throw new UsageException("cannot write the audit log " + audit.file() + " (" + e.getClass().getSimpleName() + "): nothing was sent",
                    ExitCodes.CONFIGURATION, CliError.AUDIT_LOG, "cli.audit-log");
        }
        R result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            // a refusal before any I/O that preflight did not foresee is not sent; anything else may have been
            String failed = e instanceof InvalidRequestException || e instanceof UnsupportedFollowUpException ? "NOT_SENT" : "UNKNOWN";
            try {
                audit.outcome(key, failed, e.getClass().getSimpleName());
            } catch (IOException writeFailure) {
                cli.err.println("error: " + Shown.text(CreditCli.describe(e)));
                return notAudited(failed, writeFailure);
            }
            throw e;
        }
        print.accept(result);
        try {
            outcome.write(result);
        } catch (IOException e) {
            return notAudited(outcomeName.apply(result), e);
        }
        return exitCode.applyAsInt(result);
    }

    private int notAudited(String outcome, IOException e) {
        cli.err.println("error: " + Shown.text("the " + what + "'s outcome is " + outcome + " but was not recorded in the audit log " + audit.file()
                + " (" + e.getClass().getSimpleName() + "): record it, and " + followUp));
        cli.err.flush();
        return ExitCodes.OUTCOME_NOT_AUDITED;
    }
}
