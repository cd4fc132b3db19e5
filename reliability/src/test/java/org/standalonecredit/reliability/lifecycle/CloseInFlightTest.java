package org.standalonecredit.reliability.lifecycle;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.GatewayClosedException;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.testkit.reliability.support.Journal;
import org.standalonecredit.testkit.reliability.support.OpenGateway;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * {@code close()} while credits are in flight, from another thread, in every provider. The gateway answers
 * every credit late; the close grace (the deadline) ends while Commerce Hub's re-sends are still under way,
 * so the transport is shut under them. Every credit must still end with a result, never an exception, and
 * every credit the gateway made must be a success or UNKNOWN to its caller; after close, nothing is sent.
 */
class CloseInFlightTest {
    private static final int CREDITS = 16;
    /** A re-send starts after the first attempt's response timeout, still inside the deadline, and runs past it. */
    private static final Map<String, String> TIMING = Map.of(
            "credit.http.connect-timeout", "1s",
            "credit.http.response-timeout", "1s",
            "credit.http.deadline", "1200ms",
            "credit.retry.backoff", "50ms");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void everyCreditInFlightEndsWithAResultAndNoneIsHidden(ProviderUnderTest provider) throws Exception {
        try (GatewaySimulator sim = provider.startSimulator()) {
            sim.script().always().respond(Behaviour.DELAY).delay(Duration.ofSeconds(5));
            Map<String, String> config = provider.configuration(sim.baseUrl());
            config.putAll(TIMING);
            List<CreditRequest> requests = new ArrayList<>();
            List<Future<Object>> calls = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(CREDITS);
            OpenGateway open = OpenGateway.open(config, CreditListener.NONE, Sleeper.REAL);
            CreditGateway gateway = open.gateway();
            try {
                for (int i = 0; i < CREDITS; i++) {
                    CreditRequest request = provider.request("10.00", "C" + i);
                    requests.add(request);
                    calls.add(callers.submit(() -> {
                        try {
                            return gateway.credit(request);
                        } catch (RuntimeException e) {
                            return e;
                        }
                    }));
                }
                awaitRequests(sim, CREDITS);
                gateway.close();

                assertThrows(GatewayClosedException.class, () -> gateway.credit(provider.request("10.00", "AFTER")));
                int receivedAtClose = Journal.credits(sim).size();
                List<CreditResult> results = new ArrayList<>();
                for (Future<Object> call : calls) {
                    Object got = call.get(30, TimeUnit.SECONDS);
                    if (!(got instanceof CreditResult r)) {
                        throw new AssertionError("credit() threw for a credit in flight: " + got, (Throwable) got);
                    }
                    results.add(r);
                }
                assertAll(provider + " after close in flight",
                        () -> assertEquals(receivedAtClose, Journal.credits(sim).size(), "nothing was sent after close() returned"),
                        () -> assertTrue(Journal.credits(sim).stream().noneMatch(r -> r.bodyAsString().contains("AFTER")),
                                "the credit refused after close never reached the gateway"),
                        () -> assertEquals(CREDITS, sim.ledger().size(), "the gateway made every credit it received"),
                        () -> {
                            for (int i = 0; i < CREDITS; i++) {
                                CreditResult r = results.get(i);
                                assertTrue(r.outcome().isSuccess() || r.outcome() == CreditOutcome.UNKNOWN,
                                        "credit " + i + " was made by the gateway, but its caller got " + r);
                                assertEquals(requests.get(i).idempotencyKey(), r.idempotencyKey());
                            }
                        },
                        () -> assertEquals(0, open.leasedConnections(), "connections still leased after close"));
            } finally {
                callers.shutdownNow();
                open.close();
            }
        }
    }

    /** Waits, bounded, until the simulator has received {@code n} requests (all credits here). */
    private static void awaitRequests(GatewaySimulator sim, int n) throws InterruptedException {
        assertTrue(sim.journal().awaitSize(n, java.time.Duration.ofSeconds(20)), "every credit reached the gateway before close");
        assertEquals(n, Journal.credits(sim).size(), "the requests the gateway received are the credits");
    }
}
