package org.standalonecredit.example;

import java.time.Duration;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.kit.AbstractCreditGateway;
import org.standalonecredit.kit.AttemptLoop;
import org.standalonecredit.kit.GatewayExchange;
import org.standalonecredit.kit.json.JsonTrees;

/**
 * One configured ExamplePay gateway. The kit's base class checks the source kind and the echoed amount;
 * this class writes the body once, lets {@link AttemptLoop} decide every re-send, maps the last attempt and
 * hands it to {@link #settle}. Nothing here throws once a request may have been sent.
 */
final class ExampleGateway extends AbstractCreditGateway {
    /** ExamplePay answers a repeated {@code Idempotency-Key} with the first answer and credits once. */
    static final boolean GATEWAY_DEDUPLICATES = true;

    private final ProviderContext context;
    private final HttpTransport transport;
    private final GatewayExchange exchange;
    private final ExampleRequests requests;
    private final ExampleResponses responses;

    ExampleGateway(ProviderContext context, ExampleSettings settings) {
        super(ExampleProvider.ID, ExampleProvider.CAPABILITIES);
        // strict: an answer with a key twice is unreadable (UNKNOWN), never read as whichever value came last
        JsonTrees json = JsonTrees.builder().strictDuplicates().bigDecimalAsPlain().build();
        this.context = context;
        this.transport = context.newTransport();
        this.exchange = GatewayExchange.of(context, transport);
        this.requests = new ExampleRequests(settings.baseUrl(), new ExampleSigner(settings.apiKey(), settings.apiSecret()), json);
        this.responses = new ExampleResponses(json);
    }

    @Override
    protected CreditResult sendCredit(CreditRequest request) {
        byte[] body = requests.creditBody(request);
        String key = request.idempotencyKey();
        AttemptLoop loop = new AttemptLoop(exchange, context.retryPolicy(), context.sleeper(), context.transportSettings().deadline());
        AttemptLoop.Outcome outcome = loop.run("credit", key, () -> requests.credit(body, key), GATEWAY_DEDUPLICATES,
                r -> r.status() >= 500 || r.status() == 408);
        String advice = "ask ExamplePay for the credit with Idempotency-Key " + key + ", or re-send the same request with that key";
        CreditResult mapped;
        if (outcome.last().answered()) {
            InboundResponse response = outcome.last().response();
            Reconciliation reconciliation = reconciliationFor(request, null, key, advice);
            mapped = ExampleOutcomes.map(resultFor(request).attempts(outcome.attempts()), response, responses.read(response), reconciliation);
        } else {
            mapped = noAnswer(request, outcome.last().failure(), outcome.attempts(), advice);
        }
        return settle(request, outcome, mapped, key, advice);
    }

    @Override
    protected Duration closeGrace() {
        return context.transportSettings().deadline();
    }

    @Override
    protected void release() {
        transport.close();
    }

    @Override
    public String toString() {
        return "ExampleGateway[" + providerId() + "]";
    }
}
