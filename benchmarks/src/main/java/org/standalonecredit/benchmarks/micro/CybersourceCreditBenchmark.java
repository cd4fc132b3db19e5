package org.standalonecredit.benchmarks.micro;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.benchmarks.Fixtures;
import org.standalonecredit.cybersource.CybersourceSigner;
import org.standalonecredit.cybersource.jose.JwtSigner;

/**
 * Client-side cost of one Cybersource credit, no network, through public API only:
 * <ul>
 *   <li>{@code buildRequest}: build and validate the neutral request (seed 000; new idempotency key);</li>
 *   <li>{@code sign}: Date, Digest and HTTP Signature over the seed body ({@link CybersourceSigner});</li>
 *   <li>{@code signJwt}: the same request's Bearer JWT (HS256, v2 claims, digest of the body) ({@link JwtSigner});</li>
 *   <li>{@code creditPrebuiltJwt}: {@code creditPrebuilt} with {@code authentication=jwt};</li>
 *   <li>{@code creditRequestSide}: {@code credit()} of a pre-built request whose transport refuses it
 *       (provider rules, serialise, sign, exchange bookkeeping; no response to read);</li>
 *   <li>{@code creditPrebuilt}: {@code credit()} of a pre-built request answered with the seed response
 *       (everything above plus parsing the answer into the neutral result);</li>
 *   <li>{@code buildAndCredit}: what an application pays per credit: build, then credit.</li>
 * </ul>
 * Parsing the answer ≈ creditPrebuilt − creditRequestSide.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CybersourceCreditBenchmark {
    private CreditGateway answered;
    private CreditGateway refused;
    private CreditGateway answeredJwt;
    private JwtSigner jwtSigner;
    private CybersourceSigner signer;
    private byte[] body;
    private CreditRequest request;

    @Setup
    public void setUp() {
        answered = Gateways.create(Fixtures.cybersourceConfig(null), InMemoryTransport.answering(Fixtures.cybersourceSeedResponse()));
        refused = Gateways.create(Fixtures.cybersourceConfig(null), InMemoryTransport.refusing());
        Map<String, String> jwt = new HashMap<>(Fixtures.cybersourceConfig(null));
        jwt.put("credit.cybersource.authentication", "jwt");
        answeredJwt = Gateways.create(jwt, InMemoryTransport.answering(Fixtures.cybersourceSeedResponse()));
        jwtSigner = JwtSigner.sharedSecret(Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_KEY_ID, Fixtures.CYBS_SECRET,
                Clock.systemUTC(), JwtSigner.randomJwtIds());
        signer = new CybersourceSigner(Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_KEY_ID, Base64.getDecoder().decode(Fixtures.CYBS_SECRET));
        body = Fixtures.SEED_BODY.getBytes(StandardCharsets.UTF_8);
        request = Fixtures.cybersourceRequest();
        check(answered.credit(request), CreditOutcome.PENDING_SETTLEMENT);
        check(refused.credit(request), CreditOutcome.NOT_SENT);
        check(answeredJwt.credit(request), CreditOutcome.PENDING_SETTLEMENT);
    }

    static void check(CreditResult result, CreditOutcome expected) {
        if (result.outcome() != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + result);
        }
    }

    @TearDown
    public void tearDown() {
        answered.close();
        refused.close();
        answeredJwt.close();
    }

    @Benchmark
    public CreditRequest buildRequest() {
        return Fixtures.cybersourceRequest();
    }

    @Benchmark
    public List<Header> sign() {
        return signer.headers("POST", Fixtures.CYBS_TEST_HOST, Fixtures.CREDITS_PATH, Instant.now(), body);
    }

    @Benchmark
    public String signJwt() {
        return jwtSigner.authorization("POST", Fixtures.CYBS_TEST_HOST, Fixtures.CREDITS_PATH, body, null);
    }

    @Benchmark
    public CreditResult creditPrebuiltJwt() {
        return answeredJwt.credit(request);
    }

    @Benchmark
    public CreditResult creditRequestSide() {
        return refused.credit(request);
    }

    @Benchmark
    public CreditResult creditPrebuilt() {
        return answered.credit(request);
    }

    @Benchmark
    public CreditResult buildAndCredit() {
        return answered.credit(Fixtures.cybersourceRequest());
    }
}
