package org.standalonecredit.benchmarks.e2e;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.benchmarks.Fixtures;
import org.standalonecredit.cybersource.CybersourceSigner;

/**
 * (b) The transport floor: Apache HttpClient 5 (what the library's transport is built on, pooled and
 * configured the same way: 64 connections, no retries, no redirects, no cookies, no compression) posting
 * the seed body as pre-built bytes with pre-built headers. No mapping, no JSON, no per-request signing:
 * the simulator only requires the Date to be within 5 minutes, so the headers are signed once before
 * each measured phase (a few seconds long) and reused. Only the status code is checked and the answer's
 * bytes read.
 */
public final class FloorClient implements CreditClient {
    private static final ContentType JSON = ContentType.parse("application/json;charset=utf-8");
    private final URI uri;
    private final String host;
    private final byte[] body = Fixtures.SEED_BODY.getBytes(StandardCharsets.UTF_8);
    private final CybersourceSigner signer;
    private final CloseableHttpClient client;
    private volatile org.apache.hc.core5.http.Header[] headers;

    public FloorClient(String baseUrl) {
        uri = URI.create(baseUrl + Fixtures.CREDITS_PATH);
        host = URI.create(baseUrl).getRawAuthority();
        signer = new CybersourceSigner(Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_KEY_ID, Base64.getDecoder().decode(Fixtures.CYBS_SECRET));
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

    /** Signs the fixed body once with a fresh Date (valid for the simulator's 5-minute window). */
    @Override
    public void beforePhase() {
        List<Header> signed = signer.headers("POST", host, Fixtures.CREDITS_PATH, Instant.now(), body);
        org.apache.hc.core5.http.Header[] h = new org.apache.hc.core5.http.Header[signed.size() + 1];
        for (int i = 0; i < signed.size(); i++) {
            h[i] = new org.apache.hc.core5.http.message.BasicHeader(signed.get(i).name(), signed.get(i).value());
        }
        h[signed.size()] = new org.apache.hc.core5.http.message.BasicHeader("Accept", "application/hal+json;charset=utf-8");
        headers = h;
    }

    @Override
    public Caller newCaller() {
        return () -> {
            HttpPost post = new HttpPost(uri);
            post.setHeaders(headers);
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
