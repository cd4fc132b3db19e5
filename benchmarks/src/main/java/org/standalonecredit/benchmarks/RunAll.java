package org.standalonecredit.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.standalonecredit.benchmarks.cold.ColdStart;
import org.standalonecredit.benchmarks.e2e.EndToEnd;
import org.standalonecredit.benchmarks.e2e.Simulator;

/**
 * Runs everything and prints one report: the machine, the JMH microbenchmarks (time and bytes allocated
 * per operation, {@code -prof gc}), the end-to-end comparison twice (each in its own JVM, fixed heap): first
 * as users run it, over https to the light answering stub with 1, 16 and 64 callers, then over http to the
 * full simulator with 1, 8 and 32 callers, each with the library, the hand-written client, the floor and
 * the SDK; then the cold start, then issue 7's targets with met/missed. Also written to {@code benchmarks/target/benchmark-report.md}
 * when run from the repository root ({@code --report FILE} to choose).
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar
 * </pre>
 *
 * Options: {@code --quick} (a smoke run of a minute or two; figures not meaningful), {@code --skip-jmh},
 * {@code --skip-e2e} (both end-to-end tables), {@code --skip-stub} (the https/light-stub table),
 * {@code --skip-simulator} (the http/full-simulator table), {@code --skip-cold}, {@code --rounds N},
 * {@code --phase-seconds S}, {@code --warmup-seconds S}, {@code --cold-runs N}, {@code --report FILE}.
 */
public final class RunAll {
    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean jmh = true;
        boolean e2e = true;
        boolean stub = true;
        boolean simulator = true;
        boolean cold = true;
        List<String> e2eArgs = new ArrayList<>();
        int coldRuns = 9;
        Path report = Files.isDirectory(Path.of("benchmarks", "target")) ? Path.of("benchmarks", "target", "benchmark-report.md") : null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--skip-jmh" -> jmh = false;
                case "--skip-e2e" -> e2e = false;
                case "--skip-stub" -> stub = false;
                case "--skip-simulator" -> simulator = false;
                case "--skip-cold" -> cold = false;
                case "--rounds", "--phase-seconds", "--warmup-seconds" -> {
                    e2eArgs.add(args[i]);
                    e2eArgs.add(args[++i]);
                }
                case "--cold-runs" -> coldRuns = Integer.parseInt(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (quick) {
            e2eArgs.addAll(0, List.of("--rounds", "1", "--phase-seconds", "1", "--warmup-seconds", "2"));
            coldRuns = Math.min(coldRuns, 3);
        }

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(System.out, captured), true, StandardCharsets.UTF_8);
        String machineBefore = machine();
        List<String[]> micro = jmh ? micro(quick) : List.of();
        // as users run it first: https, a gateway that costs next to nothing, 16 and 64 callers
        EndToEnd.Result endToEndHttps = e2e && stub ? endToEnd(e2eArgs, List.of("--target", "stub", "--https", "--callers", "1,16,64")) : null;
        EndToEnd.Result endToEnd = e2e && simulator ? endToEnd(e2eArgs, List.of("--target", "simulator", "--callers", "1,8,32")) : null;
        ColdStart.Result coldStart = cold ? ColdStart.run(coldRuns, System.out) : null;
        // the target is read over http, as the simulator speaks; https shows what a real gateway adds
        ColdStart.Result coldStartHttps = cold ? ColdStart.run(coldRuns, true, System.out) : null;

