package org.standalonecredit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.benchmarks.e2e.CreditClient;
import org.standalonecredit.benchmarks.e2e.FloorClient;
import org.standalonecredit.benchmarks.e2e.LibraryClient;
import org.standalonecredit.benchmarks.e2e.SdkClient;
import org.standalonecredit.benchmarks.micro.Gateways;
import org.standalonecredit.benchmarks.micro.InMemoryTransport;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * Quick checks that every benchmark measures what it says, each once: no timing, no figures asserted.
 * The benchmarks themselves run only from target/benchmarks.jar (RunAll).
 */
class SanityTest {
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
        for (CreditClient client : List.of(new LibraryClient(sim.baseUrl()), new FloorClient(sim.baseUrl()), new SdkClient(sim.baseUrl()))) {
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
