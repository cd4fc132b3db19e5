package org.standalonecredit.benchmarks.micro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.benchmarks.Fixtures;

/**
 * What the credit journal adds to one Cybersource credit (seed 000, a new idempotency key each time, answered in
 * memory): {@code none} is the provider's own gateway, {@code memory} the default in-memory journal, {@code h2} a
 * JDBC journal on an H2 file ({@code WRITE_DELAY=0}: each claim and outcome durable before the call returns), and
 * {@code postgres} a JDBC journal on the PostgreSQL named by {@code STANDALONE_CREDIT_PG_URL} (run it with
 * {@code -p journal=postgres}; not in the default parameter list, as most machines have none).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JournalBenchmark {
    @Param({"none", "memory", "h2"})
    public String journal;

    private CreditGateway gateway;
    private Path directory;

    @Setup
    public void setUp() throws IOException {
        Map<String, String> config = new HashMap<>(Fixtures.cybersourceConfig(null));
        var answer = InMemoryTransport.answering(Fixtures.cybersourceSeedResponse());
        switch (journal) {
            case "none" -> gateway = Gateways.create(config, answer);
            case "memory" -> gateway = Gateways.journaled(config, answer, new InMemoryCreditJournal(InMemoryCreditJournal.DEFAULT_CAPACITY));
            case "h2" -> {
                directory = Files.createTempDirectory("journal-benchmark");
                config.put("credit.journal.type", "jdbc");
                config.put("credit.journal.url", "jdbc:h2:file:" + directory.resolve("journal") + ";WRITE_DELAY=0");
                gateway = Gateways.journaled(config, answer, null);
            }
            case "postgres" -> {
                config.put("credit.journal.type", "jdbc");
                config.put("credit.journal.url", require("STANDALONE_CREDIT_PG_URL"));
                config.put("credit.journal.user", System.getenv().getOrDefault("STANDALONE_CREDIT_PG_USER", ""));
                config.put("credit.journal.password", System.getenv().getOrDefault("STANDALONE_CREDIT_PG_PASSWORD", ""));
                config.put("credit.journal.table", "journal_benchmark_" + ProcessHandle.current().pid());
                gateway = Gateways.journaled(config, answer, null);
            }
            default -> throw new IllegalArgumentException("journal " + journal);
        }
        CybersourceCreditBenchmark.check(gateway.credit(Fixtures.cybersourceRequest()), CreditOutcome.PENDING_SETTLEMENT);
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: no PostgreSQL to measure");
        }
        return value;
    }

    @TearDown
    public void tearDown() {
        gateway.close();
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Benchmark
    public CreditResult buildAndCredit() {
        return gateway.credit(Fixtures.cybersourceRequest());
    }
}
