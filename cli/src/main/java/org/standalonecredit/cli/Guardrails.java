package org.standalonecredit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.Reconciler;

/**
 * The operator process around a stand-alone credit, from configuration under {@code cli.}:
 * {@code cli.max-amount.<CUR>} (a credit in a currency without a maximum is refused),
 * {@code cli.operators} (optional allow-list), {@code cli.audit-log} (default credit-audit.jsonl).
 */
final class Guardrails {
    static final String STALE_AFTER = "cli.reconcile.stale-after";
    static final String NOT_FOUND_AFTER = "cli.reconcile.not-found-after";
    private final ConfigSource config;

    Guardrails(ConfigSource config) {
        this.config = config;
    }

    Path auditLog() {
        return Path.of(config.get("cli.audit-log").orElse("credit-audit.jsonl"));
    }

    /**
     * How {@code reconcile} and a batch's re-run judge credits in doubt: an attempt without an outcome is looked up once
     * it is {@code cli.reconcile.stale-after} old (before that its process may still be sending it), and a credit the
     * look-up does not find counts as not made once it is {@code cli.reconcile.not-found-after} old (a gateway's search
     * may not show a credit made moments before). The defaults are the {@link Reconciler}'s; shorter ones are only for
     * a gateway whose look-ups see a credit at once (the simulators) and a journal no other process is sending from.
     */
    Reconciler reconciler(CreditGateway gateway, Clock clock) {
        return Reconciler.forGateway(gateway).clock(clock).staleAfter(duration(STALE_AFTER, Reconciler.DEFAULT_STALE_AFTER))
                .notFoundAfter(duration(NOT_FOUND_AFTER, Reconciler.DEFAULT_NOT_FOUND_AFTER)).build();
    }

    /** {@code cli.reconcile.stale-after}: see {@link #reconciler}. */
    Duration staleAfter() {
        return duration(STALE_AFTER, Reconciler.DEFAULT_STALE_AFTER);
    }

    private Duration duration(String key, Duration otherwise) {
        Optional<String> value = config.get(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        return GatewaySettings.parseDuration(value.get()).filter(d -> !d.isNegative() && !d.isZero())
                .orElseThrow(() -> new UsageException(key + " must be a positive duration such as 5m or 30s", ExitCodes.CONFIGURATION,
                        CliError.CONFIGURATION, key));
    }

    void check(String operator, String approval, CreditRequest request) {
        checkOperator(operator, approval, "this credit");
        checkAmount(request);
    }

    /** Who acts, on whose approval, and (with {@code cli.operators}) whether they may; {@code what}: "this credit", "this void". */
    void checkOperator(String operator, String approval, String what) {
        if (operator == null || operator.isBlank()) {
            throw new UsageException("--operator is required: who is making " + what, ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--operator");
        }
        if (approval == null || approval.isBlank()) {
            throw new UsageException("--approval is required: the reference of the reviewed approval for " + what, ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--approval");
        }
        Optional<String> allowed = config.get("cli.operators");
        if (allowed.isPresent()) {
            Set<String> operators = Arrays.stream(allowed.get().split(",")).map(String::trim).collect(Collectors.toSet());
            if (!operators.contains(operator)) {
                throw new UsageException("operator '" + operator + "' is not in cli.operators: nothing was sent", ExitCodes.OPERATOR_NOT_ALLOWED,
                        CliError.OPERATOR_NOT_ALLOWED, "--operator");
            }
        }
    }

    /** The amount under {@code cli.max-amount.<CUR>}, which must be configured. */
    void checkAmount(CreditRequest request) {
        String currency = request.amount().currencyCode();
        String key = "cli.max-amount." + currency;
        BigDecimal max = maximum(key, "credits in " + currency + " are not allowed");
        if (request.amount().amount().compareTo(max) > 0) {
            throw new UsageException("amount " + request.amount() + " is over the maximum of " + max.toPlainString() + " " + currency + " (" + key + ")",
                    ExitCodes.INVALID_INPUT, CliError.OVER_LIMIT, key);
        }
    }

    /** A batch's total in one currency under {@code cli.max-batch-total.<CUR>}, which must be configured. */
    void checkBatchTotal(String currency, BigDecimal total) {
        String key = "cli.max-batch-total." + currency;
        BigDecimal max = maximum(key, "batches in " + currency + " are not allowed");
        if (total.compareTo(max) > 0) {
            throw new UsageException("the batch's total of " + total.toPlainString() + " " + currency + " is over the maximum of "
                    + max.toPlainString() + " " + currency + " (" + key + "): nothing was sent", ExitCodes.INVALID_INPUT, CliError.OVER_LIMIT, key);
        }
    }

    private BigDecimal maximum(String key, String otherwise) {
        try {
            return new BigDecimal(config.get(key).orElseThrow(() -> new UsageException("no " + key + " is configured: " + otherwise,
                    ExitCodes.CONFIGURATION, CliError.CONFIGURATION, key)));
        } catch (NumberFormatException e) {
            throw new UsageException(key + " must be a decimal amount", ExitCodes.CONFIGURATION, CliError.CONFIGURATION, key);
        }
    }

    /** Where the operator's answer is read from ({@link CreditCli#readAnswer}). */
    @FunctionalInterface
    interface Answer {
        /** The next line the operator typed, or null at the end of the input. */
        String readLine() throws IOException;
    }

    /** Shows what will happen and asks; true only for an explicit yes. */
    static boolean confirm(String providerId, CreditRequest request, PrintWriter err, Answer in) {
        return confirm(String.format("credit %s to %s through %s (reference %s, idempotency key %s)", request.amount(),
                Shown.text(request.source().masked()), Shown.text(providerId), Shown.text(request.merchantReference().orElse("-")),
                Shown.text(request.idempotencyKey())), err, in);
    }

    /** Shows "About to {@code what}." (already made safe to show) and asks; true only for an explicit yes. */
    static boolean confirm(String what, PrintWriter err, Answer in) {
        err.printf("About to %s.%nType 'yes' to send: ", what);
        err.flush();
        try {
            String answer = in.readLine();
            return answer != null && (answer.trim().equalsIgnoreCase("yes") || answer.trim().equalsIgnoreCase("y"));
        } catch (IOException e) {
            return false;
        }
    }
}
