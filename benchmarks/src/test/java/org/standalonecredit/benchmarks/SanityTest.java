package org.standalonecredit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.benchmarks.e2e.CreditClient;
import org.standalonecredit.benchmarks.e2e.FloorClient;
import org.standalonecredit.benchmarks.e2e.HandWrittenClient;
import org.standalonecredit.benchmarks.e2e.LibraryClient;
import org.standalonecredit.benchmarks.e2e.LightStub;
import org.standalonecredit.benchmarks.e2e.SdkClient;
import org.standalonecredit.benchmarks.micro.Gateways;
import org.standalonecredit.benchmarks.micro.InMemoryTransport;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.tls.SelfSignedCertificate;

/**
 * Quick checks that every benchmark measures what it says, each once: no timing, no figures asserted.
 * The benchmarks themselves run only from target/benchmarks.jar (RunAll).
 */
class SanityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CybersourceSimulator sim;

    @BeforeAll
    static void start() {
        sim = CybersourceSimulator.builder().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void inMemoryGatewaysAnswerTheSeedResponsesAsSuccesses() {
        try (CreditGateway cybs = Gateways.create(Fixtures.cybersourceConfig(null), InMemoryTransport.answering(Fixtures.cybersourceSeedResponse()));
             CreditGateway ch = Gateways.create(Fixtures.commerceHubConfig(null), InMemoryTransport.answering(Fixtures.commerceHubSeedResponse()))) {
            assertEquals(CreditOutcome.PENDING_SETTLEMENT, cybs.credit(Fixtures.cybersourceRequest()).outcome());
            assertEquals(CreditOutcome.APPROVED, ch.credit(Fixtures.commerceHubRequest()).outcome());
        }
    }

    @Test
    void refusingTransportMeasuresTheRequestSideOnly() {
        try (CreditGateway cybs = Gateways.create(Fixtures.cybersourceConfig(null), InMemoryTransport.refusing());
             CreditGateway ch = Gateways.create(Fixtures.commerceHubConfig(null), InMemoryTransport.refusing())) {
            var result = cybs.credit(Fixtures.cybersourceRequest());
            assertEquals(CreditOutcome.NOT_SENT, result.outcome());
            assertEquals(1, result.attempts(), "no retry");
            assertEquals(CreditOutcome.NOT_SENT, ch.credit(Fixtures.commerceHubRequest()).outcome());
        }
    }

    @Test
    void theFloorPostsExactlyTheBytesTheLibrarySends() throws Exception {
        try (LibraryClient library = new LibraryClient(sim.baseUrl())) {
            library.newCaller().credit();
        }
        RecordedRequest sent = sim.journal().get(0);
        assertArrayEquals(Fixtures.SEED_BODY.getBytes(StandardCharsets.UTF_8), sent.body());
    }

    @Test
    void eachEndToEndClientMakesTheSeedCreditAcceptedByTheSimulator() throws Exception {
        for (CreditClient client : List.of(new LibraryClient(sim.baseUrl()), new HandWrittenClient(sim.baseUrl(), 4),
                new FloorClient(sim.baseUrl(), FloorClient.Authentication.HTTP_SIGNATURE), new SdkClient(sim.baseUrl()))) {
            try (client) {
                sim.reset();
                CreditClient.Caller caller = client.newCaller();
                caller.credit();
                caller.credit();
                assertEquals(2, sim.ledger().size(), client.name());
                assertEquals("10.00", sim.ledger().entries().get(0).amount().toPlainString(), client.name());
            }
        }
    }

    @Test
    void theHandWrittenClientSignsTheJwtTheSimulatorVerifiesWithTheLibrarysHeaderAndClaims() throws Exception {
        try (LibraryClient library = new LibraryClient(sim.baseUrl()); HandWrittenClient handWritten = new HandWrittenClient(sim.baseUrl(), 1)) {
            library.newCaller().credit();
            HandWrittenClient.Credit credit = handWritten.credit("10.00", "USD", "12345678", Fixtures.SEED_CUSTOMER_TOKEN);
            assertEquals(201, credit.httpStatus());
            assertEquals("PENDING", credit.status());
            assertNotNull(credit.id());
        }
        RecordedRequest byLibrary = sim.journal().get(0);
        RecordedRequest byHand = sim.journal().get(1);
        assertTrue(sim.authResult(byHand).orElseThrow().accepted(), () -> sim.authResult(byHand).toString());
        assertEquals(2, sim.ledger().size());
        for (String header : List.of("Signature", "Digest", "Date", "v-c-merchant-id")) {
            assertNull(byHand.header(header), header + " is for HTTP Signature only");
        }
        assertArrayEquals(byLibrary.body(), byHand.body(), "the same seed body");
        String[] library = bearer(byLibrary);
        String[] hand = bearer(byHand);
        assertEquals(decode(library[0]), decode(hand[0]), "JOSE header");
        ObjectNode libraryClaims = (ObjectNode) JSON.readTree(decode(library[1]));
        ObjectNode handClaims = (ObjectNode) JSON.readTree(decode(hand[1]));
        List<String> names = new ArrayList<>();
        libraryClaims.fieldNames().forEachRemaining(names::add);
        List<String> handNames = new ArrayList<>();
        handClaims.fieldNames().forEachRemaining(handNames::add);
        assertEquals(names, handNames, "the same claims in the same order");
        for (String same : List.of("digest", "digestAlgorithm", "request-method", "request-resource-path", "request-host", "iss",
                "v-c-jwt-version", "v-c-merchant-id")) {
            assertEquals(libraryClaims.get(same), handClaims.get(same), same);
        }
        assertEquals(120, handClaims.get("exp").asLong() - handClaims.get("iat").asLong());
        assertNotEquals(libraryClaims.get("jti"), handClaims.get("jti"));
    }

    @Test
    void theFloorsReusedJwtIsRefusedByTheSimulatorAsAReplayAndRenewedWhenOld() throws Exception {
        try (FloorClient reused = new FloorClient(sim.baseUrl(), FloorClient.Authentication.JWT)) {
            CreditClient.Caller caller = reused.newCaller();
            caller.credit();
            IllegalStateException replay = assertThrows(IllegalStateException.class, caller::credit);
            assertTrue(replay.getMessage().contains("HTTP 401"), replay.getMessage());
            assertEquals("jti replayed", sim.lastAuthResult().orElseThrow().reason());
        }
        sim.reset();
        try (FloorClient renewed = new FloorClient(sim.baseUrl(), FloorClient.Authentication.JWT, Duration.ZERO)) {
            CreditClient.Caller caller = renewed.newCaller();
            caller.credit();
            caller.credit();
            assertEquals(2, sim.ledger().size(), "a new token once the old one is older than the renewal period");
        }
    }

    @Test
    void theLightStubAnswersEveryClientTheSeedWithoutLookingAndCountsKeptAliveConnections() throws Exception {
        try (LightStub stub = LightStub.start(4, null)) {
            String url = "http://127.0.0.1:" + stub.port();
            // a secret the gateway would refuse: the stub does not look
            List<CreditClient> clients = List.of(new LibraryClient(url), new HandWrittenClient(url, 4),
                    new HandWrittenClient(url, 4, "someone", "another-key", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="),
                    new FloorClient(url, FloorClient.Authentication.JWT), new SdkClient(url));
            for (CreditClient client : clients) {
                try (client) {
                    CreditClient.Caller caller = client.newCaller();
                    caller.credit();
                    caller.credit();
                    assertArrayEquals(new long[] {2, 1}, stub.drain(), client.name() + ": two credits on one kept-alive connection");
                }
            }
        }
    }

    @Test
    void theLightStubSpeaksTls13OnlyWithTheRunsCertificate(@TempDir Path dir) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(dir, "ip:127.0.0.1");
        SSLContext trusting = certificate.clientContextTrustingIt();
        try (LightStub stub = LightStub.start(2, certificate.serverContext())) {
            try (SSLSocket old = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", stub.port())) {
                old.setEnabledProtocols(new String[] {"TLSv1.2"});
                assertThrows(SSLException.class, old::startHandshake);
            }
            PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                    .setTlsSocketStrategy(new DefaultClientTlsStrategy(trusting)).build();
            try (CloseableHttpClient http = HttpClients.custom().setConnectionManager(pool).build()) {
                for (int i = 0; i < 2; i++) {
                    HttpPost post = new HttpPost("https://127.0.0.1:" + stub.port() + Fixtures.CREDITS_PATH);
                    post.setEntity(new StringEntity(Fixtures.SEED_BODY, ContentType.APPLICATION_JSON));
                    String[] answer = http.execute(post, r -> new String[] {Integer.toString(r.getCode()),
                            EntityUtils.toString(r.getEntity()), r.getFirstHeader("Content-Type").getValue()});
                    assertEquals("201", answer[0]);
                    assertEquals(new String(Fixtures.cybersourceSeedResponse().body(), StandardCharsets.UTF_8), answer[1]);
                    assertEquals("application/hal+json", answer[2]);
                }
            }
            assertArrayEquals(new long[] {2, 1}, stub.drain(), "two requests on one kept-alive connection");
        }
    }

    private static String[] bearer(RecordedRequest request) {
        String authorization = request.header("Authorization");
        assertTrue(authorization.startsWith("Bearer "), authorization);
        return authorization.substring(7).split("\\.");
    }

    private static String decode(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    @Test
    void theSdkSignsForTheTestHostAndTheSimulatorVerifiesTheHostItReceives() throws Exception {
        try (SdkClient sdk = new SdkClient(sim.baseUrl())) {
            sdk.newCaller().credit();
        }
        RecordedRequest sent = sim.journal().get(0);
        assertEquals(Fixtures.CYBS_TEST_HOST, sent.header("Host"));
        assertTrue(sent.header("Signature").contains("headers=\"host date request-target digest v-c-merchant-id\""));
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void jmhAnnotationProcessingProducedTheBenchmarkList() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertNotNull(in, "META-INF/BenchmarkList");
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(list.contains("CybersourceCreditBenchmark"), list);
            assertTrue(list.contains("CommerceHubCreditBenchmark"), list);
        }
    }
}
