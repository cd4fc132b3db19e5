package org.standalonecredit.commercehub;

import org.standalonecredit.kit.json.JsonMasking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.IdGenerator;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.Validation;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.kit.AbstractCreditGateway;
import org.standalonecredit.kit.AttemptLoop;
import org.standalonecredit.kit.BackgroundWarmup;
import org.standalonecredit.kit.GatewayExchange;
import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.TransportSettings;

/**
 * Commerce Hub credits, voids and look-ups for one merchant and terminal.
 *
 * <p>Idempotency: a credit's Client-Request-Id is derived from its idempotency key, and every attempt
 * re-sends the identical body under it (fresh Timestamp and signature), which Commerce Hub answers with
 * the original outcome for about {@link #REPLAY_WINDOW}. Re-sends stop before that window ends. A
 * re-submission of a key this instance first sent longer ago is resolved by transaction inquiry first:
 * a credit found is returned without sending, none found is sent. So is the first send of a key the
 * caller gave (not generated here) that this instance has no record of, unless {@code inquire-unseen-keys}
 * is false: it may be a re-submission from before a restart or from another process.
 */
final class CommerceHubGateway extends AbstractCreditGateway {
    /** How long Commerce Hub deduplicates a Client-Request-Id (its Timestamp limit and nonce window). */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    /** A re-submission later than this after the first send is inquired first: a margin for clock skew and transit. */
    static final Duration INQUIRE_AFTER = REPLAY_WINDOW.minusSeconds(30);
    private static final int MAX_REFERENCE_TRANSACTION_ID = 40;
    private static final int MAX_MERCHANT_TRANSACTION_ID = 128;

    private final CommerceHubSettings settings;
    private final TransportSettings transportSettings;
    private final HttpTransport transport;
    private final SignedSender sender;
    private final CommerceHubRequests requests;
    private final EncryptionKeys keys;
    private final SendHistory history;
    private final Clock clock;
    private final IdGenerator ids;

    CommerceHubGateway(ProviderContext context, CommerceHubSettings settings) {
        super(CommerceHubProvider.ID, CommerceHubProvider.CAPABILITIES);
        BackgroundWarmup.start(CommerceHubProvider.ID, () -> Warmup.run(settings)); // overlaps the transport's set-up below
        this.settings = settings;
        this.transportSettings = context.transportSettings();
        this.clock = context.clock();
        this.ids = context.ids();
        this.transport = context.newTransport();
        GatewayExchange exchange = GatewayExchange.of(context, transport);
        CommerceHubSigner signer = new CommerceHubSigner(settings.apiKey(), settings.apiSecret(), clock);
        this.sender = new SignedSender(exchange, signer, settings.baseUrl(), context.retryPolicy(), context.sleeper());
        this.requests = new CommerceHubRequests(settings);
        this.keys = new EncryptionKeys(sender, settings, clock, this::freshClientRequestId, transportSettings.deadline());
        this.history = new SendHistory(SendHistory.DEFAULT_CAPACITY);
    }

    @Override
    protected void validate(CreditRequest request, Validation v) {
        boolean explicitInvoice = request.extension(CommerceHubCreditOptions.class)
                .flatMap(CommerceHubCreditOptions::invoiceNumber).isPresent();
        request.merchantReference().filter(r -> !explicitInvoice && r.length() > CommerceHubCreditOptions.MAX_INVOICE_NUMBER_LENGTH)
                .ifPresent(r -> v.reject("merchantReference", "goes to Commerce Hub's merchantInvoiceNumber, which takes at most "
                        + CommerceHubCreditOptions.MAX_INVOICE_NUMBER_LENGTH + " characters; shorten it, or set"
                        + " CommerceHubCreditOptions.invoiceNumber and the reference is sent as merchantOrderId"));
        if (request.source() instanceof PaymentSource.GatewayToken token
                && "TRANSARMOR".equalsIgnoreCase(token.tokenSource()) && token.expiry().isEmpty()) {
            v.reject("source.expiry", "is required for a TRANSARMOR token");
        }
    }

