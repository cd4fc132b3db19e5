package org.standalonecredit.testkit.conformance.minihub;

import org.standalonecredit.kit.json.JsonMasking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.kit.AbstractCreditGateway;
import org.standalonecredit.kit.AttemptLoop;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.kit.GatewayExchange;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.simulator.commercehub.CommerceHubSigner;

/**
 * A deliberately small provider for the Commerce Hub simulator, used to prove the conformance suite
 * itself: it passes as written, and {@code credit.mini-hub.flaw} injects the faults the suite must
 * catch ({@code wrong-scale}, {@code leak-pan}, {@code double-credit}).
 */
public class MiniHubProvider implements CreditProvider {
    static final ProviderCapabilities CAPABILITIES = new ProviderCapabilities(EnumSet.of(SourceKind.CARD), EnumSet.noneOf(FollowUp.class));

    @Override
    public String id() {
        return "mini-hub";
    }

    @Override
    public String displayName() {
        return "Mini Commerce Hub (testkit self-test)";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public MiniHubGateway create(ProviderContext context) {
        String baseUrl = context.settings().baseUrl("base-url").orElse(null);
        String apiKey = context.settings().required("api-key");
        Secret secret = context.settings().secret("api-secret");
        String flaw = context.settings().oneOf("flaw", List.of("none", "wrong-scale", "leak-pan", "double-credit"), "none");
        context.settings().throwIfInvalid();
        return new MiniHubGateway(context, baseUrl, apiKey, secret, flaw);
    }

    static final class MiniHubGateway extends AbstractCreditGateway {
        private static final ObjectMapper JSON = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        private final ProviderContext context;
        private final String baseUrl;
        private final String apiKey;
        private final Secret secret;
        private final String flaw;
        private final HttpTransport transport;
        private final GatewayExchange exchange;

        MiniHubGateway(ProviderContext context, String baseUrl, String apiKey, Secret secret, String flaw) {
            super("mini-hub", CAPABILITIES);
            this.context = context;
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
            this.secret = secret;
            this.flaw = flaw;
            this.transport = context.newTransport();
            this.exchange = GatewayExchange.of(context, transport);
        }

        @Override
        protected CreditResult sendCredit(CreditRequest request) {
            PaymentSource.Card card = (PaymentSource.Card) request.source();
            ObjectNode body = JSON.createObjectNode();
            BigDecimal total = flaw.equals("wrong-scale") ? request.amount().amount().setScale(4) : request.amount().amount();
            body.putObject("amount").put("total", total).put("currency", request.amount().currencyCode());
            ObjectNode c = body.putObject("source").put("sourceType", "PaymentCard").putObject("card");
            c.put("cardData", card.number()).put("expirationMonth", card.expiry().twoDigitMonth()).put("expirationYear", card.expiry().fourDigitYear());
            card.securityCode().ifPresent(code -> c.put("securityCode", code).put("securityCodeIndicator", "PROVIDED"));
            body.putObject("merchantDetails").put("merchantId", "100008000003683").put("terminalId", "10000001");
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            if (flaw.equals("leak-pan")) {
                LoggerFactory.getLogger(MiniHubGateway.class).warn("crediting card {}", card.number());
            }
            String stableId = UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8)).toString();
            CommerceHubSigner signer = new CommerceHubSigner(apiKey, secret.reveal(), Clock.systemUTC());
            AttemptLoop loop = new AttemptLoop(exchange, context.retryPolicy(), context.sleeper(), context.transportSettings().deadline());
            AttemptLoop.Outcome outcome = loop.run("credit", request.idempotencyKey(), () -> {
                String id = flaw.equals("double-credit") ? UUID.randomUUID().toString() : stableId;
                List<Header> headers = new ArrayList<>();
                headers.add(new Header("Content-Type", "application/json"));
                signer.sign(id, bytes).headers().forEach((k, v) -> headers.add(new Header(k, v)));
                return new OutboundRequest("POST", URI.create(baseUrl + "/payments/v1/credits"), headers, bytes);
            }, true, r -> r.status() >= 500 || r.status() == 408);
            String advice = "inquire by client request id " + stableId;
            CreditResult mapped = outcome.last().answered()
                    ? map(request, outcome.last().response(), outcome.attempts(), stableId)
                    : noAnswer(request, outcome.last().failure(), outcome.attempts(), advice);
            return settle(request, outcome, mapped, stableId, advice);
        }

        private CreditResult map(CreditRequest request, InboundResponse response, int attempts, String clientRequestId) {
            CreditResult.Builder b = resultFor(request).attempts(attempts).httpStatus(response.status())
                    .maskedResponseBody(JsonMasking.maskBody(response.body()));
            int status = response.status();
            JsonNode root;
            try {
                root = JSON.readTree(response.body());
            } catch (java.io.IOException e) {
                root = null;
            }
            if (status >= 500 || status == 408 || root == null || !root.isObject()) {
                return b.outcome(CreditOutcome.UNKNOWN, root == null ? OutcomeDetail.UNREADABLE_RESPONSE : OutcomeDetail.GATEWAY_ERROR)
                        .reconciliation(reconciliationFor(request, null, clientRequestId, "inquire by client request id")).build();
            }
            if (status == 401) {
                return b.outcome(CreditOutcome.REJECTED, OutcomeDetail.AUTHENTICATION_FAILED).build();
            }
            if (status >= 400) {
                return b.outcome(CreditOutcome.REJECTED, OutcomeDetail.INVALID_REQUEST).build();
            }
            JsonNode gw = root.path("gatewayResponse");
            b.gatewayTransactionId(gw.path("transactionProcessingDetails").path("transactionId").asText(null));
            String state = gw.path("transactionState").asText("");
            String approval = root.path("paymentReceipt").path("processorResponseDetails").path("approvalStatus").asText("");
            JsonNode approved = root.path("paymentReceipt").path("approvedAmount");
            if (approved.has("total")) {
                b.creditedAmount(approved.get("total").decimalValue(), approved.path("currency").asText(null));
            }
            if (approval.equals("APPROVED") && (state.equals("AUTHORIZED") || state.equals("CAPTURED"))) {
                return b.outcome(CreditOutcome.APPROVED).build();
            }
            if (state.equals("PENDING") || approval.equals("WAITING")) {
                return b.outcome(CreditOutcome.PENDING_SETTLEMENT).build();
            }
            return b.outcome(CreditOutcome.DECLINED, OutcomeDetail.DECLINED_BY_ISSUER).build();
        }

        @Override
        protected void release() {
            transport.close();
        }
    }
}
