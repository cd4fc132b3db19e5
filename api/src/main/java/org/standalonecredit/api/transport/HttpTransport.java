package org.standalonecredit.api.transport;


/**
 * Sends one HTTP request and reads its response; never retries on its own (retrying a credit is
 * the library's decision). Thread-safe. Made by an {@link HttpTransportFactory}: the library's is
 * {@code org.standalonecredit.transport.apache.ApacheHttpTransport}; tests use doubles.
 */
public interface HttpTransport extends AutoCloseable {

    InboundResponse execute(OutboundRequest request) throws TransportFailure;

    /** Connection-pool figures, for leak checks. */
    default PoolStats stats() {
        return new PoolStats(0, 0, 0, 0);
    }

    @Override
    void close();

    /** Leased, idle, waiting and maximum connections. */
    record PoolStats(int leased, int available, int pending, int max) {
    }
}
