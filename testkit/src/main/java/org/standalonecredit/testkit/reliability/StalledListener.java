package org.standalonecredit.testkit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.standalonecredit.testkit.reliability.support.RawServer;

/**
 * A loopback port that accepts no more connections: a listening socket with a backlog of 1 that is
 * never accepted from, its queue filled by connections of our own. The kernel then drops further
 * SYNs, so a connect to it times out, the way a connect to a black-holed host does, without ever
 * leaving the machine. {@link #connectTimesOut()} proves it does so on this machine.
 */
final class StalledListener implements AutoCloseable {
    private static final int PROBE_TIMEOUT_MS = 200;
    private static final int MAX_FILL = 16;

    private final ServerSocket server;
    private final List<Socket> filling = new ArrayList<>();
    private final boolean stalled;

    public StalledListener() {
        try {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            boolean timedOut = false;
            for (int i = 0; i < MAX_FILL && !timedOut; i++) {
                Socket s = new Socket();
                try {
                    s.connect(address(), PROBE_TIMEOUT_MS);
                    filling.add(s);
                } catch (SocketTimeoutException e) {
                    s.close();
                    timedOut = true;
                }
            }
            stalled = timedOut;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Whether a connect to this port times out here (true on Linux, whose accept queue drops SYNs when full). */
    public boolean connectTimesOut() {
        return stalled;
    }

    public String baseUrl() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    @Override
    public void close() {
        filling.forEach(RawServer::quietlyClose);
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
