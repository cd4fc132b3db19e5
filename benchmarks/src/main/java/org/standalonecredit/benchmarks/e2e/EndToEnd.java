package org.standalonecredit.benchmarks.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.standalonecredit.benchmarks.Table;
import org.standalonecredit.simulator.tls.SelfSignedCertificate;

/**
 * End-to-end: the seed credit made by (a) the library, (b) a hand-written client (HttpClient 5 + Jackson +
 * per-request JWT, no library), (c) the raw Apache HttpClient 5 floor and (d) the official SDK, all in this
 * one JVM against a server in its own JVM over loopback: the light answering stub ({@code --target stub}: the
 * seed answer, no verification) or the testkit's Cybersource simulator ({@code --target simulator}, the
 * default: verifies every request, keeps a ledger), over http or, with {@code --https}, over https with a
 * certificate the server makes for the run; this JVM then trusts that certificate and nothing else.
 *
 * <p>Interleaved: after a warm-up, each round runs every caller count and, within it, every client in turn
 * (the order rotates each round). A phase is a fixed time with N threads crediting back to back, all through
 * one client instance (one gateway, one HTTP client, shared by the threads).
 *
 * <p>Per client and caller count: throughput (median of the rounds), latency p50/p99 (all rounds' calls),
 * client CPU per credit (this JVM's process CPU time over the phase / credits: the server runs in its own
 * JVM unless {@code --in-process-simulator}), bytes allocated per credit on the caller threads, the server's
 * CPU per credit, and (light stub) the connections used per phase. Every credit is checked: after each phase
 * the server must have accepted (the stub: answered) exactly the credits the client counted.
 *
 * <p>Arguments: {@code --target stub|simulator --https --rounds 5 --phase-seconds 3 --warmup-seconds 6
 * --callers 1,16,64 (stub) or 1,8,32 (simulator) --clients library,handwritten,floor,sdk --sim-workers 16
 * --in-process-simulator --results file.json}.
 */
public final class EndToEnd {
    public static final List<String> CLIENTS = List.of("library", "handwritten", "floor", "sdk");

    /** Run settings. */
    public record Settings(String target, boolean https, int rounds, Duration phase, Duration warmup, int[] callers,
                           List<String> clients, boolean separateSimulator, int simWorkers) {
        public Settings {
            if (!target.equals("stub") && !target.equals("simulator")) {
                throw new IllegalArgumentException("--target must be stub or simulator, not " + target);
            }
            if (target.equals("stub") && !separateSimulator) {
                throw new IllegalArgumentException("the light stub runs in its own JVM only");
            }
            for (String c : clients) {
                if (!CLIENTS.contains(c)) {
                    throw new IllegalArgumentException("unknown client " + c + "; known: " + CLIENTS);
                }
            }
        }

        public static Settings defaults() {
            return new Settings("simulator", false, 5, Duration.ofSeconds(3), Duration.ofSeconds(6), defaultCallers("simulator"),
                    CLIENTS, true, 16);
        }

        /** 1, 16 and 64 callers against the stub (the figures); 1, 8 and 32 against the simulator, as before. */
        static int[] defaultCallers(String target) {
            return target.equals("stub") ? new int[] {1, 16, 64} : new int[] {1, 8, 32};
        }

        /**
         * Warm-up concurrency: the largest caller count, so every connection a measured phase uses is opened
         * (over https: handshaken) in the warm-up, not in the first round.
         */
        int warmupCallers() {
            return Arrays.stream(callers).max().orElse(1);
        }
    }

    /** One client at one caller count, over all rounds. */
    public record Cell(String client, int callers, double throughput, double[] roundThroughputs, double p50Millis,
                       double p99Millis, double clientCpuMicrosPerCredit, double serverCpuMicrosPerCredit,
                       double allocatedBytesPerCredit, double connectionsPerPhase, long credits, long errors, String firstError) {
    }

