package org.standalonecredit.testkit.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.standalonecredit.testkit.reliability.support.RawHttp;
import org.standalonecredit.testkit.reliability.support.RawServer;

/**
 * A loopback proxy in front of a simulator: each request goes to the simulator unchanged (so its
 * signature and the simulator's ledger stay true), and the simulator's answer comes back with a
 * {@link ResponseFault}. Every request gets the fault.
 */
final class FaultProxy implements AutoCloseable {
    private static final int UPSTREAM_TIMEOUT_MS = 10_000;

    private final RawServer server;

    private FaultProxy(URI upstream, ResponseFault fault) {
        java.util.concurrent.atomic.AtomicReference<RawServer> self = new java.util.concurrent.atomic.AtomicReference<>();
        this.server = RawServer.start((client, request, scheduler) -> {
            if (fault == ResponseFault.LOST_THEN_REFUSED) {
                // before forwarding: however long the gateway takes, no re-send can reach it through this proxy
                self.get().stopListening();
            }
            RawHttp.Message answer = forward(upstream, request);
            fault.write(client, answer, scheduler);
        });
        self.set(server);
    }

    public static FaultProxy start(String upstreamBaseUrl, ResponseFault fault) {
        return new FaultProxy(URI.create(upstreamBaseUrl), fault);
    }

    /** Where the gateway must send (the proxy). */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int requests() {
        return server.requests();
    }

    /** Sends the request exactly as received (Host included, as signed), asking the simulator to close afterwards. */
    private static RawHttp.Message forward(URI upstream, RawHttp.Message request) throws IOException {
        try (Socket s = new Socket(upstream.getHost(), upstream.getPort())) {
            s.setSoTimeout(UPSTREAM_TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            out.write(request.withHeaders(List.of("Connection"), List.of("Connection: close")).head());
            out.write(request.body());
            out.flush();
            return RawHttp.readResponseUntilClose(s.getInputStream());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
