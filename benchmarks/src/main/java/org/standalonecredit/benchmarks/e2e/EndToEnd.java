package org.standalonecredit.benchmarks.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
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
import org.standalonecredit.benchmarks.Table;

/**
 * End-to-end: the seed credit against the testkit's Cybersource simulator over loopback, made by
 * (a) the library, (b) the raw Apache HttpClient 5 floor and (c) the official SDK, all in this one JVM,
 * interleaved: after a warm-up, each round runs every caller count and, within it, every client in
 * turn (the order rotates each round). A phase is a fixed time with N threads crediting back to back.
 *
 * <p>Per client and caller count: throughput (median of the rounds), latency p50/p99 (all rounds'
 * calls), client CPU per credit (this JVM's process CPU time over the phase / credits: the simulator runs
 * in its own JVM unless {@code --in-process-simulator}), bytes allocated per credit on the caller
 * threads, and the simulator's CPU per credit. Every credit is checked: the simulator's ledger must hold
 * exactly the credits the client counted.
 *
 * <p>Arguments: {@code --rounds 5 --phase-seconds 3 --warmup-seconds 6 --callers 1,8,32
 * --clients library,floor,sdk --sim-workers 16 --in-process-simulator --results file.json}.
 */
public final class EndToEnd {
    /** Run settings. */
    public record Settings(int rounds, Duration phase, Duration warmup, int[] callers, List<String> clients,
                           boolean separateSimulator, int simWorkers) {
        public static Settings defaults() {
            return new Settings(5, Duration.ofSeconds(3), Duration.ofSeconds(6), new int[] {1, 8, 32},
                    List.of("library", "floor", "sdk"), true, 16);
        }
    }

    /** One client at one caller count, over all rounds. */
    public record Cell(String client, int callers, double throughput, double[] roundThroughputs, double p50Millis,
                       double p99Millis, double clientCpuMicrosPerCredit, double simCpuMicrosPerCredit,
                       double allocatedBytesPerCredit, long credits, long errors, String firstError) {
    }

    /** The whole run. */
    public record Result(List<Cell> cells, int rounds, double phaseSeconds, double warmupSeconds, boolean separateSimulator,
                         int simWorkers) {
        public Cell cell(String client, int callers) {
            return cells.stream().filter(c -> c.client().equals(client) && c.callers() == callers).findFirst().orElse(null);
        }
    }

