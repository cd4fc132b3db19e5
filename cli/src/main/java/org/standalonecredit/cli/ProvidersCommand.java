package org.standalonecredit.cli;

import java.util.concurrent.Callable;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "providers", mixinStandardHelpOptions = true, description = "List the providers found on the class path, with their capabilities.")
final class ProvidersCommand implements Callable<Integer> {
    @ParentCommand
    CreditCli cli;

    @Override
    public Integer call() {
        for (CreditProvider p : ProviderRegistry.load().providers()) {
            cli.out.printf("%-16s %s%n", p.id(), p.displayName());
            cli.out.printf("%-16s sources:    %s%n", "", p.capabilities().sources());
            cli.out.printf("%-16s follow-ups: %s%n", "", p.capabilities().followUps());
            if (!p.configurationKeys().isEmpty()) {
                cli.out.printf("%-16s keys:       credit.%s.{%s}%n", "", p.id(), String.join(", ", p.configurationKeys()));
            }
        }
        cli.out.flush();
        return ExitCodes.SUCCESS;
    }
}
