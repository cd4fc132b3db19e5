package org.standalonecredit.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.simulator.fixtures.SeedCredits;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.cybersource.JwtMleKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the gateway simulators in this process and run the documented credit flows through every provider, then a"
                + " declined, a rejected, a lost-answer and an unknown-outcome case.",
                "It prints a table, and exits 0 when every row is as expected."})
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    CreditCli cli;

    private record Row(String flow, CreditResult result, CreditOutcome expected, int ledger, String note) {
    }

    @Override
    public Integer call() {
        List<Row> rows = new ArrayList<>();
        try (CybersourceSimulator cybersource = CybersourceSimulator.builder().start();
             CybersourceSimulator visa = CybersourceSimulator.builder().visaAcceptanceMassTransit().start();
             CommerceHubSimulator hub = CommerceHubSimulator.builder().start();
             CreditGateway cs = open("cybersource", cybersourceKeys("cybersource", cybersource));
             CreditGateway csMle = open("cybersource", encrypted(cybersourceKeys("cybersource", cybersource)));
             CreditGateway va = open("visa-acceptance", cybersourceKeys("visa-acceptance", visa));
             CreditGateway ch = open("commerce-hub", commerceHubKeys(hub))) {

            rows.add(run("Cybersource, customer token (seed 000)", cs, cybersource, SeedCredits.cybersourceCustomerToken(), CreditOutcome.PENDING_SETTLEMENT, null));
            rows.add(run("Cybersource, instrument identifier (seed 002)", cs, cybersource, SeedCredits.cybersourceInstrumentIdentifier(), CreditOutcome.PENDING_SETTLEMENT, null));
            Row mle = run("Cybersource, JWT + message-level encryption both ways", csMle, cybersource,
                    SeedCredits.cybersourceCustomerToken().amount("5.00", "USD").merchantReference("DEMO-MLE"), CreditOutcome.PENDING_SETTLEMENT, null);
            boolean sealed = cybersource.journal().last().map(r -> r.bodyAsString().startsWith("{\"encryptedRequest\":")).orElse(false);
            rows.add(new Row(mle.flow(), mle.result(), mle.expected(), mle.ledger(),
                    sealed ? "body sent as encryptedRequest (JWE)" : "body NOT encrypted on the wire"));
            rows.add(run("Visa Acceptance, mass transit (seed 003)", va, visa, SeedCredits.visaAcceptanceMassTransit(), CreditOutcome.PENDING_SETTLEMENT, null));
            rows.add(run("Commerce Hub, card (seed 004)", ch, hub, SeedCredits.commerceHubCard(), CreditOutcome.APPROVED, null));
            rows.add(run("Declined by the issuer (Cybersource)", cs, cybersource,
                    SeedCredits.cybersourceCustomerToken().merchantReference("DEMO-DECLINE"), CreditOutcome.DECLINED,
                    sim -> sim.script().nextRequests(1).respond(Behaviour.DECLINE)));
            rows.add(run("Rejected: invalid request (Commerce Hub)", ch, hub, SeedCredits.commerceHubCard().amount("3.00", "USD"),
                    CreditOutcome.REJECTED, sim -> sim.script().nextRequests(1).respond(Behaviour.INVALID_REQUEST)));
            rows.add(run("Answer lost, re-sent with the same Client-Request-Id (Commerce Hub)", ch, hub,
                    SeedCredits.commerceHubCard().amount("4.00", "USD"), CreditOutcome.APPROVED,
                    sim -> sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION)));
            Row unknown = run("Unknown: 502 SERVER_TIMEOUT (Cybersource)", cs, cybersource,
                    SeedCredits.cybersourceCustomerToken().amount("7.00", "USD").merchantReference("DEMO-UNKNOWN"), CreditOutcome.UNKNOWN,
                    sim -> sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT));
            StatusResult found = cs.status(StatusQuery.byMerchantReference("DEMO-UNKNOWN"));
            rows.add(new Row(unknown.flow(), unknown.result(), unknown.expected(), unknown.ledger(),
                    "resolved by search: " + found.credits().size() + " credit found"));
        }
        return print(rows);
    }

    private Row run(String flow, CreditGateway gateway, GatewaySimulator sim, CreditRequest.Builder request, CreditOutcome expected,
                    Consumer<GatewaySimulator> script) {
        if (script != null) {
            script.accept(sim);
        }
        int before = sim.ledger().size();
        CreditResult result = gateway.credit(request.build());
        return new Row(flow, result, expected, sim.ledger().size() - before, null);
    }

    private CreditGateway open(String provider, Map<String, String> keys) {
        Map<String, String> config = new HashMap<>(keys);
        config.put("demo.gateway", provider);
        // the library's default timeouts (30 s for an answer): a cold JVM on a loaded machine needs more than a
        // few seconds for its first credit, and no flow here demonstrates a timeout
        return ProviderRegistry.load().create(ConfigSource.fromMap(config), "demo", GatewayOptions.builder().clock(cli.clock).build());
    }

    private static Map<String, String> cybersourceKeys(String provider, CybersourceSimulator sim) {
        return Map.of("demo." + provider + ".base-url", sim.baseUrl(),
                "demo." + provider + ".merchant-id", CybersourceSimulator.DEFAULT_MERCHANT_ID,
                "demo." + provider + ".key-id", CybersourceSimulator.DEFAULT_KEY_ID,
                "demo." + provider + ".secret-key", CybersourceSimulator.DEFAULT_SHARED_SECRET);
    }

    /** JWT with request and response MLE, with the simulator's throwaway keys (the protocol notes' vectors). */
    private static Map<String, String> encrypted(Map<String, String> keys) {
        Map<String, String> config = new HashMap<>(keys);
        config.put("demo.cybersource.authentication", "jwt");
        config.put("demo.cybersource.mle.request", "true");
        config.put("demo.cybersource.mle.certificate", JwtMleKeys.requestMleCertificatePem());
        config.put("demo.cybersource.mle.response", "true");
        config.put("demo.cybersource.mle.response-key", JwtMleKeys.responseMlePrivateKeyPem());
        config.put("demo.cybersource.mle.response-key-id", JwtMleKeys.kidOf(JwtMleKeys.responseMleCertificate()));
        return config;
    }

    private static Map<String, String> commerceHubKeys(CommerceHubSimulator sim) {
        return Map.of("demo.commerce-hub.base-url", sim.baseUrl(),
                "demo.commerce-hub.api-key", CommerceHubSimulator.DEFAULT_API_KEY,
                "demo.commerce-hub.api-secret", CommerceHubSimulator.DEFAULT_API_SECRET,
                "demo.commerce-hub.merchant-id", "100008000003683",
                "demo.commerce-hub.terminal-id", "10000001");
    }

    private int print(List<Row> rows) {
        String format = "%-68s %-16s %-19s %-33s %-11s %3s %6s  %s%n";
        cli.out.printf(format, "Flow", "Provider", "Outcome", "Gateway id", "Credited", "Try", "Ledger", "Check");
        cli.out.println("-".repeat(178));
        boolean allAsExpected = true;
        for (Row row : rows) {
            CreditResult r = row.result();
            boolean ok = r.outcome() == row.expected();
            allAsExpected &= ok;
            cli.out.printf(format, row.flow(), r.providerId(), r.outcome(),
                    Shown.text(r.gatewayTransactionId().orElse("-")),
                    r.creditedAmount().map(a -> a.toPlainString() + " " + r.creditedCurrency().orElse("")).orElse("-"),
                    r.attempts(), "+" + row.ledger(), (ok ? "as expected" : "UNEXPECTED, wanted " + row.expected())
                            + (row.note() != null ? "; " + row.note() : ""));
        }
        cli.out.println();
        cli.out.println(allAsExpected ? "All flows behaved as expected." : "Some flows did not behave as expected.");
        cli.out.flush();
        return allAsExpected ? ExitCodes.SUCCESS : ExitCodes.INTERNAL_ERROR;
    }
}
