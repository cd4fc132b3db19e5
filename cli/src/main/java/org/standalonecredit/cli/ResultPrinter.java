package org.standalonecredit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidResult;

/** Prints neutral results for an operator, or as JSON. Every text a gateway or an operator supplied goes through {@link Shown}. */
final class ResultPrinter {
    private final PrintWriter out;
    private final boolean json;
    private final Function<Reconciliation, List<CliAdvice.Step>> advice;

    ResultPrinter(PrintWriter out, boolean json) {
        this(out, json, rec -> List.of(new CliAdvice.Step("to reconcile", rec.advice())));
    }

    /** {@code advice}: the commands that settle a credit in doubt, shown instead of the library's advice. */
    ResultPrinter(PrintWriter out, boolean json, Function<Reconciliation, List<CliAdvice.Step>> advice) {
        this.out = out;
        this.json = json;
        this.advice = advice;
    }

    void print(CreditResult r) {
        print(r, null);
    }

    /** A result the credit journal holds for the key, which nothing was sent for; {@code why} says which record. */
    void printRecorded(CreditResult r, String why) {
        print(r, why);
    }

    private void print(CreditResult r, String recorded) {
        if (json) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            if (recorded != null) {
                n.put("recordedResult", true);
                n.put("recorded", "recorded result; nothing was sent: " + recorded);
            }
            n.put("provider", r.providerId());
            n.put("outcome", r.outcome().name());
            n.put("detail", r.detail().name());
            n.put("idempotencyKey", r.idempotencyKey());
            r.gatewayTransactionId().ifPresent(v -> n.put("gatewayTransactionId", v));
            r.reconciliationId().ifPresent(v -> n.put("reconciliationId", v));
            r.gatewayStatus().ifPresent(v -> n.put("gatewayStatus", v));
            r.approvalCode().ifPresent(v -> n.put("approvalCode", v));
            r.responseCode().ifPresent(v -> n.put("responseCode", v));
            r.responseMessage().ifPresent(v -> n.put("responseMessage", v));
            r.creditedAmount().ifPresent(v -> n.put("creditedAmount", v.toPlainString()));
            r.creditedCurrency().ifPresent(v -> n.put("creditedCurrency", v));
            r.card().ifPresent(c -> n.put("card", (c.brand() != null ? c.brand().name() : "") + " ****" + (c.lastFour() != null ? c.lastFour() : "")));
            n.put("httpStatus", r.httpStatus());
            n.put("attempts", r.attempts());
            r.submittedAt().ifPresent(v -> n.put("submittedAt", v.toString()));
            r.voidReference().ifPresent(v -> n.put("voidReference", v));
            r.statusReference().ifPresent(v -> n.put("statusReference", v));
            errors(n, r.errors());
            ObjectNode refs = n.putObject("references");
            r.references().forEach(refs::put);
            ObjectNode tokens = n.putObject("tokenIds");
            r.tokenIds().forEach(tokens::put);
            r.reconciliation().ifPresent(rec -> {
                ObjectNode o = n.putObject("reconciliation");
                o.put("idempotencyKey", rec.idempotencyKey());
                o.put("merchantReference", rec.merchantReference());
                o.put("transactionId", rec.transactionId());
                o.put("gatewayTransactionId", rec.gatewayTransactionId());
                ArrayNode steps = o.putArray("commands");
                for (CliAdvice.Step step : advice.apply(rec)) {
                    steps.addObject().put("purpose", step.purpose()).put("command", step.command());
                }
            });
            out.println(Shown.prettyJson(n));
        } else {
            if (recorded != null) {
                out.println("Recorded result; nothing was sent: " + Shown.text(recorded) + ".");
            }
            out.println("Outcome:          " + r.outcome() + (r.detail().name().equals("NONE") ? "" : " (" + r.detail() + ")"));
            out.println("Provider:         " + Shown.text(r.providerId()));
            line("Gateway id:", r.gatewayTransactionId().orElse(null));
            line("Reconciliation:", r.reconciliationId().orElse(null));
            line("Status:", r.gatewayStatus().orElse(null));
            line("Approval code:", r.approvalCode().orElse(null));
            line("Response:", r.responseCode().map(c -> c + " " + r.responseMessage().orElse("")).orElse(r.responseMessage().orElse(null)));
            line("Credited:", r.creditedAmount().map(a -> a.toPlainString() + " " + r.creditedCurrency().orElse("")).orElse(null));
            line("Card:", r.card().map(c -> (c.brand() != null ? c.brand() + " " : "") + (c.lastFour() != null ? "****" + c.lastFour() : "(no digits returned)"))
                    .orElse(null));
            for (GatewayError e : r.errors()) {
                line("Error:", e.toString());
            }
            out.println("Idempotency key:  " + Shown.text(r.idempotencyKey()));
            out.println("Attempts:         " + r.attempts());
            r.reconciliation().ifPresent(rec -> {
                out.println("In doubt: do not send it again with a new key.");
                for (CliAdvice.Step step : advice.apply(rec)) {
                    line("To " + step.purpose().replaceFirst("^(to |or )", "") + ":", step.command());
                }
            });
        }
        out.flush();
    }

    void print(VoidResult r) {
        if (json) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("provider", r.providerId());
            n.put("outcome", r.outcome().name());
            n.put("voidId", r.voidId());
            n.put("gatewayStatus", r.gatewayStatus());
            n.put("httpStatus", r.httpStatus());
            errors(n, r.errors());
            out.println(Shown.prettyJson(n));
        } else {
            out.println("Void:             " + r.outcome());
            line("Void id:", r.voidId());
            line("Status:", r.gatewayStatus());
            r.errors().forEach(e -> line("Error:", e.toString()));
        }
        out.flush();
    }

    void print(StatusResult r) {
        if (json) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("provider", r.providerId());
            n.put("outcome", r.outcome().name());
            ArrayNode credits = n.putArray("credits");
            for (CreditStatus c : r.credits()) {
                ObjectNode o = credits.addObject();
                o.put("gatewayTransactionId", c.gatewayTransactionId());
                o.put("outcome", c.outcome() == null ? null : c.outcome().name());
                o.put("gatewayStatus", c.gatewayStatus());
                o.put("amount", c.amount() == null ? null : c.amount().toPlainString());
                o.put("currency", c.currency());
                o.put("merchantReference", c.merchantReference());
                o.put("transactionId", c.transactionId());
                o.put("voided", c.voided());
            }
            errors(n, r.errors());
            out.println(Shown.prettyJson(n));
        } else {
            out.println("Look-up:          " + r.outcome() + ", " + r.credits().size() + " credit(s) found");
            for (CreditStatus c : r.credits()) {
                out.printf("  %s  %s  %s %s%s%s%n", Shown.text(c.gatewayTransactionId()), c.outcome(),
                        c.amount() == null ? "?" : c.amount().toPlainString(), c.currency() == null ? "" : Shown.text(c.currency()),
                        c.merchantReference() == null ? "" : "  ref=" + Shown.text(c.merchantReference()), c.voided() ? "  VOIDED" : "");
            }
            r.errors().forEach(e -> line("Error:", e.toString()));
        }
        out.flush();
    }

    private void line(String label, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("%-18s%s%n", label, Shown.text(value));
        }
    }

    private static void errors(ObjectNode n, List<GatewayError> errors) {
        ArrayNode a = n.putArray("errors");
        for (GatewayError e : errors) {
            ObjectNode o = a.addObject();
            o.put("code", e.code());
            o.put("field", e.field());
            o.put("message", e.message());
        }
    }
}
