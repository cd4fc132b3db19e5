package org.standalonecredit.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.standalonecredit.kit.signing.HmacSha256;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.PaymentSourceSummary;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.RequestFacts;
import org.standalonecredit.simulator.Router;
import org.standalonecredit.simulator.ScriptDecision;
import org.standalonecredit.simulator.SimJson;
import org.standalonecredit.simulator.SimulatorBuilder;
import org.standalonecredit.simulator.SimulatorSettings;

/**
 * A local ExamplePay on the public simulator base, as strict as the real gateway would be: it checks the
 * {@code Api-Key} and the body's HMAC {@code Signature}, requires an {@code Idempotency-Key}, answers a repeated
 * key with the first answer (crediting once) and a reused key with another body with 422, and keeps a ledger of
 * the credits it made. Scripted behaviours ({@code script()}) and magic amounts apply to credits.
 */
public final class ExampleSimulator extends GatewaySimulator {
    public static final String DEFAULT_API_KEY = "example-api-key-0001";
    /** Not a real secret. */
    public static final String DEFAULT_API_SECRET = "example-api-secret-fedcba9876543210";
    private static final String JSON = "application/json";

    private final String apiKey;
    private final HmacSha256 hmac;
    private final Router router = new Router();
    /** Answers by Idempotency-Key, with the body they answered; guarded by itself. */
    private final Map<String, Remembered> answered = new HashMap<>();

    private record Remembered(byte[] body, Reply answer) {
    }

    private ExampleSimulator(Builder b, SimulatorSettings settings) {
        super("examplepay", settings);
        this.apiKey = b.apiKey;
        this.hmac = new HmacSha256(b.apiSecret.getBytes(StandardCharsets.UTF_8));
        router.add("POST", "/v1/credits", Operation.CREDIT, (request, variables) -> credit(request));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ExampleSimulator start() {
        super.start();
        return this;
    }

    @Override
    public boolean isCreditRequest(RecordedRequest request) {
        return router.operationOf(request.method(), request.pathWithoutQuery()).orElse(null) == Operation.CREDIT;
    }

    @Override
    protected Reply handle(RecordedRequest request) {
        var match = router.match(request.method(), request.pathWithoutQuery());
        if (match.isEmpty()) {
            return error(404, "not_found", "no such resource");
        }
        if (!authentic(request)) {
            return error(401, "unauthorized", "bad api key or signature");
        }
        return match.get().route().handler().handle(request, match.get().variables());
    }

    private boolean authentic(RecordedRequest request) {
        String signature = request.header("Signature");
        if (!apiKey.equals(request.header("Api-Key")) || signature == null) {
            return false;
        }
        byte[] expected = Base64.getEncoder().encode(hmac.sign(request.body()));
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private Reply credit(RecordedRequest request) {
        String key = request.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return error(400, "missing_idempotency_key", "Idempotency-Key is required");
        }
        ObjectNode body;
        try {
            body = SimJson.parseObject(request.body());
        } catch (SimJson.InvalidJsonException e) {
            return error(400, "invalid_json", "the body is not a JSON object");
        }
        BigDecimal amount = RequestFacts.parseAmount(SimJson.textOrNull(body, "/amount/value"));
        String currency = SimJson.textOrNull(body, "/amount/currency");
        String reference = SimJson.textOrNull(body, "/reference");
        ScriptDecision decision = decide(new RequestFacts(Operation.CREDIT, request.pathWithoutQuery(), amount, currency, reference, key),
                Behaviour.APPROVE);
        if (decision.failsBeforeProcessing()) {
            return errorFor(decision.behaviour());
        }
        Reply answer;
        synchronized (answered) {
            Remembered before = answered.get(key);
            if (before != null) {
                if (!Arrays.equals(before.body(), request.body())) {
                    return error(422, "idempotency_conflict", "this Idempotency-Key was used for another request");
                }
                answer = before.answer();
            } else {
                String card = SimJson.textOrNull(body, "/card/number");
                if (amount == null || amount.signum() <= 0 || currency == null || card == null) {
                    return error(400, "invalid_request", "amount.value, amount.currency and card.number are required");
                }
                answer = process(decision, body, key, amount, currency, reference, card);
                if (answer.status() == 201) {
                    answered.put(key, new Remembered(request.body(), answer));
                }
            }
        }
        Reply reply = decision.behaviour().kind() == Behaviour.Kind.ERROR ? errorFor(decision.behaviour()) : answer;
        return reply.withFault(decision.behaviour(), decision.delay());
    }

    private Reply process(ScriptDecision decision, JsonNode body, String key, BigDecimal amount, String currency,
                          String reference, String card) {
        Behaviour behaviour = decision.behaviour();
        if (!decision.processed() && behaviour.kind() == Behaviour.Kind.TRANSPORT) {
            return error(500, "server_error", "not processed");
        }
        String id = "ex_" + ids().digits(22); // longer than a card number: masking leaves it whole, as for Cybersource ids
        String status = behaviour == Behaviour.DECLINE ? "declined" : behaviour == Behaviour.PENDING ? "pending" : "approved";
        BigDecimal echoed = decision.echoSkew() == null ? amount : amount.add(decision.echoSkew());
        ObjectNode answer = SimJson.object().put("id", id).put("status", status);
        answer.putObject("amount").put("value", echoed.toPlainString()).put("currency", currency);
        if (decision.processed()) {
            ledger().record(new LedgerEntry(gateway(), id, amount, currency, reference, key, apiKey,
                    PaymentSourceSummary.card(card, SimJson.textOrNull(body, "/card/expiryMonth"),
                            SimJson.textOrNull(body, "/card/expiryYear"), false), clock().instant(), false));
        }
        return Reply.json(201, JSON, answer);
    }

    private static Reply errorFor(Behaviour behaviour) {
        return switch (behaviour) {
            case INVALID_REQUEST -> error(400, "invalid_request", "the request is invalid");
            case AUTH_FAILURE -> error(401, "unauthorized", "bad api key or signature");
            case GATEWAY_TIMEOUT -> error(504, "gateway_timeout", "the processor did not answer in time");
            default -> error(500, "server_error", "internal error");
        };
    }

    private static Reply error(int status, String code, String message) {
        ObjectNode body = SimJson.object();
        body.putObject("error").put("code", code).put("message", message);
        return Reply.json(status, JSON, body);
    }

    @Override
    protected void resetState() {
        synchronized (answered) {
            answered.clear();
        }
    }

    /** Builder; defaults are {@link #DEFAULT_API_KEY} and {@link #DEFAULT_API_SECRET}. */
    public static final class Builder extends SimulatorBuilder<Builder, ExampleSimulator> {
        private String apiKey = DEFAULT_API_KEY;
        private String apiSecret = DEFAULT_API_SECRET;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey);
            return this;
        }

        public Builder apiSecret(String apiSecret) {
            this.apiSecret = Objects.requireNonNull(apiSecret);
            return this;
        }

        @Override
        public ExampleSimulator build() {
            return new ExampleSimulator(this, settings());
        }
    }
}
