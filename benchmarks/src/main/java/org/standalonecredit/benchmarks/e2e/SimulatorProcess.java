package org.standalonecredit.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.standalonecredit.testkit.sim.cybersource.CybersourceSimulator;

/**
 * The testkit's {@link CybersourceSimulator} alone in its own JVM, so the harness's CPU figures are the
 * clients' only. Prints {@code PORT n}, then answers one-line commands on standard input:
 * <ul>
 *   <li>{@code drain}: {@code LEDGER n}, the credits accepted since the last drain, then clears the ledger,
 *       journal and transactions (they would otherwise grow for the whole run);</li>
 *   <li>{@code cpu}: {@code CPU nanos}, this JVM's process CPU time;</li>
 *   <li>{@code quit} or end of input: stops.</li>
 * </ul>
 * Arguments: {@code [workerThreads]} (default 16, the simulator's own default).
 */
public final class SimulatorProcess {
    private SimulatorProcess() {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (CybersourceSimulator sim = CybersourceSimulator.builder().workerThreads(workers).start()) {
            out.println("PORT " + sim.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.trim()) {
                    case "drain" -> {
                        int n = sim.ledger().size();
                        sim.reset();
                        out.println("LEDGER " + n);
                    }
                    case "cpu" -> out.println("CPU " + processCpuNanos());
                    case "quit" -> {
                        return;
                    }
                    default -> out.println("ERROR unknown command");
                }
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
