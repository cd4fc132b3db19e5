package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.RequestFacts;
import org.standalonecredit.simulator.Router;
import org.standalonecredit.simulator.ScriptDecision;
import org.standalonecredit.simulator.SimJson;

/**
 * {@code GET /tss/v2/transactions/{id}} and {@code POST /tss/v2/searches}. Results are visible at once
 * (the real search index lags; scripts can simulate that with {@link Operation#LOOKUP} rules).
 */
final class LookupHandler {
    private final CybersourceSimulator sim;
    private final CreditStore store;
    private final CybersourceResponses responses;

    LookupHandler(CybersourceSimulator sim, CreditStore store, CybersourceResponses responses) {
        this.sim = sim;
        this.store = store;
        this.responses = responses;
    }

    Reply transaction(RecordedRequest request, Map<String, String> variables) {
        ScriptDecision decision = sim.decide(RequestFacts.of(Operation.LOOKUP, request.pathWithoutQuery()), Behaviour.APPROVE);
        if (decision.behaviour().kind() == Behaviour.Kind.ERROR) {
            return responses.forError(decision.behaviour());
        }
        Optional<StoredCredit> credit;
        Reply reply;
        synchronized (store) {
            credit = store.byId(variables.get("id"));
            reply = credit.map(responses::transaction)
                    .orElseGet(() -> responses.notFound("The requested resource does not exist"));
        }
        return reply.withFault(decision.behaviour(), decision.delay());
    }

    Reply search(RecordedRequest request, Map<String, String> variables) {
        ObjectNode body;
        try {
            body = SimJson.parseObject(request.body());
        } catch (SimJson.InvalidJsonException e) {
            return responses.malformed();
        }
        ScriptDecision decision = sim.decide(RequestFacts.of(Operation.LOOKUP, request.pathWithoutQuery()), Behaviour.APPROVE);
        if (decision.behaviour().kind() == Behaviour.Kind.ERROR) {
            return responses.forError(decision.behaviour());
        }
        String query = SimJson.textOrNull(body, "/query");
        if (query == null) {
            return responses.invalid(List.of(FieldError.missing("query")));
        }
        SearchQuery parsed;
        try {
            parsed = SearchQuery.parse(query);
        } catch (IllegalArgumentException e) {
            return responses.invalid(List.of(FieldError.invalid("query")));
        }
        int offset = intOr(body.path("offset"), 0);
        int limit = intOr(body.path("limit"), 100);
        if (offset < 0 || limit < 1 || limit > 2500) {
            return responses.invalid(List.of(FieldError.invalid(offset < 0 ? "offset" : "limit")));
        }
        Reply reply;
        synchronized (store) {
            List<StoredCredit> found = store.matching(parsed::matches);
            // newest first, as with the default sort submitTimeUtc:desc; ties keep reverse arrival order
            Collections.reverse(found);
            found.sort(Comparator.comparing((StoredCredit c) -> c.submitTime).reversed());
            reply = responses.search(body, found, offset, limit);
        }
        return reply.withFault(decision.behaviour(), decision.delay());
    }

    private static int intOr(JsonNode node, int fallback) {
        return node.canConvertToInt() && node.isIntegralNumber() ? node.asInt() : fallback;
    }
}