    @Override
    protected CreditResult sendCredit(CreditRequest request) {
        String key = request.idempotencyKey();
        String clientRequestId = ClientRequestIds.forIdempotencyKey(key);
        byte[] clearBody = requests.withPlainSource(request);
        try {
            byte[] fingerprint = history.fingerprint(clearBody);
            Instant now = clock.instant();
            SendHistory.Entry prior = history.get(key);
            if (prior != null && !prior.sameRequest(fingerprint)) {
                throw invalid("idempotencyKey", "was already used for a different credit; a new credit needs a new key");
            }
            boolean withinWindow = prior != null && Duration.between(prior.firstSentAt(), now).compareTo(INQUIRE_AFTER) < 0;
            // A key the caller gave that this instance never sent may still have been sent, by another process or
            // before a restart, longer ago than Commerce Hub remembers it: sending it blindly could credit twice.
            boolean unseenCallerKey = prior == null && !request.idempotencyKeyGenerated() && settings.inquireUnseenKeys();
            if ((prior != null && !withinWindow) || unseenCallerKey) {
                Optional<CreditResult> resolved = resolveByInquiry(request, clientRequestId, prior == null);
                if (resolved.isPresent()) {
                    return resolved.get();
                }
            }
            boolean encrypt = request.source() instanceof PaymentSource.Card
                    && settings.cardEncryption() == CommerceHubSettings.CardEncryption.RSA;
            byte[] wire = clearBody;
            if (encrypt) {
                if (withinWindow && prior.sentBody() != null) {
                    wire = prior.sentBody();
                } else {
                    try {
                        wire = requests.withEncryptedCard(request, CardEncryptor.encrypt((PaymentSource.Card) request.source(), keys.current()));
                    } catch (EncryptionKeys.Unavailable e) {
                        return CommerceHubOutcomes.keyUnavailable(request, clientRequestId, e);
                    }
                }
            }
            Instant firstSent = withinWindow ? prior.firstSentAt() : now;
            if (!withinWindow) {
                history.recordSend(key, new SendHistory.Entry(now, fingerprint, encrypt ? wire : null));
            }
            AttemptLoop.Outcome outcome = sender.post("credit", settings.creditPath(), wire, clientRequestId, key,
                    resendBudget(firstSent, now));
            GatewayExchange.Exchange last = outcome.last();
            CreditResult mapped = last.answered()
                    ? CommerceHubOutcomes.answered(request, clientRequestId, last.response(), outcome.attempts(), firstSent)
                    : CommerceHubOutcomes.noAnswer(request, clientRequestId, last.failure(), outcome.attempts(), firstSent);
            return settle(request, outcome, mapped, clientRequestId, CommerceHubOutcomes.advice(key, clientRequestId));
        } finally {
            Arrays.fill(clearBody, (byte) 0);
        }
    }

    /**
     * Re-sends stay within the caller's deadline and end early enough that the last one reaches Commerce
     * Hub inside the replay window counted from the first send.
     */
    private Duration resendBudget(Instant firstSent, Instant now) {
        Duration windowLeft = REPLAY_WINDOW.minus(Duration.between(firstSent, now)).minus(transportSettings.responseTimeout());
        Duration budget = windowLeft.compareTo(transportSettings.deadline()) < 0 ? windowLeft : transportSettings.deadline();
        return budget.isNegative() ? Duration.ZERO : budget;
    }

