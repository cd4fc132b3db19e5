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

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nLook the credit up by (exactly one is required):%n")
    By by;

    static final class By {
        @Option(names = "--gateway-transaction-id", paramLabel = "ID", description = "The gateway's id of the credit, as the credit printed it.")
        String gatewayTransactionId;
        @Option(names = "--reference", paramLabel = "REF", description = "The merchant reference the credit was sent with (may find several).")
        String reference;
        @Option(names = "--transaction-id", paramLabel = "ID", description = "The merchant transaction id the credit was sent with.")
        String transactionId;
        @Option(names = "--idempotency-key", paramLabel = "KEY",
                description = "The idempotency key the credit was sent with (where the provider can look it up, e.g. Commerce Hub).")
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
