package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.RequestFacts;
import org.standalonecredit.simulator.Router;
import org.standalonecredit.simulator.ScriptDecision;
import org.standalonecredit.simulator.SimJson;

/**
 * {@code POST /security/v1/keys/generate}: 201 with {@code asymmetricKeyDetails} carrying the simulator's
 * RSA public key (base64 X.509 SubjectPublicKeyInfo DER) and key id. The same key is returned on every call.
 */
final class KeyHandler implements Router.Handler {
    private final CommerceHubSimulator sim;
    private final CommerceHubResponses responses;

    KeyHandler(CommerceHubSimulator sim, CommerceHubResponses responses) {
        this.sim = sim;
        this.responses = responses;
    }

    @Override
    public Reply handle(RecordedRequest request, Map<String, String> variables) {
        String clientRequestId = request.header("Client-Request-Id");
        ObjectNode body;
        try {
            body = SimJson.parseObject(request.body());
        } catch (SimJson.InvalidJsonException e) {
            return responses.errors(400, clientRequestId, List.of(CommerceHubError.malformedJson()));
        }
        ScriptDecision decision = sim.decide(RequestFacts.of(Operation.KEY_MANAGEMENT, request.pathWithoutQuery()),
                Behaviour.APPROVE);
        if (decision.behaviour().kind() == Behaviour.Kind.ERROR) {
            return responses.forError(decision.behaviour(), clientRequestId);
        }
        if (SimJson.textOrNull(body, "/merchantDetails/merchantId") == null) {
            return responses.errors(400, clientRequestId, List.of(CommerceHubError.missingOrInvalid("merchantDetails.merchantId")));
        }
        return responses.key(sim.encryptionKey(), clientRequestId).withFault(decision.behaviour(), decision.delay());
    }
}
