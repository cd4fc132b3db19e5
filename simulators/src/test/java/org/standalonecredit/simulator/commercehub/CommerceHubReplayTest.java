package org.standalonecredit.simulator.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.SimHttp;

/** Client-Request-Id idempotency (protocol notes §5.1). */
class CommerceHubReplayTest {
    static final String BODY = Bodies.commerceHubCard("25.00", "MTX-R");
    final MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"));
    final CommerceHubSimulator sim = CommerceHubSimulator.builder().clock(clock).start();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void sameIdAndBodyReplaysTheOriginalAnswer() throws Exception {
        HttpResponse<String> first = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-r", BODY);
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> second = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-r", BODY);
        assertEquals(201, first.statusCode());
        assertEquals(first.statusCode(), second.statusCode());
        assertEquals(first.body(), second.body(), "byte-identical original answer");
        assertEquals(1, sim.ledger().size());
        assertNotEquals(sim.journal().get(0).header("Timestamp"), sim.journal().get(1).header("Timestamp"),
                "the retry was freshly signed");
    }

    @Test
    void sameIdWithAnotherBodyIsRefused() throws Exception {
        SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-d", BODY);
        HttpResponse<String> other = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-d",
                Bodies.commerceHubCard("26.00", "MTX-R"));
        assertEquals(400, other.statusCode());
        assertEquals("136", SimHttp.json(other).at("/error/0/code").asText());
        HttpResponse<String> otherPath = SimHttp.commerceHub(sim, "/payments/v1/credits", "crid-d", BODY);
        assertEquals(400, otherPath.statusCode());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void afterTheWindowTheIdIsNew() throws Exception {
        HttpResponse<String> first = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-w", BODY);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        HttpResponse<String> later = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-w", BODY);
        assertEquals(201, later.statusCode());
        assertNotEquals(first.body(), later.body());
        assertEquals(2, sim.ledger().size());
    }

    @Test
    void replayWindowIsConfigurable() throws Exception {
        try (CommerceHubSimulator longer = CommerceHubSimulator.builder().clock(clock)
                .replayWindow(Duration.ofMinutes(30)).maxClockSkew(Duration.ofMinutes(5)).start()) {
            SimHttp.commerceHub(longer, "/payments/v1/refunds", "crid-l", BODY);
            clock.advance(Duration.ofMinutes(20));
            SimHttp.commerceHub(longer, "/payments/v1/refunds", "crid-l", BODY);
            assertEquals(1, longer.ledger().size());
        }
    }

    @Test
    void aLostAnswerIsRecoveredByReplayWithoutASecondCredit() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        assertThrows(IOException.class, () -> SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-lost", BODY));
        assertEquals(1, sim.ledger().size());
        HttpResponse<String> retry = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-lost", BODY);
        assertEquals(201, retry.statusCode());
        assertEquals(sim.ledger().entries().get(0).gatewayTransactionId(),
                SimHttp.json(retry).at("/gatewayResponse/transactionProcessingDetails/transactionId").asText());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void gatewayTimeoutThenReplayGivesTheApprovedAnswer() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        assertEquals(504, SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-504", BODY).statusCode());
        HttpResponse<String> retry = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-504", BODY);
        assertEquals(201, retry.statusCode());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void anUnprocessedFailureIsNotRemembered() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.SERVER_ERROR);
        assertEquals(500, SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-500", BODY).statusCode());
        assertEquals(0, sim.ledger().size());
        assertEquals(201, SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-500", BODY).statusCode());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aDeclineReplaysAsADecline() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.DECLINE);
        HttpResponse<String> first = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-dec", BODY);
        HttpResponse<String> second = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-dec", BODY);
        assertEquals(first.body(), second.body());
        assertEquals(0, sim.ledger().size());
    }
}
