package org.standalonecredit.simulator.cybersource;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.SimHttp;
import org.standalonecredit.simulator.SimJson;

/** Every scripted behaviour against a real HTTP client. */
@Timeout(60)
class CybersourceBehaviourTest {
    final MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"));
    final CybersourceSimulator sim = CybersourceSimulator.builder().clock(clock).start();

    @AfterEach
    void close() {
        sim.close();
    }

    HttpResponse<String> credit() throws Exception {
        return SimHttp.cybersourceCredit(sim, Bodies.CYBERSOURCE_VECTOR_BODY);
    }

    @Test
    void approveAnswersCompleted() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.APPROVE);
        HttpResponse<String> r = credit();
        assertEquals(201, r.statusCode());
        assertEquals("COMPLETED", SimHttp.json(r).get("status").asText());
        assertEquals(1, sim.ledger().size());
        assertEquals("PENDING", SimHttp.json(credit()).get("status").asText(), "rule used up: default again");
    }

    @Test
    void pendingIsTheDefault() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.PENDING);
        assertEquals("PENDING", SimHttp.json(credit()).get("status").asText());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void declineIsA201WithErrorInformationAndNoLedgerEntry() throws Exception {
        sim.script().whenAmount("10.00").respond(Behaviour.DECLINE);
        HttpResponse<String> r = credit();
        assertEquals(201, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("DECLINED", b.get("status").asText());
        assertEquals("INVALID_ACCOUNT", b.at("/errorInformation/reason").asText());
        assertEquals("Decline - Invalid account number", b.at("/errorInformation/message").asText());
        assertTrue(b.at("/_links/void").isMissingNode());
        assertEquals(0, sim.ledger().size());
        JsonNode details = SimHttp.json(SimHttp.cybersource(sim, "GET", "/tss/v2/transactions/" + b.get("id").asText(), null));
        assertEquals("DECLINED", details.get("status").asText());
        assertEquals("0", details.at("/applicationInformation/rCode").asText());
    }

    @Test
    void invalidRequestAuthFailureAndServerErrorRecordNothing() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.INVALID_REQUEST);
        sim.script().nextRequests(1).respond(Behaviour.AUTH_FAILURE);
        sim.script().nextRequests(1).respond(Behaviour.SERVER_ERROR);
        HttpResponse<String> invalid = credit();
        assertEquals(400, invalid.statusCode());
        assertEquals("INVALID_REQUEST", SimHttp.json(invalid).get("status").asText());
        HttpResponse<String> auth = credit();
        assertEquals(401, auth.statusCode());
        assertEquals("Authentication Failed", SimHttp.json(auth).at("/response/rmsg").asText());
        HttpResponse<String> server = credit();
        assertEquals(502, server.statusCode());
        JsonNode b = SimHttp.json(server);
        assertEquals("SERVER_ERROR", b.get("status").asText());
        assertEquals("SYSTEM_ERROR", b.get("reason").asText());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void gatewayTimeoutIs502ServerTimeoutButTheCreditHappened() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        HttpResponse<String> r = SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("4.00", "R", "TX-GT"));
        assertEquals(502, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("SERVER_ERROR", b.get("status").asText());
        assertEquals("SERVER_TIMEOUT", b.get("reason").asText());
        assertEquals(1, sim.ledger().size());
        // a blind retry is refused: the first attempt was processed
        HttpResponse<String> retry = SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("4.00", "R", "TX-GT"));
        assertEquals("DUPLICATE_REQUEST", SimHttp.json(retry).get("reason").asText());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void closeConnectionDropsTheSocketWithoutAResponse() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        IOException e = assertThrows(IOException.class, this::credit);
        assertFalse(e instanceof HttpTimeoutException, "a dropped connection, not a time-out: " + e);
        assertEquals(1, sim.journal().size(), "the client did not silently retry");
        assertEquals(1, sim.ledger().size(), "processed before the answer was lost");
    }

    @Test
    void closeConnectionBeforeProcessingRecordsNothing() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION).processed(false);
        String body = Bodies.cybersourceCard("4.00", "R", "TX-LOST");
        assertThrows(IOException.class, () -> SimHttp.cybersourceCredit(sim, body));
        assertEquals(0, sim.ledger().size());
        assertEquals(201, SimHttp.cybersourceCredit(sim, body).statusCode(), "never reached: the id is unused");
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void serverErrorCanBeMadeToProcess() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.SERVER_ERROR).processed(true);
        assertEquals(502, credit().statusCode());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void truncatedBodyFailsTheClientRead() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.TRUNCATED_BODY);
        IOException e = assertThrows(IOException.class, this::credit);
        assertFalse(e instanceof HttpTimeoutException, e.toString());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void malformedEmptyAndHtmlBodies() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.MALFORMED_BODY);
        sim.script().nextRequests(1).respond(Behaviour.EMPTY_BODY);
        sim.script().nextRequests(1).respond(Behaviour.HTML_BODY);
        HttpResponse<String> malformed = credit();
        assertEquals(201, malformed.statusCode());
        assertEquals("{\"id\":", malformed.body());
        assertThrows(Exception.class, () -> SimJson.MAPPER.readTree(malformed.body()));
        HttpResponse<String> empty = credit();
        assertEquals(201, empty.statusCode());
        assertEquals("", empty.body());
        HttpResponse<String> html = credit();
        assertEquals(502, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("<html>"));
        assertEquals(3, sim.ledger().size(), "all three were processed");
    }

    @Test
    void delayExceedsTheClientReadTimeoutAfterProcessing() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.DELAY).delay(Duration.ofMinutes(10));
        ExecutionException e = assertThrows(ExecutionException.class, () -> SimHttp.async(
                SimHttp.cybersourceRequest(sim, "POST", "/pts/v2/credits", Bodies.CYBERSOURCE_VECTOR_BODY,
                        Duration.ofSeconds(2))).get());
        assertInstanceOf(HttpTimeoutException.class, e.getCause());
        assertTrue(sim.ledger().awaitSize(1, SimHttp.GUARD));
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void delayedAnswerEventuallyArrives() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.DELAY).delay(Duration.ofMillis(50));
        HttpResponse<String> r = credit();
        assertEquals(201, r.statusCode());
        assertEquals("PENDING", SimHttp.json(r).get("status").asText());
    }

    @Test
    void delayDoesNotBlockOtherRequestsAndCloseInterruptsIt() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.DELAY).delay(Duration.ofHours(1));
        CompletableFuture<HttpResponse<String>> delayed = SimHttp.async(SimHttp.cybersourceRequest(sim, "POST",
                "/pts/v2/credits", Bodies.cybersourceCard("1.00", "SLOW", null), Duration.ofHours(2)));
        assertTrue(sim.ledger().awaitSize(1, SimHttp.GUARD));
        for (int i = 0; i < 20; i++) {
            assertEquals(201, credit().statusCode());
        }
        assertFalse(delayed.isDone());
        assertEquals(1, sim.pendingDelayedReplies());
        sim.close();
        ExecutionException e = assertThrows(ExecutionException.class, delayed::get);
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals(0, sim.pendingDelayedReplies());
    }

    @Test
    void rulesMatchByAmountAndReference() throws Exception {
        sim.script().whenAmount("13.13").respond(Behaviour.DECLINE);
        sim.script().whenReference("REF-ERR").respond(Behaviour.SERVER_ERROR);
        assertEquals("DECLINED", SimHttp.json(SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("13.130", "A", null)))
                .get("status").asText());
        assertEquals(502, SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("1.00", "REF-ERR", null)).statusCode());
        assertEquals(502, SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("2.00", "REF-ERR", null)).statusCode());
        assertEquals(201, SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("1.00", "REF-OK", null)).statusCode());
        assertEquals(1, sim.ledger().size());
        sim.script().reset();
        assertEquals("PENDING", SimHttp.json(SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("13.13", "A", null)))
                .get("status").asText());
    }

    @Test
    void declineOnAVoidMeansAnswerNormally() throws Exception {
        String id = SimHttp.json(credit()).get("id").asText();
        sim.script().always().on(Operation.VOID).respond(Behaviour.DECLINE);
        HttpResponse<String> r = SimHttp.cybersource(sim, "POST", "/pts/v2/credits/" + id + "/voids", "{}");
        assertEquals("VOIDED", SimHttp.json(r).get("status").asText());
        assertTrue(sim.ledger().find(id).orElseThrow().voided());
    }

    @Test
    void voidsCanFailAfterBeingApplied() throws Exception {
        String id = SimHttp.json(credit()).get("id").asText();
        sim.script().nextRequests(1).on(Operation.VOID).respond(Behaviour.CLOSE_CONNECTION);
        assertThrows(IOException.class, () -> SimHttp.cybersource(sim, "POST", "/pts/v2/credits/" + id + "/voids", "{}"));
        assertTrue(sim.ledger().find(id).orElseThrow().voided());
        HttpResponse<String> again = SimHttp.cybersource(sim, "POST", "/pts/v2/credits/" + id + "/voids", "{}");
        assertEquals("NOT_VOIDABLE", SimHttp.json(again).get("reason").asText());
    }

    @Test
    void rulesCanTargetLookups() throws Exception {
        String id = SimHttp.json(credit()).get("id").asText();
        sim.script().nextRequests(1).on(Operation.LOOKUP).respond(Behaviour.SERVER_ERROR);
        assertEquals(502, SimHttp.cybersource(sim, "GET", "/tss/v2/transactions/" + id, null).statusCode());
        assertEquals(200, SimHttp.cybersource(sim, "GET", "/tss/v2/transactions/" + id, null).statusCode());
    }

    @Test
    void magicAmountsAreOptIn() throws Exception {
        assertEquals("PENDING", SimHttp.json(SimHttp.cybersourceCredit(sim, Bodies.cybersourceCard("20.51", null, null)))
                .get("status").asText(), "off by default");
        try (CybersourceSimulator magic = CybersourceSimulator.builder().clock(clock).magicAmounts(true).start()) {
            assertEquals("DECLINED", SimHttp.json(SimHttp.cybersourceCredit(magic, Bodies.cybersourceCard("20.51", null, null)))
                .get("status").asText());
            assertEquals(502, SimHttp.cybersourceCredit(magic, Bodies.cybersourceCard("20.52", null, null)).statusCode());
            assertEquals(0, magic.ledger().size());
        }
    }

    @Test
    void scriptedFailuresDoNotSkipAuthentication() throws Exception {
        sim.script().always().respond(Behaviour.APPROVE);
        CybersourceSigner wrong = new CybersourceSigner("testmerchant", sim.keyId(),
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", clock);
        java.net.URI uri = java.net.URI.create(sim.baseUrl() + "/pts/v2/credits");
        byte[] body = Bodies.CYBERSOURCE_VECTOR_BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = SimHttp.CLIENT.send(wrong.sign("POST", uri, body)
                .applyTo(java.net.http.HttpRequest.newBuilder(uri))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        assertEquals(0, sim.script().rules().get(0).hits());
    }
}