    private EndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.defaults();
        Path results = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> s = new Settings(Integer.parseInt(args[++i]), s.phase(), s.warmup(), s.callers(), s.clients(), s.separateSimulator(), s.simWorkers());
                case "--phase-seconds" -> s = new Settings(s.rounds(), seconds(args[++i]), s.warmup(), s.callers(), s.clients(), s.separateSimulator(), s.simWorkers());
                case "--warmup-seconds" -> s = new Settings(s.rounds(), s.phase(), seconds(args[++i]), s.callers(), s.clients(), s.separateSimulator(), s.simWorkers());
                case "--callers" -> s = new Settings(s.rounds(), s.phase(), s.warmup(),
                        Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray(), s.clients(), s.separateSimulator(), s.simWorkers());
                case "--clients" -> s = new Settings(s.rounds(), s.phase(), s.warmup(), s.callers(), List.of(args[++i].split(",")), s.separateSimulator(), s.simWorkers());
                case "--sim-workers" -> s = new Settings(s.rounds(), s.phase(), s.warmup(), s.callers(), s.clients(), s.separateSimulator(), Integer.parseInt(args[++i]));
                case "--in-process-simulator" -> s = new Settings(s.rounds(), s.phase(), s.warmup(), s.callers(), s.clients(), false, s.simWorkers());
                case "--results" -> results = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
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
        try (Simulator sim = s.separateSimulator() ? Simulator.separateJvm(s.simWorkers()) : Simulator.inProcess(s.simWorkers())) {
            log.printf("simulator at %s (%s, %d workers)%n", sim.baseUrl(), sim.separateProcess() ? "separate JVM" : "this JVM", s.simWorkers());
            Map<String, Function<String, CreditClient>> factories = Map.of(
                    "library", LibraryClient::new, "floor", FloorClient::new, "sdk", SdkClient::new);
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
                for (CreditClient c : clients) {
                    log.printf("warm-up %s: %d callers %.1f s, 1 caller %.1f s%n", c.name(), Math.min(8, maxCallers),
                            s.warmup().toMillis() / 1000.0, s.warmup().toMillis() / 2000.0);
                    phase(c, callers.get(c.name()), Math.min(8, maxCallers), s.warmup(), sim).throwIfFailed(c.name());
                    phase(c, callers.get(c.name()), 1, s.warmup().dividedBy(2), sim).throwIfFailed(c.name());
                }
                Map<String, List<Phase>> phases = new LinkedHashMap<>();
                for (int round = 0; round < s.rounds(); round++) {
                    for (int n : s.callers()) {
                        for (int k = 0; k < clients.size(); k++) {
                            CreditClient c = clients.get((k + round) % clients.size());
                            Phase p = phase(c, callers.get(c.name()), n, s.phase(), sim);
                            phases.computeIfAbsent(c.name() + "/" + n, x -> new ArrayList<>()).add(p);
                            log.printf("round %d/%d %-7s %2d callers: %8.0f credits/s  client CPU %6.1f µs/credit%s%n",
                                    round + 1, s.rounds(), c.name(), n, p.throughput(), p.cpuNanos / 1000.0 / Math.max(1, p.credits),
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
                return new Result(cells, s.rounds(), s.phase().toMillis() / 1000.0, s.warmup().toMillis() / 1000.0,
                        sim.separateProcess(), s.simWorkers());
            } finally {
                clients.forEach(CreditClient::close);
            }
        }
    }

    private static Cell cell(String client, int callers, List<Phase> phases) {
        double[] tputs = phases.stream().mapToDouble(Phase::throughput).toArray();
        long credits = phases.stream().mapToLong(p -> p.credits).sum();
        long errors = phases.stream().mapToLong(p -> p.errors).sum();
        long cpu = phases.stream().mapToLong(p -> p.cpuNanos).sum();
        long simCpu = phases.stream().mapToLong(p -> p.simCpuNanos).sum();
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
                credits == 0 ? Double.NaN : (double) allocated / credits, credits, errors, firstError);
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
            throw new IllegalStateException("simulator had " + leftover + " credits before the phase");
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
        if (ledger != p.credits) {
            p.errors += Math.abs(ledger - p.credits);
            p.firstError = p.firstError != null ? p.firstError
                    : "simulator ledger has " + ledger + " credits, client counted " + p.credits;
        }
        return p;
    }

    static long processCpuNanos() {
        return SimulatorProcess.processCpuNanos();
    }

    /** The tables: absolute figures, then ratios. */
    public static void print(Result r, PrintStream out) {
        out.println();
        out.printf("End-to-end against the Cybersource simulator over loopback (%s; %d rounds × %.0f s per phase, after %.0f s warm-up per client)%n",
                r.separateSimulator() ? "simulator in a separate JVM" : "simulator in this JVM: client CPU includes it",
                r.rounds(), r.phaseSeconds(), r.warmupSeconds());
        Table t = new Table("client", "callers", "credits/s (median)", "min–max of rounds", "p50 ms", "p99 ms",
                "client CPU µs/credit", "alloc KB/credit", "sim CPU µs/credit", "credits", "errors");
        for (Cell c : r.cells()) {
            double min = Arrays.stream(c.roundThroughputs()).min().orElse(Double.NaN);
            double max = Arrays.stream(c.roundThroughputs()).max().orElse(Double.NaN);
            t.row(c.client(), c.callers(), Table.f0(c.throughput()), Table.f0(min) + "–" + Table.f0(max), Table.f2(c.p50Millis()),
                    Table.f2(c.p99Millis()), Table.f1(c.clientCpuMicrosPerCredit()), Table.f1(c.allocatedBytesPerCredit() / 1024),
                    Table.f1(c.simCpuMicrosPerCredit()), c.credits(), c.errors());
        }
        t.print(out);
        out.println();
        Table ratios = new Table("callers", "throughput library/floor", "throughput library/SDK", "p50 latency library/SDK",
                "CPU per credit library/SDK", "CPU per credit library/floor");
        for (Cell lib : r.cells()) {
            if (!lib.client().equals("library")) {
                continue;
            }
            Cell floor = r.cell("floor", lib.callers());
            Cell sdk = r.cell("sdk", lib.callers());
            ratios.row(lib.callers(),
                    floor == null ? "–" : Table.f2(lib.throughput() / floor.throughput()),
                    sdk == null ? "–" : Table.f2(lib.throughput() / sdk.throughput()),
                    sdk == null ? "–" : Table.f2(lib.p50Millis() / sdk.p50Millis()),
                    sdk == null ? "–" : Table.f2(lib.clientCpuMicrosPerCredit() / sdk.clientCpuMicrosPerCredit()),
                    floor == null ? "–" : Table.f2(lib.clientCpuMicrosPerCredit() / floor.clientCpuMicrosPerCredit()));
        }
        ratios.print(out);
    }

    /** Reads a result written with {@code --results}. */
    public static Result read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), Result.class);
    }
}
