package org.standalonecredit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.journal.Reconciler;
import org.standalonecredit.api.journal.Resolution;
import org.standalonecredit.api.spi.GatewayOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"List the credits the credit journal holds in doubt, and settle the due ones through the gateway's look-ups.",
                "A credit is in doubt when it was sent without a definitive answer (outcome UNKNOWN), or when its process ended before"
                        + " recording an outcome; such an attempt counts once it is " + ReconcileCommand.STALE_MINUTES
                        + " minutes old (cli.reconcile.stale-after), as it may still be under way before that.",
                "Each due credit is looked up by gateway id, transaction id, idempotency key or merchant reference, and settled as credited"
                        + " or not credited; one the look-up cannot settle yet stays in doubt and is looked at again later.",
                "A credit that is not found is settled as not credited only once it is " + ReconcileCommand.NOT_FOUND_MINUTES
                        + " minutes old (cli.reconcile.not-found-after), and its idempotency key may then be sent again.",
                "Shorter ages in the configuration are only for a gateway whose look-ups see a credit at once, such as the simulators."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing is left in doubt", "2:invalid input (an option)",
                "3:the configuration or the journal database is wrong or cannot be reached",
                "12:some credits are still in doubt"})
final class ReconcileCommand implements Callable<Integer> {
    /** {@link Reconciler#DEFAULT_STALE_AFTER} and {@link Reconciler#DEFAULT_NOT_FOUND_AFTER}, as the help needs constants (a test compares them). */
    static final long STALE_MINUTES = 5;
    static final long NOT_FOUND_MINUTES = 10;
    static final int MAX_LIMIT = 10_000;

    @ParentCommand
    CreditCli cli;

    @Mixin
    GatewaySelection gateway;

    @Option(names = "--list", description = "Only list the credits in doubt, with their references and next look-up; the gateway is not asked.")
    boolean list;

