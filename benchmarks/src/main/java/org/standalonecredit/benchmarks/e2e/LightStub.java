package org.standalonecredit.benchmarks.e2e;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.benchmarks.Fixtures;

/**
 * The light answering stub: {@code POST /pts/v2/credits} is read to its end, discarded, and answered with
 * Cybersource's seed 000 answer ({@link Fixtures#cybersourceSeedResponse()}: 201, the same headers and body)
 * without looking at it: no signature or token check, no ledger, no JSON. What a gateway costs a client
 * when the gateway itself costs next to nothing, so the client's own cost is what the figures show.
 *
 * <p>Over https it accepts TLS 1.3 only; connections are kept alive (the JDK server's default for a request
 * read to its end and an answer of known length). It counts the requests it answered and the client ports
 * they came from (the connections used), so a phase can check its count.
 *
 * <p>As a process ({@link #main}): arguments {@code [workerThreads] [http|https]} (default 16, http). With
 * https it first prints {@code TRUST path}, a trust store (password {@code changeit}, PKCS12) holding only
 * the certificate it made for this run, then {@code PORT n}, and answers one-line commands on standard input
 * as {@link SimulatorProcess} does: {@code drain} ({@code LEDGER requests connections}, both since the last
 * drain, then zeroed), {@code cpu} ({@code CPU nanos}), {@code quit}.
 */
public final class LightStub implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;
    private final int status;
    private final String[][] headers;
    private final byte[] body;
    private final AtomicLong requests = new AtomicLong();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    private LightStub(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
        InboundResponse seed = Fixtures.cybersourceSeedResponse();
        this.status = seed.status();
        this.headers = seed.headers().stream().map(h -> new String[] {h.name(), h.value()}).toArray(String[][]::new);
        this.body = seed.body();
    }

    /**
     * Starts on a free loopback port.
     *
     * @param tls the server's TLS context (TLS 1.3 only is enforced), or null for plain http
     */
    public static LightStub start(int workerThreads, SSLContext tls) {
        // see Simulator.NODELAY: without it every kept-alive answer waits for the client's delayed ACK
        if (System.getProperty(Simulator.NODELAY) == null) {
            System.setProperty(Simulator.NODELAY, "true");
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ExecutorService pool = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "light-stub");
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer s;
            if (tls != null) {
                HttpsServer https = HttpsServer.create(address, 256);
                https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = tls.getDefaultSSLParameters();
                        p.setProtocols(new String[] {"TLSv1.3"});
                        params.setSSLParameters(p);
                    }
                });
                s = https;
            } else {
                s = HttpServer.create(address, 256);
            }
            LightStub stub = new LightStub(s, pool);
            s.setExecutor(pool);
            s.createContext(Fixtures.CREDITS_PATH, stub::answer);
            s.start();
            return stub;
        } catch (IOException e) {
            pool.shutdownNow();
            throw new UncheckedIOException("cannot start the light stub", e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            // counted before answering: once a client has its answer, a drain sees the request
            requests.incrementAndGet();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            Headers h = exchange.getResponseHeaders();
            for (String[] header : headers) {
                h.set(header[0], header[1]);
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code {requests, connections}} answered since the last drain; zeroes both. Call with nothing in flight. */
    public long[] drain() {
        long n = requests.getAndSet(0);
        long connections = clientPorts.size();
        clientPorts.clear();
        return new long[] {n, connections};
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        boolean https = args.length > 1 && args[1].equals("https");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SSLContext tls = https ? SimulatorProcess.runCertificate(out).serverContext() : null;
        try (LightStub stub = start(workers, tls)) {
            out.println("PORT " + stub.port());
            SimulatorProcess.answerCommands(out, () -> {
                long[] d = stub.drain();
                return d[0] + " " + d[1];
            });
        }
    }
}
