package org.standalonecredit.transport.apache;

import org.standalonecredit.api.transport.TransportSettings;
import org.standalonecredit.api.transport.TransportFailure;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.CookieSpecFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;

import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The production transport: Apache HttpClient 5 classic, one pooled client per gateway. Automatic
 * retries and redirects are off; TLS hostname verification stays on. A failure is classified as
 * not sent when the request body never started to be written, and as sent otherwise. The deadline
 * bounds the whole exchange: an answer still arriving then (even its headers, trickling in a byte at
 * a time so no read ever times out) is abandoned and the connection dropped.
 */
public final class ApacheHttpTransport implements HttpTransport {
    private static final int CHUNK = 8192;

    private final TransportSettings settings;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final Clock clock;
    private final DeadlineSweeper deadlines;
    /** Used when the whole deadline is longer than the response timeout, as it is by default: no per-request copy. */
    private final RequestConfig defaultRequestConfig;
    private volatile boolean closed;

    public ApacheHttpTransport(TransportSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ApacheHttpTransport(TransportSettings settings, Clock clock) {
        this(settings, clock, java.util.List.of());
    }

    /** With {@code customizers} applied to the pool's and the client's builders before they are built. */
    public ApacheHttpTransport(TransportSettings settings, Clock clock, java.util.List<ApacheClientCustomizer> customizers) {
        this.settings = settings;
        this.clock = clock;
        this.defaultRequestConfig = requestConfig(settings.responseTimeout());
        SSLContext ssl = settings.sslContext();
        // started before anything else is built, so that building the client overlaps it
        TlsSocketStrategy tls = ssl != null
                ? new DefaultClientTlsStrategy(ssl, HostnameVerificationPolicy.BUILTIN, null)
                : TlsInBackground.start(() -> new DefaultClientTlsStrategy(SSLContexts.createDefault(), HostnameVerificationPolicy.BUILTIN, null));
        PoolingHttpClientConnectionManagerBuilder poolBuilder = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                        .build());
        // The JDK checks the host name during the handshake (endpoint identification "HTTPS"), as strictly as
        // HttpClient's own verifier; HttpClient's would also load and parse the public suffix list at start-up.
        poolBuilder.setTlsSocketStrategy(tls);
        customizers.forEach(c -> c.customizePool(poolBuilder));
        this.pool = poolBuilder.build();
        var builder = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                // no cookies and no HTTP authentication here: empty registries also spare loading the public suffix list
                .setDefaultCookieSpecRegistry(RegistryBuilder.<CookieSpecFactory>create().build())
                .setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeFactory>create().build())
                .evictExpiredConnections()
                .setUserAgent("standalone-credit/0.1")
                .setDefaultRequestConfig(defaultRequestConfig);
        if (settings.proxy() != null) {
            int colon = settings.proxy().lastIndexOf(':');
            builder.setProxy(new HttpHost(settings.proxy().substring(0, colon), Integer.parseInt(settings.proxy().substring(colon + 1))));
        }
        customizers.forEach(c -> c.customizeClient(builder));
        this.client = builder.build();
        this.deadlines = new DeadlineSweeper(settings.deadline(), "standalone-credit-deadline");
    }

    @Override
    public InboundResponse execute(OutboundRequest request) throws TransportFailure {
        if (closed) {
            throw new TransportFailure(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CLOSED, "the transport is closed", null);
        }
        Instant deadline = clock.instant().plus(settings.deadline());
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
        String contentType = null;
        for (Header h : request.headers()) {
            if (h.name().equalsIgnoreCase("Content-Type")) {
                contentType = h.value();
            } else if (!h.name().equalsIgnoreCase("Content-Length")) {
                http.addHeader(h.name(), h.value());
            }
        }
        AtomicBoolean bodyStarted = new AtomicBoolean(false);
        byte[] body = request.bodyUnsafe();
        if (body != null) {
            http.setEntity(new TrackedEntity(body, contentType, bodyStarted));
        }
        Duration readTimeout = min(settings.responseTimeout(), remaining(deadline));
        http.setConfig(readTimeout.equals(settings.responseTimeout()) ? defaultRequestConfig : requestConfig(readTimeout));
        DeadlineSweeper.Watch watch = deadlines.watch(settings.deadline(), http::abort);
        try (ClassicHttpResponse response = client.executeOpen(null, http, null)) {
            try {
                org.apache.hc.core5.http.Header[] received = response.getHeaders();
                List<Header> headers = new ArrayList<>(received.length);
                for (org.apache.hc.core5.http.Header h : received) {
                    headers.add(new Header(h.getName(), h.getValue()));
                }
                byte[] bytes = readCapped(response, deadline);
                return new InboundResponse(response.getCode(), headers, bytes);
            } catch (IOException | RuntimeException e) {
                // Drop the connection before the response is closed: closing an unfinished body reads the rest
                // of it, which for a body that is too large or still dripping in outlasts the deadline.
                http.abort();
                throw e;
            }
        } catch (TransportFailureCarrier carrier) {
            http.abort();
            throw carrier.failure;
        } catch (RuntimeException e) {
            // HttpClient throws IllegalStateException when its pool was shut down under this request
            http.abort();
            throw unexpected(e, body != null, bodyStarted.get());
        } catch (IOException e) {
            http.abort();
            if (closed) {
                throw unexpected(e, body != null, bodyStarted.get());
            }
            if (watch.expired()) {
                boolean notSent = body != null && !bodyStarted.get();
                throw new TransportFailure(notSent ? TransportFailure.Delivery.NOT_SENT : TransportFailure.Delivery.SENT,
                        TransportFailure.Kind.DEADLINE_EXCEEDED,
                        "no complete answer by the deadline of " + settings.deadline().toMillis() + " ms", e);
            }
            throw classify(e, body != null, bodyStarted.get());
        } finally {
            watch.finish();
        }
    }

    private byte[] readCapped(ClassicHttpResponse response, Instant deadline) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > settings.maxResponseBytes()) {
            throw new TransportFailureCarrier(new TransportFailure(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TOO_LARGE,
                    "response declares " + declared + " bytes, over the cap of " + settings.maxResponseBytes(), null));
        }
        // not closed on failure: the caller aborts the exchange first, as closing would read the rest of the body
        InputStream in = entity.getContent();
        byte[] bytes = declared >= 0 ? readDeclared(in, (int) declared, deadline) : readUntilEnd(in, deadline);
        in.close();
        return bytes;
    }

    /** A body with a Content-Length: read straight into an array of that size. */
    private byte[] readDeclared(InputStream in, int length, Instant deadline) throws IOException {
        byte[] bytes = new byte[length];
        int off = 0;
        while (off < length) {
            int n = in.read(bytes, off, length - off);
            if (n == -1) {
                throw new ConnectionClosedException("the body ended after " + off + " of " + length + " bytes");
            }
            off += n;
            checkDeadline(deadline);
        }
        return bytes;
    }

    private byte[] readUntilEnd(InputStream in, Instant deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > settings.maxResponseBytes()) {
                throw new TransportFailureCarrier(new TransportFailure(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TOO_LARGE,
                        "response body over the cap of " + settings.maxResponseBytes() + " bytes", null));
            }
            checkDeadline(deadline);
        }
        return out.toByteArray();
    }

    private void checkDeadline(Instant deadline) throws TransportFailureCarrier {
        if (clock.instant().isAfter(deadline)) {
            throw new TransportFailureCarrier(new TransportFailure(TransportFailure.Delivery.SENT, TransportFailure.Kind.DEADLINE_EXCEEDED,
                    "the response was still arriving at the deadline of " + settings.deadline().toMillis() + " ms", null));
        }
    }

    static TransportFailure classify(IOException e, boolean hasBody, boolean bodyStarted) {
        TransportFailure.Kind connectKind = connectKind(e);
        if (connectKind != null && !bodyStarted) {
            return new TransportFailure(TransportFailure.Delivery.NOT_SENT, connectKind, describe(e), e);
        }
        if (hasBody && !bodyStarted) {
            return new TransportFailure(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.IO_ERROR, describe(e), e);
        }
        TransportFailure.Kind kind;
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            kind = TransportFailure.Kind.RESPONSE_TIMEOUT;
        } else if (e instanceof ConnectionClosedException) {
            kind = TransportFailure.Kind.RESPONSE_INCOMPLETE;
        } else if (e instanceof org.apache.hc.core5.http.NoHttpResponseException || e instanceof java.net.SocketException) {
            kind = TransportFailure.Kind.CONNECTION_LOST;
        } else {
            kind = TransportFailure.Kind.IO_ERROR;
        }
        return new TransportFailure(TransportFailure.Delivery.SENT, kind, describe(e), e);
    }

    /** A failure of a closed transport, or one HttpClient did not declare: sent unless the body provably never started. */
    private TransportFailure unexpected(Exception e, boolean hasBody, boolean bodyStarted) {
        TransportFailure.Delivery delivery = hasBody && !bodyStarted ? TransportFailure.Delivery.NOT_SENT : TransportFailure.Delivery.SENT;
        return new TransportFailure(delivery, closed ? TransportFailure.Kind.CLOSED : TransportFailure.Kind.IO_ERROR,
                e.getClass().getSimpleName(), e);
    }

    private static TransportFailure.Kind connectKind(IOException e) {
        if (e instanceof ConnectTimeoutException) {
            return TransportFailure.Kind.CONNECT_TIMEOUT;
        }
        if (e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
            return TransportFailure.Kind.POOL_EXHAUSTED;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return TransportFailure.Kind.CONNECTION_REFUSED;
        }
        if (e instanceof UnknownHostException) {
            return TransportFailure.Kind.UNKNOWN_HOST;
        }
        if (e instanceof SSLException) {
            return TransportFailure.Kind.TLS_FAILURE;
        }
        return null;
    }

    private RequestConfig requestConfig(Duration responseTimeout) {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                .setResponseTimeout(Timeout.of(responseTimeout))
                .build();
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName();
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public HttpTransport.PoolStats stats() {
        org.apache.hc.core5.pool.PoolStats s = pool.getTotalStats();
        return new HttpTransport.PoolStats(s.getLeased(), s.getAvailable(), s.getPending(), s.getMax());
    }

    @Override
    public void close() {
        closed = true;
        deadlines.close();
        client.close(CloseMode.GRACEFUL);
    }

    /** Carries a classified failure out of the response reading. */
    private static final class TransportFailureCarrier extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient TransportFailure failure;

        TransportFailureCarrier(TransportFailure failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    /** The body, exactly these bytes, with a flag raised when writing begins. */
    private static final class TrackedEntity extends AbstractHttpEntity {
        private final byte[] bytes;
        private final AtomicBoolean started;

        /** The last Content-Type parsed: a gateway sends the same one with every request. */
        private static volatile ParsedContentType lastContentType = new ParsedContentType("", null);

        TrackedEntity(byte[] bytes, String contentType, AtomicBoolean started) {
            super(contentType == null ? null : contentType(contentType), null);
            this.bytes = bytes;
            this.started = started;
        }

        private static ContentType contentType(String value) {
            ParsedContentType last = lastContentType;
            if (last.text().equals(value)) {
                return last.parsed();
            }
            ContentType parsed = ContentType.parse(value);
            lastContentType = new ParsedContentType(value, parsed);
            return parsed;
        }

        private record ParsedContentType(String text, ContentType parsed) {
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            started.set(true);
            out.write(bytes);
            out.flush();
        }

        @Override
        public InputStream getContent() {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public long getContentLength() {
            return bytes.length;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
