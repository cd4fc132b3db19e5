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
        description = "Void a credit by its gateway transaction id, or (timeout void) by the merchant transaction id it was sent with.")
final class VoidCommand implements Callable<Integer> {
    @ParentCommand
    CreditCli cli;

    @Mixin
    GatewaySelection gateway;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--gateway-transaction-id", paramLabel = "ID", description = "The gateway's id of the credit.")
        String gatewayTransactionId;
        @Option(names = "--transaction-id", paramLabel = "ID", description = "Timeout void: the merchant transaction id of a credit whose answer was lost.")
        String transactionId;
    }

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ConfigSource config = gateway.config(cli.environment);
        VoidRequest request = target.gatewayTransactionId != null
                ? VoidRequest.ofCredit(target.gatewayTransactionId) : VoidRequest.timeout(target.transactionId);
        try (CreditGateway g = gateway.open(config, GatewayOptions.builder().clock(cli.clock).build())) {
            VoidResult result = g.voidCredit(request);
            new ResultPrinter(cli.out, json).print(result);
            return ExitCodes.of(result.outcome());
        }
    }
}