        out.println();
        out.println("# Stand-alone credit benchmarks" + (quick ? " (QUICK SMOKE RUN: figures not meaningful)" : ""));
        out.println();
        out.println("Run at " + Instant.now() + ". Machine at start: " + machineBefore);
        out.println("Machine at end:   " + machine());
        if (!micro.isEmpty()) {
            printMicro(micro, out);
        }
        if (endToEndHttps != null) {
            EndToEnd.print(endToEndHttps, out);
        }
        if (endToEnd != null) {
            EndToEnd.print(endToEnd, out);
        }
        if (coldStart != null) {
            ColdStart.print(coldStart, out);
            ColdStart.print(coldStartHttps, out);
        }
        printHttpsTargets(endToEndHttps, coldStartHttps, out);
        printTargets(endToEnd, coldStart, out);
        out.flush();
        if (report != null) {
            Files.writeString(report, captured.toString(StandardCharsets.UTF_8));
            System.out.println();
            System.out.println("report written to " + report);
        }
        System.exit(0);
    }

    /** nproc, java, load: what BENCHMARKS.md records with every figure. */
    static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%d CPUs (availableProcessors), %s %s (%s), %s %s, load average (1 min) %.2f",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"), load);
    }

    // ---------------------------------------------------------------- JMH

    @SuppressWarnings("rawtypes") // JMH's RunResult.getSecondaryResults() is declared with the raw Result type
    private static List<String[]> micro(boolean quick) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("org\\.standalonecredit\\.benchmarks\\.micro\\..*")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(2).measurementTime(TimeValue.milliseconds(500));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, String[]> rows = new TreeMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark().replace("org.standalonecredit.benchmarks.micro.", "");
            Result<?> primary = r.getPrimaryResult();
            double alloc = Double.NaN;
            for (var e : r.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = e.getValue().getScore();
                }
            }
            rows.put(label, new String[] {label, Table.f0(primary.getScore()), Table.f0(primary.getScoreError()), Table.f0(alloc),
                    Double.toString(primary.getScore()), Double.toString(alloc)});
        }
        return new ArrayList<>(rows.values());
    }

    private static void printMicro(List<String[]> rows, PrintStream out) {
        out.println();
        out.println("JMH: client-side cost of one credit, no network (average time; allocation from -prof gc)");
        Table t = new Table("benchmark", "ns/op", "± (99.9%)", "allocated B/op");
        for (String[] r : rows) {
            t.row(r[0], r[1], r[2], r[3]);
        }
        t.print(out);
        double prebuilt = score(rows, "CybersourceCreditBenchmark.creditPrebuilt", 4);
        double requestSide = score(rows, "CybersourceCreditBenchmark.creditRequestSide", 4);
        if (!Double.isNaN(prebuilt) && !Double.isNaN(requestSide)) {
            out.printf(Locale.ROOT, "Cybersource: reading the answer into the neutral result ≈ creditPrebuilt − creditRequestSide = %.0f ns, %.0f B%n",
                    prebuilt - requestSide,
                    score(rows, "CybersourceCreditBenchmark.creditPrebuilt", 5) - score(rows, "CybersourceCreditBenchmark.creditRequestSide", 5));
        }
    }

    private static double score(List<String[]> rows, String label, int column) {
        return rows.stream().filter(r -> r[0].equals(label)).mapToDouble(r -> Double.parseDouble(r[column])).findFirst().orElse(Double.NaN);
    }

    // ---------------------------------------------------------------- end to end

    /**
     * The four clients in one JVM of their own (fixed 2 GB heap), separate from this runner and from JMH; the
     * server (stub or simulator) in another. Over https the server makes the certificate and the clients' JVM
     * trusts only it ({@link EndToEnd}).
     */
    private static EndToEnd.Result endToEnd(List<String> timing, List<String> table) throws IOException, InterruptedException {
        Path results = Files.createTempFile("e2e", ".json");
        List<String> command = new ArrayList<>(List.of(Simulator.javaBinary(), "-Xms2g", "-Xmx2g", "-cp",
                System.getProperty("java.class.path"), EndToEnd.class.getName(), "--results", results.toString()));
        command.addAll(table);
        command.addAll(timing);
        Process p = new ProcessBuilder(command).inheritIO().start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("end-to-end harness failed with exit code " + exit);
        }
        EndToEnd.Result r = EndToEnd.read(results);
        Files.deleteIfExists(results);
        return r;
    }

    // ---------------------------------------------------------------- targets

    /** Issue 15's targets: 16 callers over https to the light stub, and the first credit over https. */
    private static void printHttpsTargets(EndToEnd.Result e2e, ColdStart.Result cold, PrintStream out) {
        if (e2e == null && cold == null) {
            return;
        }
        out.println();
        out.println("Targets (issue 15: 16 callers over https to the light stub; cold start over https)");
        Table t = new Table("target", "measured", "verdict");
        EndToEnd.Cell lib = e2e == null ? null : e2e.cell("library", 16);
        EndToEnd.Cell hw = e2e == null ? null : e2e.cell("handwritten", 16);
        EndToEnd.Cell sdk = e2e == null ? null : e2e.cell("sdk", 16);
        if (lib != null && hw != null) {
            double cpu = lib.clientCpuMicrosPerCredit() / hw.clientCpuMicrosPerCredit();
            t.row("client CPU per credit ≤ 1.1× hand-written", Table.f2(cpu) + "× (" + Table.f1(lib.clientCpuMicrosPerCredit()) + " vs "
                    + Table.f1(hw.clientCpuMicrosPerCredit()) + " µs)", verdict(cpu <= 1.1));
            double throughput = lib.throughput() / hw.throughput();
            t.row("throughput ≥ 0.95× hand-written", Table.f2(throughput) + "×", verdict(throughput >= 0.95));
        }
        if (lib != null) {
            double kb = lib.allocatedBytesPerCredit() / 1024;
            t.row("allocation ≤ 20 KB per credit", Table.f1(kb) + " KB" + (hw == null ? "" : " (hand-written "
                    + Table.f1(hw.allocatedBytesPerCredit() / 1024) + " KB)"), verdict(kb <= 20));
        }
        if (lib != null && sdk != null) {
            double ratio = lib.throughput() / sdk.throughput();
            t.row("throughput ≥ 3× SDK", Table.f2(ratio) + "×", verdict(ratio >= 3));
        }
        if (cold != null) {
            double plain = cold.library().medianWallMillis() / cold.sdk().medianWallMillis();
            double cds = cold.libraryAppCds().medianWallMillis() / cold.sdk().medianWallMillis();
            t.row("first credit over https ≤ 0.5× SDK", Table.f2(plain) + "×", verdict(plain <= 0.5));
            t.row("first credit over https ≤ 0.5× SDK, with AppCDS", Table.f2(cds) + "×", verdict(cds <= 0.5));
        }
        t.print(out);
    }

    /** Issue 7's targets, read on the http/full-simulator table (the set-up they were set for). */
    private static void printTargets(EndToEnd.Result e2e, ColdStart.Result cold, PrintStream out) {
        out.println();
        out.println("Targets (issue 7, on the http/full-simulator table)");
        Table t = new Table("target", "measured", "verdict");
        if (e2e != null) {
            for (int n : new int[] {8, 32}) {
                EndToEnd.Cell lib = e2e.cell("library", n);
                EndToEnd.Cell floor = e2e.cell("floor", n);
                if (lib != null && floor != null) {
                    double ratio = lib.throughput() / floor.throughput();
                    t.row("throughput ≥ 0.9× floor, " + n + " callers", Table.f2(ratio) + "×", verdict(ratio >= 0.9));
                }
            }
            for (EndToEnd.Cell lib : e2e.cells()) {
                if (!lib.client().equals("library")) {
                    continue;
                }
                EndToEnd.Cell sdk = e2e.cell("sdk", lib.callers());
                if (sdk != null) {
                    double ratio = lib.throughput() / sdk.throughput();
                    t.row("throughput ≥ 3× SDK, " + lib.callers() + " caller" + (lib.callers() == 1 ? "" : "s"),
                            Table.f2(ratio) + "×", verdict(ratio >= 3));
                }
            }
            for (EndToEnd.Cell lib : e2e.cells()) {
                if (!lib.client().equals("library")) {
                    continue;
                }
                EndToEnd.Cell sdk = e2e.cell("sdk", lib.callers());
                if (sdk != null) {
                    double ratio = lib.clientCpuMicrosPerCredit() / sdk.clientCpuMicrosPerCredit();
                    t.row("client CPU per credit ≤ 1/5 (0.20×) SDK, " + lib.callers() + " caller" + (lib.callers() == 1 ? "" : "s"),
                            Table.f2(ratio) + "× (" + Table.f1(lib.clientCpuMicrosPerCredit()) + " vs " + Table.f1(sdk.clientCpuMicrosPerCredit()) + " µs)",
                            verdict(ratio <= 0.2));
                }
            }
        }
        if (cold != null) {
            double ratio = cold.library().medianWallMillis() / cold.sdk().medianWallMillis();
            t.row("cold first credit ≤ 0.5× SDK", Table.f2(ratio) + "× (" + Table.f0(cold.library().medianWallMillis()) + " vs "
                    + Table.f0(cold.sdk().medianWallMillis()) + " ms)", verdict(ratio <= 0.5));
            double cds = cold.libraryAppCds().medianWallMillis() / cold.sdk().medianWallMillis();
            t.row("cold first credit ≤ 0.5× SDK, with AppCDS", Table.f2(cds) + "× (" + Table.f0(cold.libraryAppCds().medianWallMillis())
                    + " vs " + Table.f0(cold.sdk().medianWallMillis()) + " ms)", verdict(cds <= 0.5));
        }
        t.print(out);
        if (e2e != null) {
            out.println();
            out.println("For scale, the floor (no mapping at all) against the SDK: the most any library could reach");
            Table f = new Table("callers", "throughput floor/SDK", "client CPU floor/SDK");
            for (EndToEnd.Cell floor : e2e.cells()) {
                if (!floor.client().equals("floor")) {
                    continue;
                }
                EndToEnd.Cell sdk = e2e.cell("sdk", floor.callers());
                if (sdk != null) {
                    f.row(floor.callers(), Table.f2(floor.throughput() / sdk.throughput()) + "×",
                            Table.f2(floor.clientCpuMicrosPerCredit() / sdk.clientCpuMicrosPerCredit()) + "×");
                }
            }
            f.print(out);
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
