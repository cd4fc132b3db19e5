package org.standalonecredit.transport.apache;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The JDK's default TLS set-up (security providers, the trust store's certificates: 100–150 ms in a fresh
 * JVM) made on a daemon thread from the moment the transport is built, instead of on the thread opening
 * the gateway. The first https connection waits for it; meanwhile the opening thread builds the HTTP
 * client, the request and its signature. A set-up that fails surfaces at that first connection as an
 * {@link SSLException}, before any byte of the request is written.
 */
final class TlsInBackground implements TlsSocketStrategy {
    private final FutureTask<TlsSocketStrategy> setUp;

    private TlsInBackground(FutureTask<TlsSocketStrategy> setUp) {
        this.setUp = setUp;
    }

    static TlsInBackground start(java.util.concurrent.Callable<TlsSocketStrategy> factory) {
        FutureTask<TlsSocketStrategy> task = new FutureTask<>(factory);
        try {
            Thread thread = new Thread(task, "standalone-credit-tls-setup");
            thread.setDaemon(true);
            thread.start();
        } catch (RuntimeException | OutOfMemoryError e) {
            task.run(); // no thread to be had: set up here and now
        }
        return new TlsInBackground(task);
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context) throws IOException {
        TlsSocketStrategy strategy;
        try {
            strategy = setUp.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while TLS was being set up");
        } catch (ExecutionException e) {
            throw new SSLException("TLS could not be set up: " + e.getCause().getClass().getSimpleName(), e.getCause());
        }
        return strategy.upgrade(socket, target, port, attachment, context);
    }
}
