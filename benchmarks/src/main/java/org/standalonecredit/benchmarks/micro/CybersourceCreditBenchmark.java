package org.standalonecredit.benchmarks.micro;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
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
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.benchmarks.Fixtures;
import org.standalonecredit.cybersource.CybersourceSigner;
import org.standalonecredit.cybersource.jose.Jwe;
import org.standalonecredit.cybersource.jose.JwtSigner;
import org.standalonecredit.cybersource.jose.MleBodies;
import org.standalonecredit.simulator.cybersource.JwtMleKeys;

/**
 * Client-side cost of one Cybersource credit, no network, through public API only:
 * <ul>
 *   <li>{@code buildRequest}: build and validate the neutral request (seed 000; new idempotency key);</li>
 *   <li>{@code sign}: Date, Digest and HTTP Signature over the seed body ({@link CybersourceSigner});</li>
 *   <li>{@code signJwt}: the same request's Bearer JWT (HS256, v2 claims, digest of the body) ({@link JwtSigner});</li>
 *   <li>{@code signJwtP12}: the same JWT signed RS256 with the P12 key ({@code authentication=jwt-p12});</li>
 *   <li>{@code mleEncryptRequest} / {@code mleDecryptResponse}: one request-MLE JWE (RSA-OAEP-256 + A256GCM) of
 *       the seed body, and opening one encrypted seed answer with the merchant's response key;</li>
 *   <li>{@code creditPrebuiltHttpSignature}, {@code creditPrebuiltJwtMle}: {@code creditPrebuilt} with
 *       {@code authentication=http-signature}, and with JWT + request and response MLE (the answer arrives
 *       encrypted);</li>
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
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REQUEST_KID = JwtMleKeys.kidOf(JwtMleKeys.requestMleCertificate());
    private static final PrivateKey RESPONSE_KEY = JwtMleKeys.responseMlePrivateKey();
    private CreditGateway answered;
    private CreditGateway refused;
    private CreditGateway answeredHttpSignature;
    private CreditGateway answeredJwtMle;
    private JwtSigner jwtSigner;
    private JwtSigner p12Signer;
    private byte[] encryptedAnswer;
    private CybersourceSigner signer;
    private byte[] body;
    private CreditRequest request;

    @Setup
    public void setUp() {
        answered = Gateways.create(Fixtures.cybersourceConfig(null), InMemoryTransport.answering(Fixtures.cybersourceSeedResponse()));
        refused = Gateways.create(Fixtures.cybersourceConfig(null), InMemoryTransport.refusing());
        Map<String, String> httpSignature = new HashMap<>(Fixtures.cybersourceConfig(null));
        httpSignature.put("credit.cybersource.authentication", "http-signature");
        answeredHttpSignature = Gateways.create(httpSignature, InMemoryTransport.answering(Fixtures.cybersourceSeedResponse()));
        InboundResponse seed = Fixtures.cybersourceSeedResponse();
        String answerJwe = Jwe.encrypt(seed.body(), JwtMleKeys.responseMleCertificate(), JwtMleKeys.kidOf(JwtMleKeys.responseMleCertificate()),
                Instant.now(), RANDOM);
        encryptedAnswer = ("{\"encryptedResponse\":\"" + answerJwe + "\"}").getBytes(StandardCharsets.US_ASCII);
        answeredJwtMle = Gateways.create(mleConfig(), InMemoryTransport.answering(new InboundResponse(seed.status(), seed.headers(), encryptedAnswer)));
        jwtSigner = JwtSigner.sharedSecret(Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_KEY_ID, Fixtures.CYBS_SECRET,
                Clock.systemUTC(), JwtSigner.randomJwtIds());
        p12Signer = JwtSigner.rsa(Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_MERCHANT_ID, JwtMleKeys.jwtPrivateKey(), JwtMleKeys.jwtCertificate(),
                Clock.systemUTC(), JwtSigner.randomJwtIds());
        signer = new CybersourceSigner(Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_KEY_ID, Base64.getDecoder().decode(Fixtures.CYBS_SECRET));
        body = Fixtures.SEED_BODY.getBytes(StandardCharsets.UTF_8);
        request = Fixtures.cybersourceRequest();
        check(answered.credit(request), CreditOutcome.PENDING_SETTLEMENT);
        check(refused.credit(request), CreditOutcome.NOT_SENT);
        check(answeredHttpSignature.credit(request), CreditOutcome.PENDING_SETTLEMENT);
        check(answeredJwtMle.credit(request), CreditOutcome.PENDING_SETTLEMENT);
    }

    private static Map<String, String> mleConfig() {
        Map<String, String> config = new HashMap<>(Fixtures.cybersourceConfig(null));
        config.put("credit.cybersource.mle.request", "true");
        config.put("credit.cybersource.mle.certificate", JwtMleKeys.requestMleCertificatePem());
        config.put("credit.cybersource.mle.response", "true");
        config.put("credit.cybersource.mle.response-key", JwtMleKeys.responseMlePrivateKeyPem());
        config.put("credit.cybersource.mle.response-key-id", JwtMleKeys.kidOf(JwtMleKeys.responseMleCertificate()));
        return config;
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
        answeredHttpSignature.close();
        answeredJwtMle.close();
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
    public String signJwtP12() {
        return p12Signer.authorization("POST", Fixtures.CYBS_TEST_HOST, Fixtures.CREDITS_PATH, body, null);
    }

    @Benchmark
    public byte[] mleEncryptRequest() {
        return MleBodies.wrapRequest(Jwe.encrypt(body, JwtMleKeys.requestMleCertificate(), REQUEST_KID, Instant.now(), RANDOM));
    }

    @Benchmark
    public byte[] mleDecryptResponse() {
        return MleBodies.decryptResponse(encryptedAnswer, RESPONSE_KEY);
    }

    @Benchmark
    public CreditResult creditPrebuiltHttpSignature() {
        return answeredHttpSignature.credit(request);
    }

    @Benchmark
    public CreditResult creditPrebuiltJwtMle() {
        return answeredJwtMle.credit(request);
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
