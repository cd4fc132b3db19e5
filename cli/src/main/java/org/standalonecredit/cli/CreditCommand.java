package org.standalonecredit.cli;

import java.util.concurrent.Callable;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.GatewayOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "credit", mixinStandardHelpOptions = true,
        description = {"Send one stand-alone credit. Needs --operator and --approval, stays under cli.max-amount.<CUR>,",
                "asks for confirmation unless --yes, and writes an audit record before and after sending."})
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

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Reuse a key to retry the same credit safely; generated when absent.")
    String idempotencyKey;

    @Option(names = "--comments", paramLabel = "TEXT")
    String comments;

    @Option(names = "--certification-number", paramLabel = "N", description = "Third-party certification number.")
    String certificationNumber;

    @Option(names = "--solution-id", paramLabel = "ID")
    String solutionId;

    @Option(names = "--operator", paramLabel = "ID", description = "Who is making the credit (required).")
    String operator;

    @Option(names = "--approval", paramLabel = "REF", description = "Reference of the reviewed approval (required).")
    String approval;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ConfigSource config = gateway.config(cli.environment);
        CreditRequest.Builder builder = CreditRequest.builder().amount(amount, currency).source(source.toSource(cli.in))
                .merchantReference(reference).transactionId(transactionId).idempotencyKey(idempotencyKey).comments(comments);
        if (certificationNumber != null || solutionId != null) {
            builder.partner(new PartnerIds(certificationNumber, solutionId));
        }
        CreditRequest request = builder.build();
        Guardrails guardrails = new Guardrails(config);
        guardrails.check(operator, approval, request);
        String providerId = gateway.providerId(config);
        try (CreditGateway g = gateway.open(config, GatewayOptions.builder().clock(cli.clock).build())) {
            if (!yes && !Guardrails.confirm(providerId, request, cli.err, cli.in)) {
                throw new UsageException("not confirmed: nothing was sent");
            }
            AuditLog audit = new AuditLog(guardrails.auditLog(), cli.clock);
            audit.attempt(operator, approval, gateway.name, providerId, request);
            CreditResult result;
            try {
                result = g.credit(request);
            } catch (RuntimeException e) {
                audit.failure(request.idempotencyKey(), e.getClass().getSimpleName());
                throw e;
            }
            audit.outcome(result);
            new ResultPrinter(cli.out, json).print(result);
            return ExitCodes.of(result.outcome());
        }
    }
}
