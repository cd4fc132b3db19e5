package org.standalonecredit.transport.apache;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/**
 * Adjusts the Apache HttpClient 5 client of every gateway before it is built: a proxy with credentials, a TLS
 * strategy, request interceptors for tracing or metrics. Register one with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.standalonecredit.transport.apache.ApacheClientCustomizer}) or pass it to
 * {@link ApacheTransportFactory#ApacheTransportFactory(java.util.List)}.
 *
 * <p>Runs after the library's own settings, so it can override them. Do not turn automatic retries or
 * redirects back on: the library tells a request that never left from one that may have, and an HttpClient
 * retry would re-send a credit behind its back.
 */
public interface ApacheClientCustomizer {

    /** Called once per gateway, with the pool's builder first, then the client's. */
    default void customizePool(PoolingHttpClientConnectionManagerBuilder pool) {
    }

    void customizeClient(HttpClientBuilder client);
}
