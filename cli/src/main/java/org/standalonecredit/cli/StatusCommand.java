package org.standalonecredit.cli;

import java.util.concurrent.Callable;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.GatewayOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Look a credit up by gateway transaction id, merchant reference, merchant transaction id or idempotency key (to resolve an unknown outcome).")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    CreditCli cli;

    @Mixin
    GatewaySelection gateway;

    @ArgGroup(exclusive = true, multiplicity = "1")
    By by;

    static final class By {
        @Option(names = "--gateway-transaction-id", paramLabel = "ID")
        String gatewayTransactionId;
        @Option(names = "--reference", paramLabel = "REF")
        String reference;
        @Option(names = "--transaction-id", paramLabel = "ID")
        String transactionId;
        @Option(names = "--idempotency-key", paramLabel = "KEY")
        String idempotencyKey;
    }

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ConfigSource config = gateway.config(cli.environment);
        StatusQuery query = by.gatewayTransactionId != null ? StatusQuery.byGatewayTransactionId(by.gatewayTransactionId)
                : by.reference != null ? StatusQuery.byMerchantReference(by.reference)
                : by.transactionId != null ? StatusQuery.byTransactionId(by.transactionId)
                : StatusQuery.byIdempotencyKey(by.idempotencyKey);
        try (CreditGateway g = gateway.open(config, GatewayOptions.builder().clock(cli.clock).build())) {
            StatusResult result = g.status(query);
            new ResultPrinter(cli.out, json).print(result);
            return result.foundNone() ? ExitCodes.NOT_FOUND : ExitCodes.of(result.outcome());
        }
    }
}
