package org.standalonecredit.commercehub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/** Answers from a script (then from a fallback) and records every request exactly as it would go out. */
final class FakeTransport implements HttpTransport {
    private final List<OutboundRequest> sent = new ArrayList<>();
    private final Deque<Function<OutboundRequest, Object>> script = new ArrayDeque<>();
    private Function<OutboundRequest, Object> fallback = r -> new AssertionError("unexpected request " + r);
    boolean closed;

    FakeTransport answer(int status, String body) {
        script.add(r -> response(status, body));
        return this;
    }

    FakeTransport fail(TransportFailure.Delivery delivery, TransportFailure.Kind kind) {
        script.add(r -> new TransportFailure(delivery, kind, "scripted", null));
        return this;
    }

    FakeTransport then(Function<OutboundRequest, Object> responder) {
        script.add(responder);
        return this;
    }

    /** Answers every request left once the script is used up. */
    FakeTransport otherwise(Function<OutboundRequest, Object> responder) {
        fallback = responder;
        return this;
    }

    static InboundResponse response(int status, String body) {
        return new InboundResponse(status, List.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    synchronized List<OutboundRequest> sent() {
        return List.copyOf(sent);
    }

    synchronized List<OutboundRequest> sentTo(String pathSuffix) {
        return sent.stream().filter(r -> r.uri().getPath().endsWith(pathSuffix)).toList();
    }

    @Override
    public InboundResponse execute(OutboundRequest request) throws TransportFailure {
        Function<OutboundRequest, Object> responder;
        synchronized (this) {
            sent.add(request);
            responder = script.isEmpty() ? fallback : script.poll();
        }
        Object next = responder.apply(request);
        if (next instanceof TransportFailure f) {
            throw f;
        }
        if (next instanceof AssertionError e) {
            throw e;
        }
        return (InboundResponse) next;
    }

    @Override
    public void close() {
        closed = true;
    }
}
