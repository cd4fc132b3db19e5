package org.standalonecredit.kit;

import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.CreditProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.Validation;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.OutboundRequest;

/** A provider that lives only in the tests: registered through META-INF/services, unknown to the api. */
public class SampleProvider implements CreditProvider {
    static final ProviderCapabilities CAPABILITIES = new ProviderCapabilities(
            EnumSet.of(SourceKind.CUSTOMER_TOKEN, SourceKind.CARD), EnumSet.of(FollowUp.VOID));

    @Override
    public String id() {
        return "sample";
    }

    @Override
    public String displayName() {
        return "Sample gateway";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<String> configurationKeys() {
        return List.of("base-url", "api-key", "mode");
    }

    @Override
    public SampleGateway create(ProviderContext context) {
        String baseUrl = context.settings().baseUrl("base-url").orElse(null);
        if (context.settings().optional("base-url").isEmpty()) {
            context.settings().problem("base-url", "is required");
        }
        Secret apiKey = context.settings().secret("api-key");
        context.settings().oneOf("mode", List.of("live", "test"), "test");
        context.settings().throwIfInvalid();
        return new SampleGateway(context, baseUrl, apiKey);
    }

    /** Posts "amount currency" as text and reads "approved amount currency" back. */
    public static final class SampleGateway extends AbstractCreditGateway {
        private final ProviderContext context;
        private final String baseUrl;
        private final Secret apiKey;
        private final HttpTransport transport;
        private final GatewayExchange exchange;

        SampleGateway(ProviderContext context, String baseUrl, Secret apiKey) {
            super("sample", CAPABILITIES);
            this.context = context;
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
            this.transport = context.newTransport();
            this.exchange = GatewayExchange.of(context, transport);
        }

        public ProviderContext context() {
            return context;
        }

        @Override
        protected void validate(CreditRequest request, Validation v) {
            v.maxLength("merchantReference", request.merchantReference().orElse(null), 20);
        }

        @Override
        protected CreditResult sendCredit(CreditRequest request) {
            byte[] body = (request.amount().toPlainString() + " " + request.amount().currencyCode()).getBytes(StandardCharsets.UTF_8);
            AttemptLoop loop = new AttemptLoop(exchange, context.retryPolicy(), context.sleeper(), context.transportSettings().deadline());
            AttemptLoop.Outcome outcome = loop.run("credit", request.idempotencyKey(),
                    () -> new OutboundRequest("POST", URI.create(baseUrl + "/credits"),
                            List.of(new Header("Content-Type", "text/plain"), new Header("Authorization", apiKey.reveal())), body),
                    false, r -> false);
            if (!outcome.last().answered()) {
                return settle(request, outcome, noAnswer(request, outcome.last().failure(), outcome.attempts(), "search by merchant reference"),
                        null, "search by merchant reference");
            }
            String[] answer = outcome.last().response().bodyText().split(" ");
            return resultFor(request).attempts(outcome.attempts()).httpStatus(outcome.last().response().status())
                    .outcome(CreditOutcome.APPROVED, OutcomeDetail.NONE)
                    .creditedAmount(new java.math.BigDecimal(answer[1]), answer[2]).build();
        }

        @Override
        protected java.time.Duration closeGrace() {
            return context.transportSettings().deadline();
        }

        @Override
        protected VoidResult sendVoid(VoidRequest request) {
            return new VoidResult("sample", FollowUpOutcome.DONE, "v-1", "VOIDED", 201, List.of(), "");
        }

        @Override
        protected StatusResult sendStatus(StatusQuery query) {
            throw new AssertionError("not declared, never called");
        }

        @Override
        protected void release() {
            transport.close();
        }
    }
}
