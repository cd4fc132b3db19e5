package org.standalonecredit.cybersource;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.Validation;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.kit.AbstractCreditGateway;
import org.standalonecredit.kit.AttemptLoop;
import org.standalonecredit.kit.BackgroundWarmup;
import org.standalonecredit.kit.GatewayExchange;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.cybersource.jose.JwtSigner;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.OutboundRequest;

/**
 * A gateway speaking the Cybersource REST API. Public because Visa Acceptance is the same API on other hosts:
 * its provider builds this gateway with its own id, settings (hosts), capabilities and an extra local
 * {@link CreditRule}, rather than copying the protocol.
 *
 * <p>Cybersource does not deduplicate credits by an idempotency key, so a credit that was sent is never
 * sent again: a lost answer is UNKNOWN with the keys to reconcile it. A credit that never left this
 * machine is retried with the same body bytes and a fresh Date and Signature.
 */
public final class CybersourceGateway extends AbstractCreditGateway {

    private final CreditRule rule;
    private final ProviderContext context;
    private final HttpTransport transport;
    private final GatewayExchange exchange;
    private final SignedRequests requests;
    private final MessageEncryption encryption;

    /**
     * @param settings validated settings ({@link CybersourceSettings#read} without problems)
     * @param extraRule checked before every credit, after Cybersource's own rules
     */
    public CybersourceGateway(String providerId, ProviderCapabilities capabilities, CybersourceSettings settings,
                                    CreditRule extraRule, ProviderContext context) {
        super(providerId, capabilities);
        Objects.requireNonNull(settings, "settings");
        BackgroundWarmup.start(providerId, () -> Warmup.run(providerId)); // overlaps the transport's TLS set-up below
        this.rule = CybersourceCreditRules.INSTANCE.and(Objects.requireNonNull(extraRule, "extraRule"));
        this.context = context;
        // the transport first: its TLS set-up (on its own thread) then overlaps building the signer and encryption
        this.transport = context.newTransport();
        try {
            this.encryption = settings.messageEncryption(context.clock());
            this.requests = new SignedRequests(settings.baseUrl(), settings.host(),
                    settings.authentication(context.clock(), JwtSigner.randomJwtIds()), encryption, context.clock());
        } catch (RuntimeException | Error e) {
            transport.close();
            throw e;
        }
        this.exchange = GatewayExchange.of(context, transport);
    }

    @Override
    protected void validate(CreditRequest request, Validation v) {
        rule.check(request, v);
    }

    @Override
    protected CreditResult sendCredit(CreditRequest request) {
        byte[] body = CybersourceRequests.credit(request);
        AttemptLoop.Outcome outcome = loop().run("credit", request.idempotencyKey(),
                () -> requests.post(CybersourceRequests.CREDITS_PATH, body), false, answer -> false);
        Supplier<String> advice = () -> ReconciliationAdvice.of(request, null, null, "The credit was sent and no answer came back.").advice();
        CreditResult mapped = outcome.last().answered()
                ? CybersourceOutcomes.credit(providerId(), request, encryption.open(outcome.last().response()), outcome.attempts())
                : noAnswer(request, outcome.last().failure(), outcome.attempts(), advice.get());
        return settle(request, outcome, mapped, null, advice);
    }

    @Override
    protected VoidResult sendVoid(VoidRequest request) {
        String path = CybersourceRequests.voidPath(request);
        byte[] body = CybersourceRequests.voidBody(request);
        // a void moves money back: like a credit, it is never sent twice
        AttemptLoop.Outcome outcome = loop().run("void", null, () -> requests.post(path, body), false, answer -> false);
        return outcome.last().answered()
                ? CybersourceOutcomes.voided(providerId(), encryption.open(outcome.last().response()))
                : CybersourceOutcomes.voidNotAnswered(providerId(), outcome.last().failure());
    }

    @Override
    protected StatusResult sendStatus(StatusQuery query) {
        boolean search = query.by() != StatusQuery.By.GATEWAY_TRANSACTION_ID;
        Supplier<OutboundRequest> request;
        if (search) {
            byte[] body = CybersourceRequests.searchBody(query);
            request = () -> requests.post(CybersourceRequests.SEARCH_PATH, body);
        } else {
            String path = CybersourceRequests.detailsPath(query.value());
            request = () -> requests.get(path);
        }
        // a look-up changes nothing, so sending it again after a lost or 5xx answer is safe
        AttemptLoop.Outcome outcome = loop().run("status", null, request, true, answer -> answer.status() >= 500);
        return outcome.last().answered()
                ? CybersourceOutcomes.status(providerId(), encryption.open(outcome.last().response()), search)
                : CybersourceOutcomes.statusNotAnswered(providerId(), outcome.last().failure());
    }

    private AttemptLoop loop() {
        return new AttemptLoop(exchange, context.retryPolicy(), context.sleeper(), context.transportSettings().deadline());
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
        return "CybersourceGateway[" + providerId() + " " + requests.host() + "]";
    }
}
