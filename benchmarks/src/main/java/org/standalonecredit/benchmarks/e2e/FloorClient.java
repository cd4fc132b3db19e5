package org.standalonecredit.benchmarks.e2e;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.benchmarks.Fixtures;
import org.standalonecredit.cybersource.CybersourceSigner;
import org.standalonecredit.cybersource.jose.JwtSigner;

/**
 * The transport floor: Apache HttpClient 5 (what the library's transport is built on, pooled and
 * configured the same way: 64 connections, no retries, no redirects, no cookies, no compression) posting
 * the seed body as pre-built bytes with pre-built headers. No mapping, no JSON, no per-request signing:
 * the headers are signed once before each measured phase and reused, and signed again when they are a
 * minute old. Only the status code is checked and the answer's bytes read.
 *
 * <p>How it authenticates depends on what it talks to:
 * <ul>
 *   <li>{@link Authentication#JWT}: one {@code Authorization: Bearer} token (the library's own JWT signer,
 *       the same claims and bytes the library sends) reused for every request. A token lives 120 s, so it is
 *       renewed every 60 s. Only for the light stub, which verifies nothing: a gateway, like the full
 *       simulator, refuses a {@code jti} it has seen.</li>
 *   <li>{@link Authentication#HTTP_SIGNATURE}: Date, Digest and Signature headers (the library's HTTP
 *       Signature signer) reused for every request: the simulator only wants the Date within ±5 minutes and
 *       has no replay check for them, so the floor can still post fixed headers to the full simulator.</li>
 * </ul>
 */
public final class FloorClient implements CreditClient {
    /** How the fixed headers authenticate. */
    public enum Authentication { JWT, HTTP_SIGNATURE }

    private static final ContentType JSON = ContentType.parse("application/json;charset=utf-8");
    private final long resignAfterNanos;
    private final URI uri;
    private final String host;
    private final byte[] body = Fixtures.SEED_BODY.getBytes(StandardCharsets.UTF_8);
    private final Authentication authentication;
    private final CybersourceSigner httpSignature;
    private final JwtSigner jwt;
    private final CloseableHttpClient client;
    private volatile Signed signed;

    private record Signed(org.apache.hc.core5.http.Header[] headers, long atNanos) {
    }

    /** With HTTP Signature headers, for the full simulator. */
    public FloorClient(String baseUrl) {
        this(baseUrl, Authentication.HTTP_SIGNATURE);
    }

    /** Headers renewed every 60 s: half a JWT's 120 s life, well inside HTTP Signature's ±5 minutes. */
    public FloorClient(String baseUrl, Authentication authentication) {
        this(baseUrl, authentication, Duration.ofSeconds(60));
    }

    /** @param resignAfter how old the reused headers may get before they are signed again */
    public FloorClient(String baseUrl, Authentication authentication, Duration resignAfter) {
        resignAfterNanos = resignAfter.toNanos();
        uri = URI.create(baseUrl + Fixtures.CREDITS_PATH);
        host = URI.create(baseUrl).getRawAuthority();
        this.authentication = authentication;
        httpSignature = new CybersourceSigner(Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_KEY_ID, Base64.getDecoder().decode(Fixtures.CYBS_SECRET));
        jwt = JwtSigner.sharedSecret(Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_KEY_ID, Fixtures.CYBS_SECRET,
                Clock.systemUTC(), JwtSigner.randomJwtIds());
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(64)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(30))
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                        .build())
                .build();
        client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofSeconds(5))
                        .setResponseTimeout(Timeout.ofSeconds(30))
                        .build())
                .build();
        beforePhase();
    }

    @Override
    public String name() {
        return "floor";
    }

    public Authentication authentication() {
        return authentication;
    }

    /** Signs the fixed body with the time of now. */
    @Override
    public void beforePhase() {
        sign();
    }

    private synchronized Signed sign() {
        List<org.apache.hc.core5.http.Header> h = new ArrayList<>();
        if (authentication == Authentication.JWT) {
            String hostOnly = URI.create("//" + host).getHost();
            h.add(new BasicHeader("Authorization", jwt.authorization("POST", hostOnly, Fixtures.CREDITS_PATH, body, null)));
        } else {
            for (Header header : httpSignature.headers("POST", host, Fixtures.CREDITS_PATH, Instant.now(), body)) {
                h.add(new BasicHeader(header.name(), header.value()));
            }
        }
        h.add(new BasicHeader("Accept", "application/hal+json;charset=utf-8"));
        Signed s = new Signed(h.toArray(new org.apache.hc.core5.http.Header[0]), System.nanoTime());
        signed = s;
        return s;
    }

    private org.apache.hc.core5.http.Header[] headers() {
        Signed s = signed;
        if (System.nanoTime() - s.atNanos() >= resignAfterNanos) {
            synchronized (this) {
                s = signed;
                if (System.nanoTime() - s.atNanos() >= resignAfterNanos) {
                    s = sign();
                }
            }
        }
        return s.headers();
    }

    @Override
    public Caller newCaller() {
        return () -> {
            HttpPost post = new HttpPost(uri);
            post.setHeaders(headers());
            post.setEntity(new ByteArrayEntity(body, JSON));
            int status = client.execute(post, response -> {
                EntityUtils.toByteArray(response.getEntity());
                return response.getCode();
            });
            if (status != 201) {
                throw new IllegalStateException("floor credit: HTTP " + status);
            }
        };
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
