package org.standalonecredit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.api.journal.Reconciler;
import org.standalonecredit.api.journal.Resolution;
import org.standalonecredit.api.spi.GatewayOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Send the credits of a CSV or JSON-lines file through one gateway, after one confirmation of the whole batch.",
                "Columns (CSV header, or JSON field names): amount, currency, one source (customer_token, payment_instrument, or"
                        + " instrument_identifier with expiry MM/YYYY and brand), reference, transaction_id, idempotency_key (optional).",
                "Card numbers are not accepted: a row holding one is refused by its line number, and nothing of it is printed.",
                "Every row is checked first (request, cli.max-amount.<CUR>, and the batch's total per currency under"
                        + " cli.max-batch-total.<CUR>); a row that fails stops the batch before anything is sent.",
                "A row without an idempotency key gets one from the file's absolute path and the row's content (and which"
                        + " occurrence of that content it is), so running the same file again finds the same keys: rows already"
                        + " credited are reported as already done, rows left in doubt are not sent again (run reconcile), and rows"
                        + " never sent are sent. Moving the file, or editing a row, makes new keys for the rows concerned.",
                "Results: one JSON line per row on standard output (or --out FILE), then a summary table."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row credited (now or before)", "2:invalid input (an option, a row; nothing was sent) or not confirmed",
                "3:configuration error, or the audit log could not be written (the rows not yet sent were not sent)",
                "10:some rows declined (and none in doubt or rejected)", "11:some rows rejected by the gateway (and none in doubt)",
                "12:some rows in doubt: run reconcile, then run the batch again",
                "13:some rows not sent (safe to run the batch again)", "15:some outcomes are not in the audit log: record them"})
final class BatchCommand implements Callable<Integer> {
    static final int MAX_PARALLEL = 16;

    @ParentCommand
    CreditCli cli;

