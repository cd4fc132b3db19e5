package org.standalonecredit.kit;

import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.kit.json.JsonMasking;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/**
 * Sends one request through a transport and tells the listener and the log about it, masked.
 * Providers send every request through here so no path can skip the masking.
 */
public final class GatewayExchange {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayExchange.class);

    private final String providerId;
    private final HttpTransport transport;
    private final CreditListener listener;
    private final Clock clock;
    /** Events are masked copies of the whole exchange: not built at all when nobody listens. */
    private final boolean listening;
    /** Headers and bodies are masked for the events only when the listener reads them. */
    private final boolean withContent;

    public GatewayExchange(String providerId, HttpTransport transport, CreditListener listener, Clock clock) {
        this.providerId = providerId;
        this.transport = transport;
        this.listener = listener;
        this.clock = clock;
        this.listening = listener != null && listener != CreditListener.NONE;
        this.withContent = listening && listener.readsExchangeContent();
    }

    /** The answer, or the failure; exactly one is set. */
    public record Exchange(InboundResponse response, TransportFailure failure, Duration elapsed, int attempt) {
        public boolean answered() {
            return response != null;
        }
    }

    /** The exchange a provider's gateway sends through: its provider id, listener and clock from the context. */
    public static GatewayExchange of(ProviderContext context, HttpTransport transport) {
        return new GatewayExchange(context.providerId(), transport, context.listener(), context.clock());
    }

    public Clock clock() {
        return clock;
    }

    public HttpTransport transport() {
        return transport;
    }

    public Exchange send(String operation, OutboundRequest request, String idempotencyKey, int attempt) {
        String path = request.uri().getRawPath();
        if (listening) {
            fire(new ExchangeEvent(ExchangeEvent.Phase.REQUEST, providerId, operation, idempotencyKey, attempt, request.method(), path,
                    withContent ? Masking.maskHeaders(request.headers()) : List.of(),
                    withContent ? JsonMasking.maskBody(request.bodyUnsafe()) : "", 0, Duration.ZERO, null));
        }
        long start = System.nanoTime();
        try {
            InboundResponse response = execute(request);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} {} attempt {} -> HTTP {} in {} ms", providerId, operation, request.method(), path, attempt,
                        response.status(), elapsed.toMillis());
            }
            if (listening) {
                fire(new ExchangeEvent(ExchangeEvent.Phase.RESPONSE, providerId, operation, idempotencyKey, attempt, request.method(), path,
                        withContent ? Masking.maskHeaders(response.headers()) : List.of(),
                        withContent ? JsonMasking.maskBody(response.body()) : "", response.status(), elapsed, null));
            }
            return new Exchange(response, null, elapsed, attempt);
        } catch (TransportFailure failure) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("{} {} {} {} attempt {} failed after {} ms: {} {}", providerId, operation, request.method(), path, attempt,
                    elapsed.toMillis(), failure.kind(), failure.delivery());
            if (listening) {
                fire(new ExchangeEvent(ExchangeEvent.Phase.FAILURE, providerId, operation, idempotencyKey, attempt, request.method(), path,
                        List.of(), "", 0, elapsed, failure.kind() + "/" + failure.delivery()));
            }
            return new Exchange(null, failure, elapsed, attempt);
        }
    }

    /** A transport that throws anything but a TransportFailure may have sent the request: it is treated as sent. */
    private InboundResponse execute(OutboundRequest request) throws TransportFailure {
        try {
            return transport.execute(request);
        } catch (RuntimeException | LinkageError | AssertionError e) { // a pluggable transport's failure, after it may have sent
            LOG.warn("{} transport threw {}; the request is treated as possibly sent", providerId, e.getClass().getName());
            throw new TransportFailure(TransportFailure.Delivery.SENT, TransportFailure.Kind.IO_ERROR, e.getClass().getSimpleName(), e);
        }
    }

    private void fire(ExchangeEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | LinkageError | AssertionError e) { // a listener's own failure never reaches the credit
            LOG.warn("credit listener threw {}; ignored", e.getClass().getSimpleName());
        }
    }
}
