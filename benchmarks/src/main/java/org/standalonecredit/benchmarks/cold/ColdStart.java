package org.standalonecredit.benchmarks.cold;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.standalonecredit.benchmarks.Table;
import org.standalonecredit.benchmarks.e2e.Simulator;
import org.standalonecredit.simulator.tls.SelfSignedCertificate;

/**
 * Cold start: wall time of a whole fresh JVM ({@code java -cp <this class path> ColdStartLibrary|ColdStartSdk
 * <url>}) from spawn to exit, first credit included, against a warm simulator in its own JVM. Runs
 * alternate library/SDK; the figure is the median. Same java, same class path (the shaded jar), same
 * default JVM flags for both. Also reported: the time the child spent in {@code main} (configuration,
 * class loading and the credit, without JVM boot and exit).
 *
 * <p>Arguments: {@code --runs 9 --results file.json}.
 */
public final class ColdStart {
    /** Figures of one client, milliseconds. */
    public record Figures(String client, double medianWallMillis, double minWallMillis, double maxWallMillis,
                          double medianInMainMillis, long[] wallMillis) {
    }

    /**
     * Both clients, the library again from an AppCDS archive of its own training run, and from that archive with
     * the provider's background warm-up forced on (it runs by default only with three or more processors: this
     * shows what it is worth, or costs, on the machine measured).
     */
    public record Result(int runs, boolean https, Figures library, Figures sdk, Figures libraryAppCds, Figures libraryAppCdsWarmup) {
    }

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 9;
        boolean https = false;
        Path results = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--https" -> https = true;
                case "--results" -> results = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Result r = run(runs, https, System.out);
        print(r, System.out);
        if (results != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results.toFile(), r);
        }
    }

    public static Result run(int runs, PrintStream log) throws Exception {
        return run(runs, false, log);
    }

    /**
     * @param https against an https simulator: both JVMs trust its certificate through
     *              {@code javax.net.ssl.trustStore} (a store holding only it, read by the JDK and by OkHttp alike)
     */
    public static Result run(int runs, boolean https, PrintStream log) throws Exception {
        try (Simulator sim = https ? Simulator.separateJvmHttps(16) : Simulator.separateJvm(16)) {
            Path archive = Files.createTempDirectory("cold-start-cds").resolve("library.jsa");
            // one throw-away run each: the simulator JIT-warms a little and the OS file cache holds the jar; the
            // library's doubles as the AppCDS training run, the one documented command an application runs once
            once(ColdStartLibrary.class, sim, List.of("-XX:ArchiveClassesAtExit=" + archive));
            once(ColdStartSdk.class, sim, List.of());
            List<String> fromArchive = List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
            List<long[]> lib = new ArrayList<>();
            List<long[]> sdk = new ArrayList<>();
            List<String> fromArchiveWarmup = new ArrayList<>(fromArchive);
            fromArchiveWarmup.add("-Dstandalone-credit.warmup=true");
            List<long[]> cds = new ArrayList<>();
            List<long[]> cdsWarmup = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                // the four in a rotating order, so no client always runs right after the same one
                for (int k = 0; k < 4; k++) {
                    switch ((i + k) % 4) {
                        case 0 -> lib.add(once(ColdStartLibrary.class, sim, List.of()));
                        case 1 -> sdk.add(once(ColdStartSdk.class, sim, List.of()));
                        case 2 -> cds.add(once(ColdStartLibrary.class, sim, fromArchive));
                        default -> cdsWarmup.add(once(ColdStartLibrary.class, sim, fromArchiveWarmup));
                    }
                }
                log.printf("cold start (%s) run %d/%d: library %d ms, sdk %d ms, library + AppCDS %d ms, with warm-up forced on %d ms%n",
                        https ? "https" : "http", i + 1, runs, lib.get(i)[0], sdk.get(i)[0], cds.get(i)[0], cdsWarmup.get(i)[0]);
            }
            int credited = sim.drain();
            if (credited != 4 * runs + 2) {
                throw new IllegalStateException("simulator ledger has " + credited + " credits, expected " + (4 * runs + 2));
            }
            Files.deleteIfExists(archive);
            Files.deleteIfExists(archive.getParent());
            return new Result(runs, https, figures("library", lib), figures("sdk", sdk), figures("library + AppCDS", cds),
                    figures("library + AppCDS, warm-up on", cdsWarmup));
        }
    }

    private static Figures figures(String client, List<long[]> runs) {
        long[] wall = runs.stream().mapToLong(r -> r[0]).toArray();
        double[] inMain = runs.stream().mapToDouble(r -> r[1]).toArray();
        long[] sorted = wall.clone();
        Arrays.sort(sorted);
        return new Figures(client, median(Arrays.stream(wall).asDoubleStream().toArray()), sorted[0], sorted[sorted.length - 1],
                median(inMain), wall);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Spawns one JVM; returns {wall ms, in-main ms}. */
    private static long[] once(Class<?> main, Simulator sim, List<String> jvmFlags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Simulator.javaBinary()));
        command.addAll(jvmFlags);
        sim.trustStore().ifPresent(trust -> command.addAll(List.of("-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=" + SelfSignedCertificate.storePassword(), "-Djavax.net.ssl.trustStoreType=PKCS12")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), sim.baseUrl()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String output;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder all = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                all.append(line).append('\n');
            }
            output = all.toString();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " did not finish");
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        String last = output.lines().filter(l -> l.startsWith("OK ") || l.startsWith("FAILED")).reduce((x, y) -> y).orElse("");
        if (p.exitValue() != 0 || !last.startsWith("OK ")) {
            throw new IllegalStateException(main.getSimpleName() + " failed (exit " + p.exitValue() + "): " + output);
        }
        return new long[] {wall, Long.parseLong(last.substring(3).trim())};
    }

    public static void print(Result r, PrintStream out) {
        out.println();
        out.printf("Cold start%s: fresh JVM to first credit and exit (%d runs each, alternating; median)%n",
                r.https() ? " over https (TLS set-up and handshake included)" : "", r.runs());
        Table t = new Table("client", "whole process ms (median)", "min", "max", "in main() ms (median)");
        for (Figures f : List.of(r.library(), r.libraryAppCds(), r.libraryAppCdsWarmup(), r.sdk())) {
            t.row(f.client(), Table.f0(f.medianWallMillis()), Table.f0(f.minWallMillis()), Table.f0(f.maxWallMillis()),
                    Table.f0(f.medianInMainMillis()));
        }
        t.row("library/SDK", Table.f2(r.library().medianWallMillis() / r.sdk().medianWallMillis()), "", "",
                Table.f2(r.library().medianInMainMillis() / r.sdk().medianInMainMillis()));
        t.row("library + AppCDS/SDK", Table.f2(r.libraryAppCds().medianWallMillis() / r.sdk().medianWallMillis()), "", "",
                Table.f2(r.libraryAppCds().medianInMainMillis() / r.sdk().medianInMainMillis()));
        t.row("library + AppCDS, warm-up on/SDK", Table.f2(r.libraryAppCdsWarmup().medianWallMillis() / r.sdk().medianWallMillis()), "",
                "", Table.f2(r.libraryAppCdsWarmup().medianInMainMillis() / r.sdk().medianInMainMillis()));
        t.print(out);
    }
}
