package org.standalonecredit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.io.ByteArrayOutputStream;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.simulator.SimulatorMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = {"Run the gateway simulators standalone (loopback by default), so a staging application can point at them.",
                "Credentials default to the published test vectors; see simulators/SIMULATORS.md."})
final class SimulatorCommand implements Callable<Integer> {
    @ParentCommand
    CreditCli cli;

    @Option(names = "--cybersource-port", defaultValue = "8081", description = "Port of the Cybersource / Visa Acceptance simulator (0 = any free port; default ${DEFAULT-VALUE}).")
    int cybersourcePort;

    @Option(names = "--commercehub-port", defaultValue = "8082", description = "Port of the Commerce Hub simulator (0 = any free port; default ${DEFAULT-VALUE}).")
    int commerceHubPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--visa-acceptance-mass-transit", description = "Act as Visa Acceptance and require the mass-transit fields.")
    boolean massTransit;

    @Option(names = "--commercehub-production", description = "Refuse plain card data, as Commerce Hub production does.")
    boolean production;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (e.g. 30s, 10m); default: run until stopped.")
    String runFor;

    @Option(names = "--json", description = "Print one JSON object with the simulators' base URLs on standard output (the rest on standard error).")
    boolean json;

    @Override
    @SuppressWarnings("try") // the simulators run for as long as `running` is open: the try block only waits
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--cybersource-port", Integer.toString(cybersourcePort),
                "--commercehub-port", Integer.toString(commerceHubPort), "--bind", bind));
        if (massTransit) {
            args.add("--visa-acceptance-mass-transit");
        }
        if (production) {
            args.add("--commercehub-production");
        }
        Duration limit = runFor == null ? null : GatewaySettings.parseDuration(runFor)
                .orElseThrow(() -> new UsageException("--for must be a duration such as 30s or 10m", ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--for"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SimulatorMain.Running running = start(args, printed)) {
            if (json) {
                cli.err.print(printed.toString(StandardCharsets.UTF_8));
                cli.err.flush();
                cli.out.println(Shown.jsonLine(JsonNodeFactory.instance.objectNode().put("type", "simulators")
                        .put("cybersource", running.cybersource().baseUrl()).put("commerceHub", running.commerceHub().baseUrl())));
            } else {
                cli.out.print(printed.toString(StandardCharsets.UTF_8));
            }
            cli.out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            if (limit == null) {
                stop.await();
            } else {
                stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return ExitCodes.SUCCESS;
    }

    private SimulatorMain.Running start(List<String> args, ByteArrayOutputStream printed) {
        try {
            return SimulatorMain.start(args.toArray(String[]::new), cli.environment, new PrintStream(printed, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.BindException) {
                    throw new UsageException("a simulator port is already in use on " + bind + " (--cybersource-port " + cybersourcePort
                            + ", --commercehub-port " + commerceHubPort + "): choose others, or 0 for any free port", ExitCodes.PORT_IN_USE,
                            CliError.PORT_IN_USE, "--cybersource-port");
                }
            }
            throw e;
        }
    }
}
