package org.standalonecredit.cli;

import java.util.concurrent.Callable;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.GatewayOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "void", mixinStandardHelpOptions = true,
        description = {"Void a credit by its gateway transaction id, or (timeout void) by the merchant transaction id it was sent with.",
                "Needs --operator and --approval, asks for confirmation unless --yes, and writes an audit record before and after sending,"
                        + " as credit does."})
final class VoidCommand implements Callable<Integer> {
    @ParentCommand
    CreditCli cli;

    @Mixin
    GatewaySelection gateway;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nThe credit to void (exactly one is required):%n")
    Target target;

    static final class Target {
        @Option(names = "--gateway-transaction-id", paramLabel = "ID", description = "The gateway's id of the credit.")
        String gatewayTransactionId;
        @Option(names = "--transaction-id", paramLabel = "ID", description = "Timeout void: the merchant transaction id of a credit whose answer was lost.")
        String transactionId;
    }

    @Mixin
    OperatorOptions who;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ConfigSource config = gateway.config(cli.environment);
        Guardrails guardrails = new Guardrails(config);
        guardrails.checkOperator(who.operator, who.approval, "this void");
        VoidRequest request = target.gatewayTransactionId != null
                ? VoidRequest.ofCredit(target.gatewayTransactionId) : VoidRequest.timeout(target.transactionId);
        String providerId = gateway.providerId(config);
        String what = target.gatewayTransactionId != null ? "credit " + target.gatewayTransactionId
                : "the credit sent with transaction id " + target.transactionId + " (timeout void)";
        String key = target.gatewayTransactionId != null ? "void:" + target.gatewayTransactionId : "timeout-void:" + target.transactionId;
        try (CreditGateway g = gateway.open(config, GatewayOptions.builder().clock(cli.clock).build())) {
            if (!who.yes && !Guardrails.confirm("void " + Shown.text(what) + " through " + Shown.text(providerId), cli.err, cli::readAnswer)) {
                throw new UsageException("not confirmed: nothing was sent", ExitCodes.INVALID_INPUT, CliError.NOT_CONFIRMED, null);
            }
            AuditLog audit = new AuditLog(guardrails.auditLog(), cli.clock, cli.auditOpener);
            return new AuditedCall<VoidResult>(cli, audit, "void", key, "look the credit up with status before voiding it again")
                    .run(a -> a.attempt(who.operator, who.approval, gateway.name, providerId, key, request), () -> g.voidCredit(request),
                            r -> audit.outcome(key, r), r -> r.outcome().name(), r -> new ResultPrinter(cli.out, json).print(r),
                            r -> ExitCodes.of(r.outcome()));
        }
    }
}
