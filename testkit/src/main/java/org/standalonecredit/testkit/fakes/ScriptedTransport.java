package org.standalonecredit.testkit.fakes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/** Answers from a script, in order, and records every request it was asked to send. */
/** An in-memory transport that answers from a script and records every request sent. */
public final class ScriptedTransport implements HttpTransport {
    public final List<OutboundRequest> sent = new ArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();
    public boolean closed;

    public ScriptedTransport answer(int status, String body, Header... headers) {
        script.add(new InboundResponse(status, List.of(headers), body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public ScriptedTransport fail(TransportFailure.Delivery delivery, TransportFailure.Kind kind) {
        script.add(new TransportFailure(delivery, kind, "scripted", null));
        return this;
    }

    @Override
    public synchronized InboundResponse execute(OutboundRequest request) throws TransportFailure {
        sent.add(request);
        if (script.isEmpty()) {
            throw new AssertionError("the test scripted no answer for request " + sent.size());
        }
        Object next = script.poll();
        if (next instanceof TransportFailure f) {
            throw f;
        }
        return (InboundResponse) next;
    }

    public OutboundRequest last() {
        return sent.get(sent.size() - 1);
    }

    public String header(int index, String name) {
        return sent.get(index).headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value)
                .findFirst().orElse(null);
    }

    public String body(int index) {
        byte[] body = sent.get(index).body();
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
    }
}
