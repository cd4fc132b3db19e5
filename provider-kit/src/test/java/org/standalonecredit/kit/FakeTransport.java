package org.standalonecredit.kit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/** Answers from a script and records what was sent. */
final class FakeTransport implements HttpTransport {
    final List<OutboundRequest> sent = new ArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();
    boolean closed;

    FakeTransport answer(int status, String body) {
        script.add(new InboundResponse(status, List.of(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return this;
    }

    FakeTransport fail(TransportFailure.Delivery delivery, TransportFailure.Kind kind) {
        script.add(new TransportFailure(delivery, kind, "scripted", null));
        return this;
    }

    @Override
    public synchronized InboundResponse execute(OutboundRequest request) throws TransportFailure {
        sent.add(request);
        Object next = script.isEmpty() ? new InboundResponse(500, List.of(), new byte[0]) : script.poll();
        if (next instanceof TransportFailure f) {
            throw f;
        }
        return (InboundResponse) next;
    }

    @Override
    public void close() {
        closed = true;
    }
}
