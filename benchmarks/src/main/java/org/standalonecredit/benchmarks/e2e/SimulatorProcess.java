package org.standalonecredit.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.tls.SelfSignedCertificate;

/**
 * The testkit's {@link CybersourceSimulator} alone in its own JVM, so the harness's CPU figures are the
 * clients' only. Prints {@code PORT n}, then answers one-line commands on standard input:
 * <ul>
 *   <li>{@code drain}: {@code LEDGER n}, the credits accepted since the last drain, then clears the ledger,
 *       journal and transactions (they would otherwise grow for the whole run);</li>
 *   <li>{@code cpu}: {@code CPU nanos}, this JVM's process CPU time;</li>
 *   <li>{@code quit} or end of input: stops.</li>
 * </ul>
 * Arguments: {@code [workerThreads] [https]} (default 16, the simulator's own default; with {@code https} it
 * first prints {@code TRUST path}, a trust store holding its freshly made certificate).
 */
public final class SimulatorProcess {
    private SimulatorProcess() {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        boolean https = args.length > 1 && args[1].equals("https");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CybersourceSimulator.Builder builder = CybersourceSimulator.builder().workerThreads(workers);
        if (https) {
            builder.https(runCertificate(out));
        }
        try (CybersourceSimulator sim = builder.start()) {
            out.println("PORT " + sim.port());
            answerCommands(out, () -> {
                int n = sim.ledger().size();
                sim.reset();
                return Integer.toString(n);
            });
        }
    }

    /**
     * A certificate for {@code 127.0.0.1} made for this run (deleted at exit); prints {@code TRUST path}, a
     * PKCS12 trust store holding only it, for the client JVM.
     */
    static SelfSignedCertificate runCertificate(PrintStream out) throws IOException {
        Path dir = Files.createTempDirectory("simulator-tls");
        dir.toFile().deleteOnExit();
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(dir, "ip:127.0.0.1");
        dir.resolve("cert-ip_127_0_0_1.p12").toFile().deleteOnExit();
        Path trust = certificate.writeTrustStore(dir.resolve("trust.p12"));
        trust.toFile().deleteOnExit();
        out.println("TRUST " + trust);
        return certificate;
    }

    /**
     * Answers {@code drain} ({@code LEDGER} and what {@code drain} returns), {@code cpu} and {@code quit} on
     * standard input until {@code quit} or its end.
     */
    static void answerCommands(PrintStream out, Supplier<String> drain) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "drain" -> out.println("LEDGER " + drain.get());
                case "cpu" -> out.println("CPU " + processCpuNanos());
                case "quit" -> {
                    return;
                }
                default -> out.println("ERROR unknown command");
            }
        }
    }

    /** Process CPU time of this JVM (all threads), or -1 when the platform does not say. */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
