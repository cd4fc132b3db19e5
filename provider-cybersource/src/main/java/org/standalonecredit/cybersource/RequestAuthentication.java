package org.standalonecredit.cybersource;

import java.time.Instant;
import java.util.List;
import org.standalonecredit.api.transport.Header;

/**
 * The authentication headers of one request, signed afresh per attempt over the exact body bytes sent: HTTP
 * Signature ({@link CybersourceSigner}) or a JWT ({@link JwtAuthentication}), chosen by the
 * {@code authentication} setting [PROTOCOL-SOURCES: Cybersource: HTTP Signature; JWT and message-level encryption].
 */
interface RequestAuthentication {

    /**
     * @param host         the Host header value exactly as sent (host, or host:port)
     * @param pathAndQuery the raw path the server receives, with {@code ?query} if any
     * @param body         the exact body bytes sent, null for none
     */
    List<Header> headers(String method, String host, String pathAndQuery, Instant now, byte[] body);
}