    @Option(names = "--json", description = "Print one JSON object per line: each record or resolution, then a summary.")
    boolean json;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
            description = "Look at no more than this many credits in doubt, oldest first (1 to " + MAX_LIMIT + "; default ${DEFAULT-VALUE}).")
    int limit;

    private java.time.Duration staleAfter = Reconciler.DEFAULT_STALE_AFTER;

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new UsageException("--limit must be between 1 and " + MAX_LIMIT + " but was " + limit, ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--limit");
        }
        ConfigSource config = gateway.config(cli.environment);
        try (CreditGateway g = gateway.open(config, GatewayOptions.builder().clock(cli.clock).build())) {
            JournaledCreditGateway journaled = (JournaledCreditGateway) g;
            if (journaled.journal() instanceof InMemoryCreditJournal) {
                cli.err.println("warning: " + Shown.text(gateway.name + ".journal.type is " + InMemoryCreditJournal.TYPE
                        + ": this process's journal is empty, and the credits of earlier runs are not in it"));
            }
            Guardrails guardrails = new Guardrails(config);
            Reconciler reconciler = guardrails.reconciler(g, cli.clock);
            staleAfter = guardrails.staleAfter();
            return list ? list(reconciler, journaled.scope()) : reconcile(reconciler, journaled.scope());
        }
    }

    private int list(Reconciler reconciler, String scope) {
        List<JournalRecord> records = reconciler.inDoubt(limit);
        Instant now = cli.clock.instant();
        if (json) {
            for (JournalRecord r : records) {
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.put("type", "record");
                record(n, r, now);
                cli.out.println(Shown.jsonLine(n));
            }
            ObjectNode summary = summary(scope);
            summary.put("inDoubt", records.size());
            summary.put("more", records.size() == limit);
            cli.out.println(Shown.jsonLine(summary));
        } else if (records.isEmpty()) {
            cli.out.println("Nothing in doubt in the journal of " + Shown.text(scope) + " (an attempt without an outcome counts once it is "
                    + staleAfter.toMinutes() + " minutes old).");
        } else {
            cli.out.println("In doubt in the journal of " + Shown.text(scope) + ": " + count(records.size()) + " (oldest first)");
            for (JournalRecord r : records) {
                cli.out.println();
                describe(r, now);
            }
        }
        cli.out.flush();
        return records.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.UNKNOWN;
    }

    private int reconcile(Reconciler reconciler, String scope) {
        List<Resolution> resolutions = reconciler.reconcileDue(limit);
        Map<Resolution.Verdict, Integer> verdicts = new EnumMap<>(Resolution.Verdict.class);
        for (Resolution.Verdict v : Resolution.Verdict.values()) {
            verdicts.put(v, 0);
        }
        Instant now = cli.clock.instant();
        for (Resolution r : resolutions) {
            verdicts.merge(r.verdict(), 1, Integer::sum);
            if (json) {
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.put("type", "resolution");
                n.put("verdict", r.verdict().name());
                n.put("idempotencyKey", r.after().idempotencyKey());
                n.put("gatewayTransactionId", r.after().gatewayTransactionId().orElse(null));
                n.put("explanation", r.explanation());
                record(n.putObject("record"), r.after(), now);
                cli.out.println(Shown.jsonLine(n));
            } else {
                cli.out.printf("%-14s %s  gateway id %s  %s%n", r.verdict(), Shown.text(r.after().idempotencyKey()),
                        Shown.text(r.after().gatewayTransactionId().orElse("-")), Shown.text(r.explanation()));
            }
        }
        List<JournalRecord> left = reconciler.inDoubt(limit);
        if (json) {
            ObjectNode summary = summary(scope);
            summary.put("reconciled", resolutions.size());
            summary.put("credited", verdicts.get(Resolution.Verdict.CREDITED));
            summary.put("notCredited", verdicts.get(Resolution.Verdict.NOT_CREDITED));
            summary.put("stillUnknown", verdicts.get(Resolution.Verdict.STILL_UNKNOWN));
            summary.put("leftInDoubt", left.size());
            summary.put("more", left.size() == limit);
            nextCheck(left).ifPresent(t -> summary.put("nextCheckAt", t.toString()));
            cli.out.println(Shown.jsonLine(summary));
        } else {
            String settled = resolutions.isEmpty() ? "No credit in doubt was due for a look-up in the journal of " + Shown.text(scope) + "."
                    : "Looked up " + count(resolutions.size()) + " in doubt in the journal of " + Shown.text(scope) + ": "
                    + verdicts.get(Resolution.Verdict.CREDITED) + " credited, " + verdicts.get(Resolution.Verdict.NOT_CREDITED)
                    + " not credited, " + verdicts.get(Resolution.Verdict.STILL_UNKNOWN) + " still unknown.";
            cli.out.println(settled);
            if (left.isEmpty()) {
                cli.out.println("Nothing is left in doubt.");
            } else {
                cli.out.println((left.size() == limit ? "At least " : "") + count(left.size()) + " left in doubt"
                        + nextCheck(left).map(t -> "; the next look-up is due at " + t).orElse("")
                        + ": run reconcile again then, and see them with reconcile --list.");
            }
        }
        cli.out.flush();
        return left.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.UNKNOWN;
    }

    private static ObjectNode summary(String scope) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "summary");
        n.put("scope", scope);
        return n;
    }

    private static Optional<Instant> nextCheck(List<JournalRecord> records) {
        return records.stream().map(r -> r.nextCheckAt().orElse(null)).filter(t -> t != null).min(Instant::compareTo);
    }

    private static String count(int n) {
        return n + (n == 1 ? " credit" : " credits");
    }

    private static String state(JournalRecord r) {
        if (r.state() == JournalRecord.State.ATTEMPTED) {
            return "ATTEMPTED (no outcome recorded)";
        }
        return r.outcome().map(Enum::name).orElse(r.state().name())
                + r.detail().filter(d -> !d.name().equals("NONE")).map(d -> " (" + d.name() + ")").orElse("");
    }

    private static boolean due(JournalRecord r, Instant now) {
        return r.nextCheckAt().map(t -> !t.isAfter(now)).orElse(true);
    }

    /** A record for people: every text through {@link Shown}. */
    private void describe(JournalRecord r, Instant now) {
        cli.out.println(Shown.text(r.idempotencyKey()) + "  " + Shown.text(state(r)) + "  " + r.amount().toPlainString() + " "
                + Shown.text(r.currency()) + "  attempted at " + r.attemptedAt());
        List<String> references = new ArrayList<>();
        r.merchantReference().ifPresent(v -> references.add("merchant reference " + v));
        r.transactionId().ifPresent(v -> references.add("transaction id " + v));
        r.gatewayTransactionId().ifPresent(v -> references.add("gateway id " + v));
        r.gatewayRequestId().ifPresent(v -> references.add("gateway request id " + v));
        line("references:", references.isEmpty() ? "none but the idempotency key" : String.join(", ", references));
        line("checks:", r.checks() + "; next look-up " + (due(r, now) ? "due now"
                : "at " + r.nextCheckAt().map(Instant::toString).orElse("-")));
        line("claimed by:", r.owner());
        r.note().ifPresent(n -> line("note:", n));
    }

    private void line(String label, String value) {
        cli.out.printf("  %-13s%s%n", label, Shown.text(value));
    }

    private static void record(ObjectNode n, JournalRecord r, Instant now) {
        n.put("scope", r.scope());
        n.put("idempotencyKey", r.idempotencyKey());
        n.put("state", r.state().name());
        n.put("outcome", r.outcome().map(Enum::name).orElse(null));
        n.put("detail", r.detail().map(Enum::name).orElse(null));
        n.put("provider", r.providerId());
        n.put("amount", r.amount().toPlainString());
        n.put("currency", r.currency());
        n.put("merchantReference", r.merchantReference().orElse(null));
        n.put("transactionId", r.transactionId().orElse(null));
        n.put("gatewayTransactionId", r.gatewayTransactionId().orElse(null));
        n.put("gatewayRequestId", r.gatewayRequestId().orElse(null));
        n.put("attemptedAt", r.attemptedAt().toString());
        n.put("updatedAt", r.updatedAt().toString());
        n.put("checks", r.checks());
        n.put("nextCheckAt", r.nextCheckAt().map(Instant::toString).orElse(null));
        n.put("due", due(r, now));
        n.put("owner", r.owner());
        n.put("note", r.note().orElse(null));
    }
}