    /** The whole run. */
    public record Result(String target, boolean https, String floorAuthentication, List<Cell> cells, int rounds,
                         double phaseSeconds, double warmupSeconds, boolean separateSimulator, int simWorkers) {
        public Cell cell(String client, int callers) {
            return cells.stream().filter(c -> c.client().equals(client) && c.callers() == callers).findFirst().orElse(null);
        }

        /** The caller counts, in run order. */
        public int[] callerCounts() {
            return cells.stream().mapToInt(Cell::callers).distinct().toArray();
        }
    }

    private EndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        Settings d = Settings.defaults();
        String target = d.target();
        boolean https = d.https();
        int rounds = d.rounds();
        Duration phase = d.phase();
        Duration warmup = d.warmup();
        int[] callers = null;
        List<String> clients = d.clients();
        boolean separate = d.separateSimulator();
        int workers = d.simWorkers();
        Path results = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target" -> target = args[++i];
                case "--https" -> https = true;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--phase-seconds" -> phase = seconds(args[++i]);
                case "--warmup-seconds" -> warmup = seconds(args[++i]);
                case "--callers" -> callers = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--clients" -> clients = List.of(args[++i].split(","));
                case "--sim-workers" -> workers = Integer.parseInt(args[++i]);
                case "--in-process-simulator" -> separate = false;
                case "--results" -> results = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Settings s = new Settings(target, https, rounds, phase, warmup, callers != null ? callers : Settings.defaultCallers(target),
                clients, separate, workers);
        Result r = run(s, System.out);
        print(r, System.out);
        if (results != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results.toFile(), r);
        }
        System.exit(0); // OkHttp's and HttpClient's pool threads need not linger
    }

    private static Duration seconds(String v) {
        return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    }

    /** Runs the whole comparison; progress goes to {@code log}. */
    public static Result run(Settings s, PrintStream log) throws Exception {
        int maxCallers = Arrays.stream(s.callers()).max().orElse(1);
        try (Simulator sim = server(s)) {
            log.printf("%s at %s (%s, %d workers)%n", sim.kind(), sim.baseUrl(), sim.separateProcess() ? "separate JVM" : "this JVM", s.simWorkers());
            sim.trustStore().ifPresent(EndToEnd::trustOnly);
            // the stub answers without looking, so the floor may reuse one token; the simulator refuses a jti it has seen
            FloorClient.Authentication floorAuth = s.target().equals("stub") ? FloorClient.Authentication.JWT : FloorClient.Authentication.HTTP_SIGNATURE;
            Map<String, Function<String, CreditClient>> factories = Map.of(
                    "library", LibraryClient::new,
                    "handwritten", url -> new HandWrittenClient(url, maxCallers),
                    "floor", url -> new FloorClient(url, floorAuth),
                    "sdk", SdkClient::new);
            List<CreditClient> clients = new ArrayList<>();
            Map<String, List<CreditClient.Caller>> callers = new LinkedHashMap<>();
            try {
                for (String name : s.clients()) {
                    CreditClient c = factories.get(name).apply(sim.baseUrl());
                    clients.add(c);
                    List<CreditClient.Caller> list = new ArrayList<>();
                    for (int i = 0; i < maxCallers; i++) {
                        list.add(c.newCaller());
                    }
                    callers.put(name, list);
                }
                int warmupCallers = s.warmupCallers();
                for (CreditClient c : clients) {
                    log.printf("warm-up %s: %d callers %.1f s, 1 caller %.1f s%n", c.name(), warmupCallers,
                            s.warmup().toMillis() / 1000.0, s.warmup().toMillis() / 2000.0);
                    phase(c, callers.get(c.name()), warmupCallers, s.warmup(), sim).throwIfFailed(c.name());
                    phase(c, callers.get(c.name()), 1, s.warmup().dividedBy(2), sim).throwIfFailed(c.name());
                }
                Map<String, List<Phase>> phases = new LinkedHashMap<>();
                for (int round = 0; round < s.rounds(); round++) {
                    for (int n : s.callers()) {
                        for (int k = 0; k < clients.size(); k++) {
                            CreditClient c = clients.get((k + round) % clients.size());
                            Phase p = phase(c, callers.get(c.name()), n, s.phase(), sim);
                            phases.computeIfAbsent(c.name() + "/" + n, x -> new ArrayList<>()).add(p);
                            log.printf("round %d/%d %-11s %2d callers: %8.0f credits/s  client CPU %6.1f µs/credit%s%s%n",
                                    round + 1, s.rounds(), c.name(), n, p.throughput(), p.cpuNanos / 1000.0 / Math.max(1, p.credits),
                                    p.connections >= 0 ? "  " + p.connections + " connections" : "",
                                    p.errors > 0 ? "  ERRORS " + p.errors + ": " + p.firstError : "");
                        }
                    }
                }
                List<Cell> cells = new ArrayList<>();
                for (String name : s.clients()) {
                    for (int n : s.callers()) {
                        cells.add(cell(name, n, phases.get(name + "/" + n)));
                    }
                }
                return new Result(s.target(), s.https(), s.clients().contains("floor") ? floorAuth.name() : null, cells, s.rounds(),
                        s.phase().toMillis() / 1000.0, s.warmup().toMillis() / 1000.0, sim.separateProcess(), s.simWorkers());
            } finally {
                clients.forEach(CreditClient::close);
            }
        }
    }

    private static Simulator server(Settings s) {
        if (s.target().equals("stub")) {
            return Simulator.lightStub(s.simWorkers(), s.https());
        }
        if (!s.separateSimulator()) {
            if (s.https()) {
                throw new IllegalArgumentException("--https needs the simulator in its own JVM");
            }
            return Simulator.inProcess(s.simWorkers());
        }
        return s.https() ? Simulator.separateJvmHttps(s.simWorkers()) : Simulator.separateJvm(s.simWorkers());
    }

    /**
     * Makes this JVM trust the server's run-made certificate and nothing else, as {@code -Djavax.net.ssl.trustStore}
     * would: every client here (the library's default TLS context, HttpClient's default, OkHttp's platform trust
     * manager) reads these properties when it first builds its TLS context, which none has done yet: the
     * server is started before any client is made. Checked: the default trust manager holds exactly one
     * certificate.
     */
    static void trustOnly(Path trustStore) {
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", SelfSignedCertificate.storePassword());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509 && x509.getAcceptedIssuers().length != 1) {
                    throw new IllegalStateException("the default trust store holds " + x509.getAcceptedIssuers().length
                            + " certificates, not only the run's");
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cell cell(String client, int callers, List<Phase> phases) {
        double[] tputs = phases.stream().mapToDouble(Phase::throughput).toArray();
        long credits = phases.stream().mapToLong(p -> p.credits).sum();
        long errors = phases.stream().mapToLong(p -> p.errors).sum();
        long cpu = phases.stream().mapToLong(p -> p.cpuNanos).sum();
        long simCpu = phases.stream().mapToLong(p -> p.simCpuNanos).sum();
        boolean connectionsKnown = phases.stream().allMatch(p -> p.connections >= 0);
        double connections = connectionsKnown ? phases.stream().mapToLong(p -> p.connections).average().orElse(Double.NaN) : Double.NaN;
        long allocated = phases.stream().mapToLong(p -> p.allocatedBytes).sum();
        int total = phases.stream().mapToInt(p -> p.latencies.length).sum();
        long[] all = new long[total];
        int at = 0;
        for (Phase p : phases) {
            System.arraycopy(p.latencies, 0, all, at, p.latencies.length);
            at += p.latencies.length;
        }
        Arrays.sort(all);
        String firstError = phases.stream().map(p -> p.firstError).filter(e -> e != null).findFirst().orElse(null);
        boolean simCpuKnown = phases.stream().allMatch(p -> p.simCpuNanos >= 0);
        return new Cell(client, callers, median(tputs), tputs, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                credits == 0 ? Double.NaN : cpu / 1000.0 / credits,
                credits == 0 || !simCpuKnown ? Double.NaN : simCpu / 1000.0 / credits,
                credits == 0 ? Double.NaN : (double) allocated / credits, connections, credits, errors, firstError);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** One measured phase. */
    static final class Phase {
        long credits;
        long errors;
        String firstError;
        long elapsedNanos;
        long cpuNanos;
        long simCpuNanos;
        long allocatedBytes;
        long connections;
        long[] latencies;

        double throughput() {
            return credits * 1e9 / elapsedNanos;
        }

        void throwIfFailed(String client) {
            if (errors > 0) {
                throw new IllegalStateException(client + ": " + errors + " failed credits, first: " + firstError);
            }
        }
    }

    private static Phase phase(CreditClient client, List<CreditClient.Caller> callers, int n, Duration length, Simulator sim)
            throws InterruptedException {
        client.beforePhase();
        int leftover = sim.drain();
        if (leftover != 0) {
            throw new IllegalStateException(sim.kind() + " had " + leftover + " credits before the phase");
        }
        com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong errors = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[n][];
        int[] counts = new int[n];
        long[] deadline = new long[1];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            int slot = i;
            CreditClient.Caller caller = callers.get(i);
            threads[i] = new Thread(() -> {
                long[] lat = new long[4096];
                int count = 0;
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long alloc0 = threadBean.getCurrentThreadAllocatedBytes();
                long end = deadline[0];
                long now = System.nanoTime();
                while (now < end) {
                    try {
                        caller.credit();
                        long after = System.nanoTime();
                        if (count == lat.length) {
                            lat = Arrays.copyOf(lat, lat.length * 2);
                        }
                        lat[count++] = after - now;
                        now = after;
                    } catch (Exception | Error e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        now = System.nanoTime();
                    }
                }
                allocated.addAndGet(threadBean.getCurrentThreadAllocatedBytes() - alloc0);
                latencies[slot] = Arrays.copyOf(lat, count);
                counts[slot] = count;
            }, "caller-" + client.name() + "-" + i);
            threads[i].start();
        }
        ready.await();
        long simCpu0 = sim.cpuNanos();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        deadline[0] = t0 + length.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        long simCpu1 = sim.cpuNanos();
        Phase p = new Phase();
        for (int c : counts) {
            p.credits += c;
        }
        p.errors = errors.get();
        p.firstError = firstError.get();
        p.elapsedNanos = t1 - t0;
        p.cpuNanos = cpu1 - cpu0;
        p.simCpuNanos = simCpu0 < 0 ? -1 : simCpu1 - simCpu0;
        p.allocatedBytes = allocated.get();
        p.latencies = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
        int ledger = sim.drain();
        p.connections = sim.connectionsAtLastDrain();
        if (ledger != p.credits) {
            p.errors += Math.abs(ledger - p.credits);
            p.firstError = p.firstError != null ? p.firstError
                    : sim.kind() + " counted " + ledger + " credits, client counted " + p.credits;
        }
        return p;
    }

    static long processCpuNanos() {
        return SimulatorProcess.processCpuNanos();
    }

    /** The tables: absolute figures, then every row against the hand-written client and the floor, then library/SDK. */
    public static void print(Result r, PrintStream out) {
        out.println();
        String where = r.target().equals("stub")
                ? "the light answering stub (seed 000 answer, no verification, its own JVM" + (r.https() ? ", TLS 1.3" : "") + ", keep-alive)"
                : "the Cybersource simulator (verifies every request" + (r.separateSimulator() ? ", its own JVM)" : ", in this JVM: client CPU includes it)");
        out.printf("End-to-end over %s against %s, loopback; %d rounds × %s s per phase, after %s s warm-up per client%n",
                r.https() ? "https" : "http", where, r.rounds(), seconds(r.phaseSeconds()), seconds(r.warmupSeconds()));
        List<String> how = new ArrayList<>();
        for (String client : CLIENTS) {
            if (r.cells().stream().anyMatch(c -> c.client().equals(client))) {
                how.add(client + ": " + switch (client) {
                    case "library", "handwritten" -> "a JWT signed per request";
                    case "floor" -> "JWT".equals(r.floorAuthentication()) ? "one JWT reused (renewed every 60 s)"
                            : "one HTTP Signature reused (the simulator refuses a reused JWT)";
                    default -> "HTTP Signature per request (0.0.77 has no shared-secret JWT)";
                });
            }
        }
        out.println("Authentication: " + String.join("; ", how) + ".");
        Table t = new Table("client", "callers", "credits/s (median)", "min–max of rounds", "p50 ms", "p99 ms",
                "client CPU µs/credit", "alloc KB/credit", "server CPU µs/credit", "connections/phase", "credits", "errors");
        for (Cell c : r.cells()) {
            double min = Arrays.stream(c.roundThroughputs()).min().orElse(Double.NaN);
            double max = Arrays.stream(c.roundThroughputs()).max().orElse(Double.NaN);
            t.row(c.client(), c.callers(), Table.f0(c.throughput()), Table.f0(min) + "–" + Table.f0(max), Table.f2(c.p50Millis()),
                    Table.f2(c.p99Millis()), Table.f1(c.clientCpuMicrosPerCredit()), Table.f1(c.allocatedBytesPerCredit() / 1024),
                    Table.f1(c.serverCpuMicrosPerCredit()), Table.f0(c.connectionsPerPhase()), c.credits(), c.errors());
        }
        t.print(out);

        out.println();
        out.println("Ratios in the same run: each client ÷ the hand-written client (hw) and ÷ the floor; below 1 is less (better for CPU,");
        out.println("allocation and latency, worse for throughput)");
        Table ratios = new Table("callers", "client", "credits/s ÷ hw", "credits/s ÷ floor", "CPU ÷ hw", "CPU ÷ floor",
                "alloc ÷ hw", "alloc ÷ floor", "p50 ÷ hw", "p99 ÷ hw");
        for (int n : r.callerCounts()) {
            Cell hw = r.cell("handwritten", n);
            Cell floor = r.cell("floor", n);
            for (Cell c : r.cells()) {
                if (c.callers() == n) {
                    ratios.row(n, c.client(), ratio(c, hw, Cell::throughput), ratio(c, floor, Cell::throughput),
                            ratio(c, hw, Cell::clientCpuMicrosPerCredit), ratio(c, floor, Cell::clientCpuMicrosPerCredit),
                            ratio(c, hw, Cell::allocatedBytesPerCredit), ratio(c, floor, Cell::allocatedBytesPerCredit),
                            ratio(c, hw, Cell::p50Millis), ratio(c, hw, Cell::p99Millis));
                }
            }
        }
        ratios.print(out);

        out.println();
        Table sdk = new Table("callers", "credits/s library/SDK", "CPU per credit library/SDK", "alloc library/SDK",
                "p50 library/SDK", "p99 library/SDK");
        for (int n : r.callerCounts()) {
            Cell lib = r.cell("library", n);
            Cell s = r.cell("sdk", n);
            if (lib != null && s != null) {
                sdk.row(n, ratio(lib, s, Cell::throughput), ratio(lib, s, Cell::clientCpuMicrosPerCredit),
                        ratio(lib, s, Cell::allocatedBytesPerCredit), ratio(lib, s, Cell::p50Millis), ratio(lib, s, Cell::p99Millis));
            }
        }
        sdk.print(out);
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? Table.f0(s) : Table.f1(s);
    }

    private static String ratio(Cell a, Cell b, ToDoubleFunction<Cell> measure) {
        return b == null ? "–" : Table.f2(measure.applyAsDouble(a) / measure.applyAsDouble(b));
    }

    /** Reads a result written with {@code --results}. */
    public static Result read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), Result.class);
    }
}
