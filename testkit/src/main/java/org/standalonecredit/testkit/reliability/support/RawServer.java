package org.standalonecredit.testkit.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server on a loopback port that reads one request per connection and lets a
 * {@link Handler} answer it however it likes (byte by byte, too large, not at all). The handler owns
 * the socket and closes it, possibly later from the scheduler {@link Handler#handle} is given. Close stops everything.
 */
public final class RawServer implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Socket client, RawHttp.Message request, ScheduledExecutorService scheduler) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService connections;
    private final ScheduledExecutorService scheduler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    private RawServer(Handler handler) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicInteger n = new AtomicInteger();
        connections = Executors.newCachedThreadPool(r -> daemon(r, "raw-server-" + n.incrementAndGet()));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "raw-server-drip"));
        acceptor = daemon(() -> accept(handler), "raw-server-accept");
        acceptor.start();
    }

    public static RawServer start(Handler handler) {
        return new RawServer(handler);
    }

    /** {@code http://127.0.0.1:port} */
    public String baseUrl() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** Requests read so far. */
    public int requests() {
        return requests.get();
    }

    private void accept(Handler handler) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            open.add(client);
            connections.execute(() -> {
                try {
                    RawHttp.Message request = RawHttp.readRequest(client.getInputStream());
                    requests.incrementAndGet();
                    handler.handle(client, request, scheduler);
                } catch (IOException | RuntimeException e) {
                    quietlyClose(client);
                }
            });
        }
    }

    /** Stops accepting connections (a new one is refused once this returns) while the ones open go on. */
    public void stopListening() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        // the kernel keeps the listening socket until the acceptor's blocked accept() returns, and may hand it one
        // more connection meanwhile: a loaded machine let a re-send meant to be refused through (LOST_THEN_REFUSED)
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes a socket, ignoring that it may be gone already. */
    public static void quietlyClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(RawServer::quietlyClose);
        scheduler.shutdownNow();
        connections.shutdownNow();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
            connections.awaitTermination(5, TimeUnit.SECONDS);
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