    /** After the replay window: the credit found under this Client-Request-Id, or empty when there is none and it may be sent. */
    private Optional<CreditResult> resolveByInquiry(CreditRequest request, String clientRequestId, boolean unseenKey) {
        byte[] body = CommerceHubRequests.inquiry(settings, "referenceClientRequestId", clientRequestId);
        AttemptLoop.Outcome outcome = sender.post("credit-inquiry", CommerceHubRequests.INQUIRY_PATH, body, freshClientRequestId(),
                request.idempotencyKey(), transportSettings.deadline());
        GatewayExchange.Exchange last = outcome.last();
        String unresolved = (unseenKey
                ? "this idempotency key was given by the caller and not sent by this gateway instance, so it may have been"
                        + " sent before, beyond Commerce Hub's replay window; the transaction inquiry that must precede sending it "
                : "this idempotency key was first sent more than " + INQUIRE_AFTER.toSeconds()
                        + " s ago, beyond Commerce Hub's replay window, and the transaction inquiry that must precede a re-send ");
        if (!last.answered()) {
            return Optional.of(CommerceHubOutcomes.unresolved(request, clientRequestId, unresolved + "got no answer; nothing was sent"));
        }
        int status = last.response().status();
        if (unseenKey && (status == 401 || status == 403)) {
            // nothing this instance sent can be pending, and nothing can be sent with these credentials either
            return Optional.of(CommerceHubOutcomes.inquiryRefused(request, clientRequestId, last.response()));
        }
        StatusResult found = CommerceHubOutcomes.inquired(last);
        if (found.foundNone()) {
            return Optional.empty();
        }
        Optional<List<CommerceHubResponses>> entries = CommerceHubResponses.parse(last.response().body()).flatMap(CommerceHubOutcomes::entries);
        if (found.outcome() == FollowUpOutcome.DONE && entries.isPresent() && !entries.get().isEmpty()) {
            return Optional.of(CommerceHubOutcomes.fromInquiry(request, clientRequestId, entries.get().get(0), last.response().status(),
                    JsonMasking.maskBody(last.response().body())));
        }
        return Optional.of(CommerceHubOutcomes.unresolved(request, clientRequestId,
                unresolved + "answered HTTP " + last.response().status() + "; nothing was sent"));
    }

    @Override
    protected VoidResult sendVoid(VoidRequest request) {
        String field;
        String reference;
        String reason;
        if (request.reason() == VoidRequest.Reason.TIMEOUT) {
            field = "referenceMerchantTransactionId";
            reference = request.transactionId().orElseThrow();
            reason = "TIMEOUT";
            checkLength("transactionId", reference, MAX_MERCHANT_TRANSACTION_ID);
        } else {
            field = "referenceTransactionId";
            reference = request.gatewayTransactionId().orElseThrow();
            reason = "VOID";
            checkLength("gatewayTransactionId", reference, MAX_REFERENCE_TRANSACTION_ID);
        }
        String clientRequestId = freshClientRequestId();
        AttemptLoop.Outcome outcome = sender.post("void", CommerceHubRequests.CANCEL_PATH, CommerceHubRequests.cancel(settings, field, reference, reason),
                clientRequestId, clientRequestId, transportSettings.deadline());
        return CommerceHubOutcomes.voided(outcome.last());
    }

    @Override
    protected StatusResult sendStatus(StatusQuery query) {
        String field;
        String reference;
        switch (query.by()) {
            case GATEWAY_TRANSACTION_ID -> {
                field = "referenceTransactionId";
                reference = query.value();
                checkLength("value", reference, MAX_REFERENCE_TRANSACTION_ID);
            }
            case TRANSACTION_ID -> {
                field = "referenceMerchantTransactionId";
                reference = query.value();
                checkLength("value", reference, MAX_MERCHANT_TRANSACTION_ID);
            }
            case IDEMPOTENCY_KEY -> {
                field = "referenceClientRequestId";
                reference = ClientRequestIds.forIdempotencyKey(query.value());
            }
            default -> throw new UnsupportedFollowUpException(CommerceHubProvider.ID, query.requiredFollowUp());
        }
        String clientRequestId = freshClientRequestId();
        AttemptLoop.Outcome outcome = sender.post("status", CommerceHubRequests.INQUIRY_PATH, CommerceHubRequests.inquiry(settings, field, reference),
                clientRequestId, clientRequestId, transportSettings.deadline());
        return CommerceHubOutcomes.inquired(outcome.last());
    }

    private String freshClientRequestId() {
        return ClientRequestIds.forIdempotencyKey(ids.newId());
    }

    private static void checkLength(String field, String value, int max) {
        if (value.length() > max) {
            throw invalid(field, "must be at most " + max + " characters for Commerce Hub");
        }
    }

    @Override
    protected Duration closeGrace() {
        return transportSettings.deadline();
    }

    @Override
    protected void release() {
        transport.close();
    }

    @Override
    public String toString() {
        return "CommerceHubGateway[" + settings + "]";
    }
}
