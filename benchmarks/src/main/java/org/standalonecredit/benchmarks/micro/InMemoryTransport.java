package org.standalonecredit.benchmarks.micro;

import java.util.function.Function;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;
import org.standalonecredit.api.transport.TransportSettings;

/**
 * A transport with no network: answers every request with one canned response, or refuses every
 * request with one pre-built not-sent failure (so the request side can be measured alone). It reads the
 * request's body length so the request is really built. Thread-safe.
 */
public final class InMemoryTransport implements HttpTransport {
    private final InboundResponse answer;
    private final TransportFailure refusal;
    private long bytesSeen;

    private InMemoryTransport(InboundResponse answer, TransportFailure refusal) {
        this.answer = answer;
        this.refusal = refusal;
    }

    /** A factory for {@code GatewayOptions.transportFactory}: every request is answered with {@code answer}. */
    public static Function<TransportSettings, HttpTransport> answering(InboundResponse answer) {
        return settings -> new InMemoryTransport(answer, null);
    }

    /**
     * A factory whose transports refuse every request as never sent (connection refused). The failure is
     * built once: no exception is created per request.
     */
    public static Function<TransportSettings, HttpTransport> refusing() {
        TransportFailure failure = new TransportFailure(TransportFailure.Delivery.NOT_SENT,
                TransportFailure.Kind.CONNECTION_REFUSED, "in-memory transport refuses", null);
        return settings -> new InMemoryTransport(null, failure);
    }

    @Override
    public InboundResponse execute(OutboundRequest request) throws TransportFailure {
        byte[] body = request.bodyUnsafe();
        bytesSeen += body == null ? 0 : body.length; // racy on purpose: only keeps the request alive
        if (refusal != null) {
            throw refusal;
        }
        return answer;
    }

    /** Body bytes seen (approximate under concurrency). */
    public long bytesSeen() {
        return bytesSeen;
    }

    @Override
    public void close() {
    }
}
