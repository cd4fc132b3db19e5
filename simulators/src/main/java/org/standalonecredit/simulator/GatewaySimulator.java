package org.standalonecredit.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Base of the gateway simulators: a JDK {@link HttpServer} on a loopback port with its own small thread pool,
 * a {@link Ledger} of accepted credits, a {@link RequestJournal} of every request received, and a
 * {@link Script} of scripted behaviours.
 *
 * <p>Lifecycle: build, {@link #start()}, use {@link #baseUrl()}, {@link #close()}. Delayed answers
 * ({@link Behaviour#DELAY}) are scheduled without holding a worker thread, so they never block other
 * requests; {@link #close()} drops their connections at once.
 */
public abstract class GatewaySimulator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GatewaySimulator.class.getName());

    private final GatewayId gateway;
    private final SimulatorSettings settings;
    private final Ledger ledger = new Ledger();
    private final RequestJournal journal = new RequestJournal();
    private final Script script = new Script();
    private final AtomicLong sequence = new AtomicLong();
    private final Set<HttpExchange> delayed = ConcurrentHashMap.newKeySet();
    private HttpServer server;
    private ExecutorService workers;
    private ScheduledExecutorService scheduler;
    private volatile boolean closed;

    /**
     * @param gateway  the gateway recorded in ledger entries: a {@link Gateway} constant, or {@link GatewayId#of(String)}
     * @param settings shared settings (a {@link SimulatorBuilder} makes them)
     */
    protected GatewaySimulator(GatewayId gateway, SimulatorSettings settings) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * For a simulator of a gateway this project does not know.
     *
     * @param gatewayId lower-case id recorded in ledger entries, e.g. {@code "examplepay"}
     */
    protected GatewaySimulator(String gatewayId, SimulatorSettings settings) {
        this(GatewayId.of(gatewayId), settings);
    }

    /** Handles one request (already recorded in the journal). Must not block. */
    protected abstract Reply handle(RecordedRequest request);

    /**
     * Whether a received request asks for a credit (method and path, whatever its body or signature). Tests
     * and the conformance suite count credits sent with it, so it must recognise every credit route,
     * prefixed paths included.
     */
    public abstract boolean isCreditRequest(RecordedRequest request);

    /** Every credit request received ({@link #isCreditRequest}), oldest first. */
    public List<RecordedRequest> creditRequests() {
        return journal.matching(this::isCreditRequest);
    }

    /** Clears gateway-specific state (transactions, idempotency records) for {@link #reset()}. */
    protected abstract void resetState();

    /**
     * The JDK's HTTP server writes an answer's headers and body as two TCP segments; without TCP_NODELAY,
     * Nagle's algorithm holds the second until the client's delayed ACK (~40 ms on Linux), so every answer
     * on a kept-alive connection took 40 ms. The server reads this property once, when its first instance
     * is made in the JVM; one set on the command line wins.
     */
    private static void answerWithoutNagleDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * Starts listening. Idempotent.
     *
     * @throws UncheckedIOException if the port cannot be bound
     * @throws IllegalStateException if already closed
     */
    public synchronized GatewaySimulator start() {
        if (closed) {
            throw new IllegalStateException("simulator is closed");
        }
        if (server != null) {
            return this;
        }
        answerWithoutNagleDelay();
        try {
            InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
            HttpServer s;
            if (settings.tls() != null) {
                HttpsServer https = HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new HttpsConfigurator(settings.tls()));
                s = https;
            } else {
                s = HttpServer.create(address, 128);
            }
            workers = Executors.newFixedThreadPool(settings.workerThreads(), threads(gateway.id() + "-sim"));
            scheduler = Executors.newSingleThreadScheduledExecutor(threads(gateway.id() + "-sim-delay"));
            s.setExecutor(workers);
            s.createContext("/", this::exchange);
            s.start();
            server = s;
        } catch (IOException e) {
            if (workers != null) {
                workers.shutdownNow();
            }
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            throw new UncheckedIOException("cannot start " + gateway.id() + " simulator on port " + settings.port(), e);
        }
        return this;
    }

    /** Whether the simulator is listening. */
    public synchronized boolean isRunning() {
        return server != null && !closed;
    }

    /** The port listened on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        return server.getAddress().getPort();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:54321} ({@code https} when started with a certificate; no trailing slash). */
    public String baseUrl() {
        InetAddress a = settings.bindAddress();
        String host = a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : a.getHostAddress();
        if (a instanceof Inet6Address && !a.isAnyLocalAddress()) {
            host = "[" + host + "]";
        }
        return (settings.tls() != null ? "https://" : "http://") + host + ":" + port();
    }

    /** {@link #baseUrl()} as a URI. */
    public URI baseUri() {
        return URI.create(baseUrl());
    }

    /** The gateway this simulator impersonates (recorded in the ledger). */
    public GatewayId gateway() {
        return gateway;
    }

    /** Credits accepted. */
    public Ledger ledger() {
        return ledger;
    }

    /** Every request received. */
    public RequestJournal journal() {
        return journal;
    }

    /** Scripted behaviours. */
    public Script script() {
        return script;
    }

    /** The simulator clock. */
    public Clock clock() {
        return settings.clock();
    }

    /** The identifier source. */
    public SimulatorIds ids() {
        return settings.ids();
    }

    /** The shared settings. */
    public SimulatorSettings settings() {
        return settings;
    }

    /** Number of delayed answers still waiting to be sent. */
    public int pendingDelayedReplies() {
        return delayed.size();
    }

    /** Clears ledger, journal, script and gateway state (transactions, replay records). Keys and credentials stay. */
    public void reset() {
        script.reset();
        ledger.clear();
        journal.clear();
        resetState();
    }

    /**
     * Chooses the behaviour for a request: the first matching scripted rule, else a magic amount
     * (credits only, when enabled), else {@code defaultBehaviour}. Consumes limited rules.
     */
    public ScriptDecision decide(RequestFacts facts, Behaviour defaultBehaviour) {
        Optional<ScriptRule> rule = script.match(facts);
        if (rule.isPresent()) {
            ScriptRule r = rule.get();
            Behaviour behaviour = r.behaviour();
            boolean processed = r.isProcessed();
            if (behaviour == Behaviour.DECLINE && facts.operation() != Operation.CREDIT) {
                // only credits can be declined; elsewhere DECLINE answers (and acts) normally
                behaviour = Behaviour.APPROVE;
                processed = r.processedOverride() == null || r.processedOverride();
            }
            return new ScriptDecision(behaviour, processed,
                    r.delay() != null ? r.delay() : settings.defaultDelay(), r);
        }
        if (settings.magicAmounts() && facts.operation() == Operation.CREDIT) {
            Optional<Behaviour> magic = MagicAmounts.behaviourFor(facts.amount());
            if (magic.isPresent()) {
                return ScriptDecision.of(magic.get(), settings.defaultDelay());
            }
        }
        return ScriptDecision.of(defaultBehaviour, settings.defaultDelay());
    }

    /** Stops listening, drops delayed answers' connections, and stops the threads. Idempotent. */
    @Override
    public void close() {
        HttpServer s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = server;
        }
        for (HttpExchange ex : delayed) {
            if (delayed.remove(ex)) {
                ReplyWriter.abort(ex);
            }
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (s != null) {
            s.stop(0);
        }
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void exchange(HttpExchange ex) {
        try {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = ex.getRequestURI();
            String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
            RecordedRequest request = new RecordedRequest(sequence.getAndIncrement(), settings.clock().instant(),
                    ex.getRequestMethod().toUpperCase(Locale.ROOT), path, ex.getRequestHeaders(), body);
            journal.add(request);
            Reply reply = safeHandle(request);
            LOG.log(System.Logger.Level.DEBUG, () -> gateway.id() + " " + request + " -> " + reply);
            deliver(ex, reply);
        } catch (IOException | RuntimeException e) {
            ex.close();
        }
    }

    private Reply safeHandle(RecordedRequest request) {
        try {
            return handle(request);
        } catch (RuntimeException e) {
            // never log request bodies: they may carry card data
            LOG.log(System.Logger.Level.WARNING, gateway.id() + " simulator failed on " + request + ": "
                    + e.getClass().getName());
            return Reply.text(500, "simulator error");
        }
    }

    private void deliver(HttpExchange ex, Reply reply) {
        if (reply.fault() != Behaviour.DELAY) {
            ReplyWriter.write(ex, reply);
            return;
        }
        delayed.add(ex);
        if (closed) {
            if (delayed.remove(ex)) {
                ReplyWriter.abort(ex);
            }
            return;
        }
        try {
            scheduler.schedule(() -> {
                if (delayed.remove(ex)) {
                    ReplyWriter.write(ex, reply.withoutFault());
                }
            }, reply.delay().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            if (delayed.remove(ex)) {
                ReplyWriter.abort(ex);
            }
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (isRunning() ? baseUrl() : closed ? "closed" : "not started") + "]";
    }
}
