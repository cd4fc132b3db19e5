package org.standalonecredit.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.standalonecredit.api.CreditException;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.journal.JournalException;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderCapabilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "credit", mixinStandardHelpOptions = true,
        description = {"Send one stand-alone credit. It needs --operator and --approval, stays under cli.max-amount.<CUR>, asks for"
                + " confirmation unless --yes, and writes an audit record before and after sending.",
                "Every credit is recorded in the credit journal (see --journal) before it is sent: an idempotency key the journal already"
                        + " holds is not sent again, and its recorded result is printed instead.",
                SourceOptions.STDIN_RULE})
final class CreditCommand implements Callable<Integer> {
    @ParentCommand
    CreditCli cli;

    @Mixin
    GatewaySelection gateway;

    @Mixin
    SourceOptions source;

    @Option(names = "--amount", required = true, paramLabel = "DECIMAL", description = "Amount, e.g. 10.00 (at most the currency's minor units).")
    String amount;

    @Option(names = "--currency", required = true, paramLabel = "ISO", description = "ISO 4217 currency, e.g. USD.")
    String currency;

    @Option(names = "--reference", paramLabel = "REF", description = "Merchant reference (<= 50 characters).")
    String reference;

    @Option(names = "--transaction-id", paramLabel = "ID", description = "Merchant transaction id (needed for a timeout void).")
    String transactionId;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Reuse a key to retry the same credit safely; one is generated when absent.")
    String idempotencyKey;

    @Option(names = "--comments", paramLabel = "TEXT", description = "Free text sent with the credit, where the gateway keeps it.")
    String comments;

    @Option(names = "--certification-number", paramLabel = "N", description = "Third-party certification number.")
    String certificationNumber;

    @Option(names = "--solution-id", paramLabel = "ID", description = "Third-party solution id, sent with --certification-number.")
    String solutionId;

    @Mixin
    OperatorOptions who;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ConfigSource config = gateway.config(cli.environment);
        CreditRequest.Builder builder = CreditRequest.builder().amount(amount, CurrencyCodes.normalise(currency)).source(source.toSource(cli.in, cli.hidden))
                .merchantReference(reference).transactionId(transactionId).idempotencyKey(idempotencyKey).comments(comments);
        if (certificationNumber != null || solutionId != null) {
            builder.partner(new PartnerIds(certificationNumber, solutionId));
        }
        CreditRequest request = builder.build();
        Guardrails guardrails = new Guardrails(config);
        guardrails.check(who.operator, who.approval, request);
        String providerId = gateway.providerId(config);
        try (CreditGateway g = gateway.open(config, GatewayOptions.builder().clock(cli.clock).build())) {
            // the provider's own refusals come before the prompt and the audit: a request that will not be sent is no attempt
            g.preflight(request);
            Optional<JournalRecord> held = heldInJournal(g, request);
            if (held.isPresent()) {
                return recordedResult((JournaledCreditGateway) g, request, held.get());
            }
            if (!who.yes && !Guardrails.confirm(providerId, request, cli.err, cli::readAnswer)) {
                throw new UsageException("not confirmed: nothing was sent", ExitCodes.INVALID_INPUT, CliError.NOT_CONFIRMED, null);
            }
            AuditLog audit = new AuditLog(guardrails.auditLog(), cli.clock, cli.auditOpener);
            return new AuditedCall<CreditResult>(cli, audit, "credit", request.idempotencyKey(), "reconcile by idempotency key " + request.idempotencyKey())
                    .run(a -> a.attempt(who.operator, who.approval, gateway.name, providerId, request), () -> g.credit(request), audit::outcome,
                            r -> r.outcome().name(), r -> printer(g).print(r), r -> ExitCodes.of(r.outcome()));
        }
    }

    private ResultPrinter printer(CreditGateway g) {
        return new ResultPrinter(cli.out, json, rec -> CliAdvice.of(rec, gateway, g.capabilities()));
    }

    /** The journal's record of the key, unless there is none or it was released (then the key may be sent). */
    static Optional<JournalRecord> heldInJournal(CreditGateway g, CreditRequest request) {
        if (!(g instanceof JournaledCreditGateway journaled)) {
            return Optional.empty();
        }
        try {
            return journaled.journal().find(journaled.scope(), request.idempotencyKey()).filter(r -> r.state() != JournalRecord.State.RELEASED);
        } catch (JournalException e) {
            return Optional.empty(); // the credit's own claim meets the same failure and sends nothing (NOT_SENT, JOURNAL_UNAVAILABLE)
        }
    }

    /**
     * A key the journal holds is not sent again: its recorded result is printed, without a prompt or an audit record, as
     * nothing is attempted. It goes through the journal over a gateway that cannot send, so that a key released between
     * the look and the claim (by a reconcile elsewhere) is not sent unconfirmed and unaudited.
     */
    private int recordedResult(JournaledCreditGateway g, CreditRequest request, JournalRecord held) {
        CreditResult result;
        try (CreditGateway replayOnly = JournaledCreditGateway.wrap(new CannotSend(g.delegate()), g.journal(), false, gateway.name, cli.clock)) {
            result = replayOnly.credit(request);
        } catch (CannotSend.Refused e) {
            throw new UsageException("the journal released idempotency key " + request.idempotencyKey() + " while this command ran (its credit was"
                    + " found not made, or never sent): nothing was sent; run the command again to send it", ExitCodes.NOT_SENT);
        }
        printer(g).printRecorded(result, "the journal already holds idempotency key " + request.idempotencyKey()
                + " (" + describe(held) + ", attempted at " + held.attemptedAt() + ")");
        return ExitCodes.of(result.outcome());
    }

    private static String describe(JournalRecord held) {
        return held.state() == JournalRecord.State.ATTEMPTED ? "attempted, no outcome recorded"
                : held.outcome().map(Enum::name).orElse(held.state().name());
    }

    /** The provider's rules and names without its sending: the journal answers, or nothing happens. */
    private static final class CannotSend implements CreditGateway {
        private final CreditGateway provider;

        CannotSend(CreditGateway provider) {
            this.provider = provider;
        }

        /** The journal granted the key after all: this refusal releases it again, and nothing is sent. */
        static final class Refused extends CreditException {
            private static final long serialVersionUID = 1L;

            Refused() {
                super("not sent: the idempotency key was released while the command ran");
            }
        }

        @Override
        public String providerId() {
            return provider.providerId();
        }

        @Override
        public ProviderCapabilities capabilities() {
            return provider.capabilities();
        }

        @Override
        public void preflight(CreditRequest request) {
            provider.preflight(request);
        }

        @Override
        public CreditResult credit(CreditRequest request) {
            throw new Refused();
        }

        @Override
        public VoidResult voidCredit(VoidRequest request) {
            throw new Refused();
        }

        @Override
        public StatusResult status(StatusQuery query) {
            throw new Refused();
        }

        @Override
        public void close() {
            // the provider's gateway is closed by its owner
        }
    }
}
