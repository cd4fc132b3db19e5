package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.RequestFacts;
import org.standalonecredit.simulator.ScriptDecision;
import org.standalonecredit.simulator.SimJson;

/**
 * The common path of Commerce Hub's state-changing requests (credits, refunds, cancels): parse, script
 * decision, {@code Client-Request-Id} replay check, processing, remembering the answer for replays, and
 * applying the scripted fault to what goes back.
 */
final class IdempotentFlow {

    /** Does the actual work; runs while the idempotency store is locked. */
    @FunctionalInterface
    interface Processor {
        Outcome process(ObjectNode body, String clientRequestId, ScriptDecision decision) throws CommerceHubRejection;
    }

    /**
     * @param answer   the answer the request earned (before any transport fault)
     * @param remember whether a replay of the same request must get this answer again
     */
    record Outcome(Reply answer, boolean remember) {
    }

    private final CommerceHubSimulator sim;
    private final IdempotencyStore idempotency;
    private final CommerceHubResponses responses;

    IdempotentFlow(CommerceHubSimulator sim, IdempotencyStore idempotency, CommerceHubResponses responses) {
        this.sim = sim;
        this.idempotency = idempotency;
        this.responses = responses;
    }

    Reply run(RecordedRequest request, Function<ObjectNode, RequestFacts> facts, Processor processor) {
        String clientRequestId = request.header("Client-Request-Id");
        ObjectNode body;
        try {
            body = SimJson.parseObject(request.body());
        } catch (SimJson.InvalidJsonException e) {
            return responses.errors(400, clientRequestId, List.of(CommerceHubError.malformedJson()));
        }
        ScriptDecision decision = sim.decide(facts.apply(body), Behaviour.APPROVE);
        if (decision.failsBeforeProcessing()) {
            return responses.forError(decision.behaviour(), clientRequestId);
        }
        Instant now = sim.clock().instant();
        byte[] bytes = request.body();
        String path = CommerceHubSimulator.route(request.pathWithoutQuery());
        Outcome outcome;
        synchronized (idempotency) {
            IdempotencyStore.Lookup lookup = idempotency.lookup(clientRequestId, path, bytes, now);
            if (lookup.kind() == IdempotencyStore.Kind.CONFLICT) {
                return responses.errors(400, clientRequestId, List.of(CommerceHubError.sameIdDifferentRequest()));
            }
            if (lookup.kind() == IdempotencyStore.Kind.REPLAY) {
                outcome = new Outcome(lookup.reply(), false);
            } else {
                try {
                    outcome = processor.process(body, clientRequestId, decision);
                } catch (CommerceHubRejection r) {
                    return responses.errors(400, clientRequestId, r.errors());
                }
                if (outcome.remember()) {
                    idempotency.remember(clientRequestId, path, bytes, outcome.answer(), now);
                }
            }
        }
        Reply reply = decision.behaviour().kind() == Behaviour.Kind.ERROR
                ? responses.forError(decision.behaviour(), clientRequestId) : outcome.answer();
        return reply.withFault(decision.behaviour(), decision.delay());
    }
}
