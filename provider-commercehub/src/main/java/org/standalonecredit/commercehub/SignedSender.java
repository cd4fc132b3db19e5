package org.standalonecredit.commercehub;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.standalonecredit.kit.AttemptLoop;
import org.standalonecredit.kit.GatewayExchange;
import org.standalonecredit.api.spi.RetryPolicy;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;

/**
 * Posts one JSON body to Commerce Hub through the {@link AttemptLoop}. Every attempt carries the
 * same body bytes and Client-Request-Id, with a fresh Timestamp and signature; Commerce Hub answers a
 * repeated Client-Request-Id with the original outcome, so a lost or timed-out answer may be re-sent.
 */
final class SignedSender {
    /** Answers that do not say whether the request was processed: worth re-sending under the same id. */
    static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 500, 502, 503, 504);

    private final GatewayExchange exchange;
    private final CommerceHubSigner signer;
    private final String baseUrl;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    SignedSender(GatewayExchange exchange, CommerceHubSigner signer, String baseUrl, RetryPolicy policy, Sleeper sleeper) {
        this.exchange = exchange;
        this.signer = signer;
        this.baseUrl = baseUrl;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    AttemptLoop.Outcome post(String operation, String path, byte[] body, String clientRequestId, String idempotencyKey,
                             Duration budget) {
        URI uri = URI.create(baseUrl + path);
        AttemptLoop loop = new AttemptLoop(exchange, policy, sleeper, budget);
        return loop.run(operation, idempotencyKey,
                () -> new OutboundRequest("POST", uri, signer.headers(clientRequestId, body), body),
                true, SignedSender::isRetryable);
    }

    static boolean isRetryable(InboundResponse response) {
        return RETRYABLE_STATUSES.contains(response.status());
    }
}
