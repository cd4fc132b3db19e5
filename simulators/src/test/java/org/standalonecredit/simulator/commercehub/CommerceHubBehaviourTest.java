package org.standalonecredit.simulator.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.SimHttp;

/** Every scripted behaviour against a real HTTP client. */
@Timeout(60)
class CommerceHubBehaviourTest {
    final MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"));
    final CommerceHubSimulator sim = CommerceHubSimulator.builder().clock(clock).start();
    final AtomicInteger ids = new AtomicInteger();

    @AfterEach
    void close() {
        sim.close();
    }

    HttpResponse<String> credit() throws Exception {
        return SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-" + ids.incrementAndGet(), Bodies.COMMERCE_HUB_VECTOR_BODY);
    }

    @Test
    void approveAndPending() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.PENDING);
        JsonNode pending = SimHttp.json(credit());
        assertEquals("PENDING", pending.at("/gatewayResponse/transactionState").asText());
        assertEquals("WAITING", pending.at("/paymentReceipt/processorResponseDetails/approvalStatus").asText());
        JsonNode approved = SimHttp.json(credit());
        assertEquals("AUTHORIZED", approved.at("/gatewayResponse/transactionState").asText());
        assertEquals(2, sim.ledger().size());
    }

    @Test
    void declineIs201Declined() throws Exception {
        sim.script().whenAmount("12.04").respond(Behaviour.DECLINE);
        HttpResponse<String> r = credit();
        assertEquals(201, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("DECLINED", b.at("/gatewayResponse/transactionState").asText());
        JsonNode proc = b.at("/paymentReceipt/processorResponseDetails");
        assertEquals("DECLINED", proc.get("approvalStatus").asText());
        assertEquals("007", proc.get("responseCode").asText());
        assertEquals("Declined: Do Not Honor", proc.get("responseMessage").asText());
        assertTrue(b.at("/paymentReceipt/approvedAmount").isMissingNode());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void errorAnswers() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.INVALID_REQUEST);
        sim.script().nextRequests(1).respond(Behaviour.AUTH_FAILURE);
        sim.script().nextRequests(1).respond(Behaviour.SERVER_ERROR);
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        HttpResponse<String> invalid = credit();
        assertEquals(400, invalid.statusCode());
        assertEquals("GATEWAY", SimHttp.json(invalid).at("/error/0/type").asText());
        HttpResponse<String> auth = credit();
        assertEquals(401, auth.statusCode());
        assertEquals("APIM", SimHttp.json(auth).at("/error/0/type").asText());
        HttpResponse<String> server = credit();
        assertEquals(500, server.statusCode());
        assertEquals("705", SimHttp.json(server).at("/gatewayResponse/error/0/code").asText());
        assertEquals(0, sim.ledger().size());
        HttpResponse<String> timeout = credit();
        assertEquals(504, timeout.statusCode());
        JsonNode b = SimHttp.json(timeout);
        assertEquals("704", b.at("/gatewayResponse/error/0/code").asText());
        assertTrue(b.at("/gatewayResponse/transactionProcessingDetails/clientRequestId").isTextual());
        assertEquals(1, sim.ledger().size(), "a gateway time-out leaves the credit done");
    }

    @Test
    void transportFaults() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        sim.script().nextRequests(1).respond(Behaviour.TRUNCATED_BODY);
        sim.script().nextRequests(1).respond(Behaviour.MALFORMED_BODY);
        sim.script().nextRequests(1).respond(Behaviour.EMPTY_BODY);
        sim.script().nextRequests(1).respond(Behaviour.HTML_BODY);
        IOException closed = assertThrows(IOException.class, this::credit);
        assertFalse(closed instanceof HttpTimeoutException);
        IOException truncated = assertThrows(IOException.class, this::credit);
        assertFalse(truncated instanceof HttpTimeoutException);
        HttpResponse<String> malformed = credit();
        assertEquals(201, malformed.statusCode());
        assertEquals("{\"id\":", malformed.body());
        HttpResponse<String> empty = credit();
        assertEquals(201, empty.statusCode());
        assertEquals("", empty.body());
        HttpResponse<String> html = credit();
        assertEquals(502, html.statusCode());
        assertTrue(html.body().startsWith("<html>"));
        assertEquals(5, sim.ledger().size());
        assertEquals(5, sim.journal().size());
    }

    @Test
    void delayExceedsReadTimeoutAndReplayRecovers() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.DELAY).delay(Duration.ofMinutes(10));
        String body = Bodies.commerceHubCard("3.00", "MTX-DELAY");
        ExecutionException e = assertThrows(ExecutionException.class, () -> SimHttp.async(
                SimHttp.commerceHubRequest(sim, "/payments/v1/refunds", "crid-delay", body, Duration.ofSeconds(2))).get());
        assertInstanceOf(HttpTimeoutException.class, e.getCause());
        assertTrue(sim.ledger().awaitSize(1, SimHttp.GUARD));
        HttpResponse<String> replay = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-delay", body);
        assertEquals(201, replay.statusCode(), "replayed while the first answer is still delayed");
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void lookupRulesAndProcessedOverride() throws Exception {
        sim.script().nextRequests(1).on(Operation.LOOKUP).respond(Behaviour.GATEWAY_TIMEOUT);
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/transaction-inquiry", "crid-l",
                "{\"referenceTransactionDetails\":{\"referenceClientRequestId\":\"x\"}}");
        assertEquals(504, r.statusCode());
        sim.script().nextRequests(1).respond(Behaviour.EMPTY_BODY).processed(false);
        HttpResponse<String> lost = credit();
        assertEquals(201, lost.statusCode());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void magicAmountAppliesToCommerceHubToo() throws Exception {
        try (CommerceHubSimulator magic = CommerceHubSimulator.builder().clock(clock).magicAmounts(true).start()) {
            HttpResponse<String> r = SimHttp.commerceHub(magic, "/payments/v1/refunds", "crid-magic",
                    Bodies.commerceHubCard("7.51", null));
            assertEquals("DECLINED", SimHttp.json(r).at("/gatewayResponse/transactionState").asText());
            r = SimHttp.commerceHub(magic, "/payments/v1/refunds", "crid-magic-2", Bodies.commerceHubCard("7.53", null));
            assertEquals(504, r.statusCode());
            assertEquals(1, magic.ledger().size());
        }
    }
}
