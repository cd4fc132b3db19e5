package org.standalonecredit.cli;

import java.util.concurrent.Callable;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderRegistry;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "providers", mixinStandardHelpOptions = true, description = "List the providers found on the class path, with their capabilities.")
final class ProvidersCommand implements Callable<Integer> {
    @ParentCommand
    CreditCli cli;

    @Option(names = "--json", description = "Print one JSON object per provider (id, name, sources, follow-ups, configuration keys).")
    boolean json;

    @Override
    public Integer call() {
        if (json) {
            for (CreditProvider p : ProviderRegistry.load().providers()) {
                ObjectNode n = JsonNodeFactory.instance.objectNode().put("id", p.id()).put("name", p.displayName());
                p.capabilities().sources().forEach(s -> n.withArray("sources").add(s.name()));
                p.capabilities().followUps().forEach(f -> n.withArray("followUps").add(f.name()));
                p.configurationKeys().forEach(k -> n.withArray("keys").add("credit." + p.id() + "." + k));
                cli.out.println(Shown.jsonLine(n));
            }
            cli.out.flush();
            return ExitCodes.SUCCESS;
        }
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