    @Mixin
    GatewaySelection gateway;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The batch file (CSV with a header line, or JSON lines).")
    Path file;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "The file's format (default: jsonl for a name ending in .jsonl, else csv).")
    String format;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N",
            description = "Send up to N credits at a time (1 to " + MAX_PARALLEL + "; default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON lines here (replaced) instead of standard output.")
    Path outFile;

    @Mixin
    OperatorOptions who;

    @Option(names = "--json", description = "End the JSON lines with a summary line, instead of a table.")
    boolean json;

    /** What became of one row. {@code sent}: this run sent it; otherwise the journal held its key. */
    record RowResult(BatchFile.Row row, CreditRequest request, CreditOutcome outcome, boolean sent, String gatewayTransactionId, String note) {
        String result() {
            String what = switch (outcome) {
                case APPROVED, PENDING_SETTLEMENT -> sent ? "credited" : "already done";
                case DECLINED -> "declined";
                case REJECTED -> "rejected";
                case UNKNOWN -> "in doubt: run reconcile";
                case NOT_SENT -> "not sent";
            };
            return sent || outcome == CreditOutcome.APPROVED || outcome == CreditOutcome.PENDING_SETTLEMENT || outcome == CreditOutcome.UNKNOWN
                    ? what : what + " (before)";
        }
    }

    /** Rows that cannot be sent, each by its line number: nothing of the batch is sent. */
    static final class RowsRefused extends UsageException {
        private static final long serialVersionUID = 1L;
        private final transient List<CliError.Problem> problems;

        RowsRefused(Path file, List<BatchFile.Problem> rows) {
            super(rows.size() + " row(s) of " + file + " cannot be sent: nothing was sent", ExitCodes.INVALID_INPUT, CliError.INVALID_ROWS, "--file");
            String name = String.valueOf(file.getFileName());
            this.problems = rows.stream().sorted(java.util.Comparator.comparingInt(BatchFile.Problem::line))
                    .map(p -> new CliError.Problem(name, p.line(), null, p.message())).toList();
        }

        @Override
        List<CliError.Problem> problems() {
            return problems;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new UsageException("--parallel must be 1 to " + MAX_PARALLEL, ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--parallel");
        }
        if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("jsonl")) {
            throw new UsageException("--format must be csv or jsonl", ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--format");
        }
        ConfigSource config = gateway.config(cli.environment);
        Guardrails guardrails = new Guardrails(config);
        guardrails.checkOperator(who.operator, who.approval, "this batch");
        BatchFile batch = BatchFile.read(file, format);
        List<BatchFile.Problem> problems = new ArrayList<>(batch.problems);
        List<CreditRequest> requests = new ArrayList<>();
        List<BatchFile.Row> rows = new ArrayList<>();
        for (BatchFile.Row row : batch.rows) {
            try {
                CreditRequest request = request(row);
                guardrails.checkAmount(request);
                requests.add(request);
                rows.add(row);
            } catch (InvalidRequestException | UsageException e) {
                problems.add(new BatchFile.Problem(row.line(), e.getMessage()));
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            throw new UsageException("batch file " + file + " has no rows", ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--file");
        }
        String providerId = gateway.providerId(config);
        try (CreditGateway g = gateway.open(config, GatewayOptions.builder().clock(cli.clock).build())) {
            for (int i = 0; i < requests.size(); i++) {
                try {
                    g.preflight(requests.get(i));
                } catch (InvalidRequestException e) {
                    problems.add(new BatchFile.Problem(rows.get(i).line(), e.getMessage()));
                }
            }
            if (!problems.isEmpty()) {
                throw new RowsRefused(file, problems);
            }
            Map<String, BigDecimal> totals = new TreeMap<>();
            for (CreditRequest r : requests) {
                totals.merge(r.amount().currencyCode(), r.amount().amount(), BigDecimal::add);
            }
            totals.forEach(guardrails::checkBatchTotal);
            return send(g, guardrails, providerId, rows, requests, totals);
        }
    }

    private int send(CreditGateway g, Guardrails guardrails, String providerId, List<BatchFile.Row> rows, List<CreditRequest> requests,
            Map<String, BigDecimal> totals) throws Exception {
        // the journal answers for the keys it holds: those rows are reported, not sent; those an earlier run left in doubt
        // are looked up at the gateway first, and sent only if the look-up settles them as not made
        List<RowResult> held = new ArrayList<>();
        List<Integer> toSend = new ArrayList<>();
        Reconciler reconciler = guardrails.reconciler(g, cli.clock);
        Instant staleBefore = cli.clock.instant().minus(guardrails.staleAfter());
        Map<Resolution.Verdict, Integer> reexamined = new EnumMap<>(Resolution.Verdict.class);
        for (int i = 0; i < requests.size(); i++) {
            Optional<JournalRecord> record = CreditCommand.heldInJournal(g, requests.get(i));
            if (record.isEmpty()) {
                toSend.add(i);
                continue;
            }
            JournalRecord r = record.get();
            String note = "the journal holds this key (attempted at " + r.attemptedAt() + "): nothing was sent";
            if (r.inDoubt() && (r.state() == JournalRecord.State.COMPLETED || !r.attemptedAt().isAfter(staleBefore))) {
                Resolution found = reconciler.reconcile(r);
                reexamined.merge(found.verdict(), 1, Integer::sum);
                if (found.after().state() == JournalRecord.State.RELEASED) {
                    toSend.add(i); // an earlier run's attempt the gateway never made: sent now, under the same key
                    continue;
                }
                r = found.after();
                note = "left in doubt by an earlier run (attempted at " + r.attemptedAt() + "), looked up now: " + found.explanation();
            }
            CreditOutcome outcome = r.state() == JournalRecord.State.COMPLETED ? r.outcome().orElse(CreditOutcome.UNKNOWN) : CreditOutcome.UNKNOWN;
            held.add(new RowResult(rows.get(i), requests.get(i), outcome, false, r.gatewayTransactionId().orElse(null), note));
        }
        if (!reexamined.isEmpty()) {
            cli.err.printf("Looked up %d row(s) an earlier run left in doubt: %d credited, %d not credited (%s), %d still in doubt.%n",
                    reexamined.values().stream().mapToInt(Integer::intValue).sum(), reexamined.getOrDefault(Resolution.Verdict.CREDITED, 0),
                    reexamined.getOrDefault(Resolution.Verdict.NOT_CREDITED, 0), "those never made are sent again under the same key",
                    reexamined.getOrDefault(Resolution.Verdict.STILL_UNKNOWN, 0));
            cli.err.flush();
        }
        if (!toSend.isEmpty() && !who.yes && !confirm(providerId, toSend.size(), requests.size(), totals, toSend, requests)) {
            throw new UsageException("not confirmed: nothing was sent", ExitCodes.INVALID_INPUT, CliError.NOT_CONFIRMED, null);
        }
        AuditLog audit = new AuditLog(guardrails.auditLog(), cli.clock, cli.auditOpener);
        List<RowResult> results = new ArrayList<>();
        AtomicBoolean auditFailed = new AtomicBoolean();
        AtomicBoolean outcomeNotAudited = new AtomicBoolean();
        PrintWriter lines;
        try {
            lines = outFile == null ? cli.out : new PrintWriter(new OutputStreamWriter(Files.newOutputStream(outFile), StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UsageException("cannot write " + outFile + " (" + e.getClass().getSimpleName() + "): nothing was sent", ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--out");
        }
        try {
            for (RowResult r : held) {
                print(lines, r, providerId);
                results.add(r);
            }
            Progress progress = new Progress(cli.err, toSend.size(), System.console() != null);
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            try {
                List<Future<RowResult>> futures = new ArrayList<>();
                for (int i : toSend) {
                    BatchFile.Row row = rows.get(i);
                    CreditRequest request = requests.get(i);
                    futures.add(pool.submit(() -> {
                        RowResult r = sendOne(g, audit, providerId, row, request, auditFailed, outcomeNotAudited);
                        synchronized (lines) {
                            print(lines, r, providerId);
                        }
                        progress.done();
                        return r;
                    }));
                }
                for (Future<RowResult> f : futures) {
                    results.add(f.get());
                }
            } finally {
                pool.shutdown();
            }
            progress.finish();
            if (json) {
                lines.println(Shown.jsonLine(summaryJson(results)));
            }
            lines.flush();
        } finally {
            if (outFile != null) {
                lines.close();
            }
        }
        if (!json) {
            PrintWriter table = outFile == null ? cli.err : cli.out;
            summaryTable(table, results, providerId);
        }
        if (auditFailed.get()) {
            cli.err.println("error: " + Shown.text("cannot write the audit log " + audit.file() + ": the rows not yet sent were not sent"));
            cli.err.flush();
        }
        return exitCode(results, auditFailed.get(), outcomeNotAudited.get());
    }

    private RowResult sendOne(CreditGateway g, AuditLog audit, String providerId, BatchFile.Row row, CreditRequest request,
            AtomicBoolean auditFailed, AtomicBoolean outcomeNotAudited) {
        if (auditFailed.get()) {
            return new RowResult(row, request, CreditOutcome.NOT_SENT, true, null, "not sent: the audit log could not be written");
        }
        try {
            audit.attempt(who.operator, who.approval, gateway.name, providerId, request);
        } catch (IOException e) {
            auditFailed.set(true);
            return new RowResult(row, request, CreditOutcome.NOT_SENT, true, null, "not sent: the audit log could not be written");
        }
        CreditResult result;
        try {
            result = g.credit(request);
        } catch (RuntimeException e) {
            CreditOutcome outcome = e instanceof InvalidRequestException ? CreditOutcome.NOT_SENT : CreditOutcome.UNKNOWN;
            try {
                audit.outcome(request.idempotencyKey(), outcome.name(), e.getClass().getSimpleName());
            } catch (IOException writeFailure) {
                outcomeNotAudited.set(true);
            }
            return new RowResult(row, request, outcome, true, null, CreditCli.describe(e));
        }
        try {
            audit.outcome(result);
        } catch (IOException e) {
            outcomeNotAudited.set(true);
        }
        boolean replayed = result.attempts() == 0; // the journal held the key after all (another process claimed it meanwhile)
        return new RowResult(row, request, result.outcome(), !replayed, result.gatewayTransactionId().orElse(null),
                replayed ? "the journal holds this key: nothing was sent" : null);
    }

    private CreditRequest request(BatchFile.Row row) {
        return CreditRequest.builder().amount(required(row, "amount"), CurrencyCodes.normalise(required(row, "currency"))).source(source(row))
                .merchantReference(row.get("reference")).transactionId(row.get("transactionid"))
                .idempotencyKey(Optional.ofNullable(row.get("idempotencykey")).orElse(row.defaultKey())).build();
    }

    private static String required(BatchFile.Row row, String column) {
        String v = row.get(column);
        if (v == null) {
            throw new UsageException("no " + column);
        }
        return v;
    }

    private static PaymentSource source(BatchFile.Row row) {
        String customer = row.get("customertoken");
        String instrument = row.get("paymentinstrument");
        String identifier = row.get("instrumentidentifier");
        long given = java.util.stream.Stream.of(customer, instrument, identifier).filter(v -> v != null).count();
        if (given != 1) {
            throw new UsageException("exactly one of customer_token, payment_instrument and instrument_identifier is needed");
        }
        if (customer != null) {
            return PaymentSource.customerToken(customer);
        }
        if (instrument != null) {
            return PaymentSource.paymentInstrument(instrument);
        }
        String expiry = row.get("expiry");
        if (expiry == null) {
            throw new UsageException("an instrument_identifier needs expiry MM/YYYY");
        }
        return PaymentSource.instrumentIdentifier(identifier, SourceOptions.expiry(expiry, "expiry"), SourceOptions.brand(row.get("brand"), "brand"));
    }

    private boolean confirm(String providerId, int sending, int all, Map<String, BigDecimal> totals, List<Integer> toSend, List<CreditRequest> requests) {
        Map<String, BigDecimal> sendTotals = new TreeMap<>();
        for (int i : toSend) {
            sendTotals.merge(requests.get(i).amount().currencyCode(), requests.get(i).amount().amount(), BigDecimal::add);
        }
        return Guardrails.confirm(String.format("send %d credit(s) from %s through %s, in all %s%s", sending, Shown.text(file.getFileName()),
                Shown.text(providerId), amounts(sendTotals), sending == all ? "" : " (" + (all - sending) + " more row(s) the journal already holds are not sent again)"),
                cli.err, cli::readAnswer);
    }

    private static void print(PrintWriter lines, RowResult r, String providerId) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "row");
        n.put("line", r.row().line());
        n.put("idempotencyKey", r.request().idempotencyKey());
        n.put("result", r.result());
        n.put("outcome", r.outcome().name());
        n.put("sent", r.sent());
        n.put("provider", providerId);
        n.put("amount", r.request().amount().toPlainString());
        n.put("currency", r.request().amount().currencyCode());
        n.put("source", r.request().source().masked());
        r.request().merchantReference().ifPresent(v -> n.put("reference", v));
        r.request().transactionId().ifPresent(v -> n.put("transactionId", v));
        if (r.gatewayTransactionId() != null) {
            n.put("gatewayTransactionId", r.gatewayTransactionId());
        }
        if (r.note() != null) {
            n.put("note", r.note());
        }
        lines.println(Shown.jsonLine(n));
        lines.flush();
    }

    /** Per result: rows, and amount per currency. */
    private static Map<String, Map<String, BigDecimal>> byResult(List<RowResult> results, Map<String, Integer> counts) {
        Map<String, Map<String, BigDecimal>> amounts = new LinkedHashMap<>();
        results.stream().sorted(java.util.Comparator.comparing(RowResult::result)).forEach(r -> {
            counts.merge(r.result(), 1, Integer::sum);
            amounts.computeIfAbsent(r.result(), k -> new TreeMap<>()).merge(r.request().amount().currencyCode(), r.request().amount().amount(),
                    BigDecimal::add);
        });
        return amounts;
    }

    /** The rows credited, now or by an earlier run: what the operator owes no more. */
    private static List<RowResult> credited(List<RowResult> results) {
        return results.stream().filter(r -> r.outcome().isSuccess()).toList();
    }

    private static Map<String, BigDecimal> perCurrency(List<RowResult> results) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        results.forEach(r -> sums.merge(r.request().amount().currencyCode(), r.request().amount().amount(), BigDecimal::add));
        return sums;
    }

    private static String amounts(Map<String, BigDecimal> perCurrency) {
        StringBuilder sums = new StringBuilder();
        perCurrency.forEach((cur, sum) -> sums.append(sums.length() == 0 ? "" : ", ").append(sum.toPlainString()).append(' ').append(cur));
        return sums.toString();
    }

    private ObjectNode summaryJson(List<RowResult> results) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> amounts = byResult(results, counts);
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "summary");
        n.put("rows", results.size());
        List<RowResult> credited = credited(results);
        ObjectNode all = n.putObject("credited");
        all.put("rows", credited.size());
        all.put("now", credited.stream().filter(RowResult::sent).count());
        all.put("before", credited.stream().filter(r -> !r.sent()).count());
        ObjectNode allAmount = all.putObject("amount");
        perCurrency(credited).forEach((cur, sum) -> allAmount.put(cur, sum.toPlainString()));
        ObjectNode by = n.putObject("results");
        amounts.forEach((result, perCurrency) -> {
            ObjectNode o = by.putObject(result);
            o.put("rows", counts.get(result));
            ObjectNode a = o.putObject("amount");
            perCurrency.forEach((cur, sum) -> a.put(cur, sum.toPlainString()));
        });
        return n;
    }

    private void summaryTable(PrintWriter table, List<RowResult> results, String providerId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> amounts = byResult(results, counts);
        table.printf("Batch %s through %s: %d row(s)%n", Shown.text(file.getFileName()), Shown.text(providerId), results.size());
        table.printf("  %-28s %6s  %s%n", "result", "rows", "amount");
        amounts.forEach((result, perCurrency) -> table.printf("  %-28s %6d  %s%n", result, counts.get(result), amounts(perCurrency)));
        List<RowResult> credited = credited(results);
        long now = credited.stream().filter(RowResult::sent).count();
        table.printf("Credited in all: %d of %d row(s) (%d now, %d before)%s%n", credited.size(), results.size(), now, credited.size() - now,
                credited.isEmpty() ? "" : ", " + amounts(perCurrency(credited)));
        table.flush();
    }

    static int exitCode(List<RowResult> results, boolean auditFailed, boolean outcomeNotAudited) {
        if (results.stream().anyMatch(r -> r.outcome() == CreditOutcome.UNKNOWN)) {
            return ExitCodes.UNKNOWN;
        }
        if (outcomeNotAudited) {
            return ExitCodes.OUTCOME_NOT_AUDITED;
        }
        if (auditFailed) {
            return ExitCodes.CONFIGURATION;
        }
        for (CreditOutcome o : List.of(CreditOutcome.REJECTED, CreditOutcome.DECLINED, CreditOutcome.NOT_SENT)) {
            if (results.stream().anyMatch(r -> r.outcome() == o)) {
                return ExitCodes.of(o);
            }
        }
        return ExitCodes.SUCCESS;
    }

    /** A single updating line on a terminal; otherwise a plain line at every tenth of the batch. */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean terminal;
        private final AtomicInteger done = new AtomicInteger();
        private int lastTenth;

        Progress(PrintWriter err, int total, boolean terminal) {
            this.err = err;
            this.total = total;
            this.terminal = terminal;
        }

        synchronized void done() {
            int n = done.incrementAndGet();
            if (terminal) {
                int width = 30;
                int filled = total == 0 ? width : n * width / total;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total);
                err.flush();
            } else {
                int tenth = total == 0 ? 10 : n * 10 / total;
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    err.println("progress: " + n + " of " + total + " credit(s) sent");
                    err.flush();
                }
            }
        }

        void finish() {
            if (terminal && total > 0) {
                err.println();
                err.flush();
            }
        }
    }
}
