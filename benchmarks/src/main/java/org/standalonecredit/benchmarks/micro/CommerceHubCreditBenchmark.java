package org.standalonecredit.benchmarks.micro;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.benchmarks.Fixtures;

/**
 * Client-side cost of one Commerce Hub credit (seed 004, card in the clear as the sandbox takes it), no
 * network, through public API only. Every credit gets a new idempotency key, as Commerce Hub remembers
 * keys (a repeated key takes the re-send path), so the credit benchmarks include building the request:
 * <ul>
 *   <li>{@code buildRequest}: build and validate the neutral request;</li>
 *   <li>{@code buildAndCreditRequestSide}: build, then {@code credit()} with a transport that refuses it
 *       (serialise, HMAC, send history; no answer to read);</li>
 *   <li>{@code buildAndCredit}: build, then {@code credit()} answered with the seed response.</li>
 * </ul>
 * The HMAC signer and body writer are package-private in the provider and are not measured alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CommerceHubCreditBenchmark {
    private CreditGateway answered;
    private CreditGateway refused;

    @Setup
    public void setUp() {
        answered = Gateways.create(Fixtures.commerceHubConfig(null), InMemoryTransport.answering(Fixtures.commerceHubSeedResponse()));
        refused = Gateways.create(Fixtures.commerceHubConfig(null), InMemoryTransport.refusing());
        CybersourceCreditBenchmark.check(answered.credit(Fixtures.commerceHubRequest()), CreditOutcome.APPROVED);
        CybersourceCreditBenchmark.check(refused.credit(Fixtures.commerceHubRequest()), CreditOutcome.NOT_SENT);
    }

    @TearDown
    public void tearDown() {
        answered.close();
        refused.close();
    }

    @Benchmark
    public CreditRequest buildRequest() {
        return Fixtures.commerceHubRequest();
    }

    @Benchmark
    public CreditResult buildAndCreditRequestSide() {
        return refused.credit(Fixtures.commerceHubRequest());
    }

    @Benchmark
    public CreditResult buildAndCredit() {
        return answered.credit(Fixtures.commerceHubRequest());
    }
}
