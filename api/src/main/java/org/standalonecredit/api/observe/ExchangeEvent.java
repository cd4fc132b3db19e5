package org.standalonecredit.api.observe;

import java.time.Duration;
import java.util.List;
import org.standalonecredit.api.transport.Header;

/**
 * One HTTP exchange with a gateway, as a listener sees it: headers and bodies are already masked.
 *
 * @param phase        REQUEST (about to send), RESPONSE (an answer came) or FAILURE (no answer)
 * @param attempt      1 for the first try of an operation
 * @param status       HTTP status, 0 when none
 * @param failure      the transport failure kind and whether it was sent, or null
 */
public record ExchangeEvent(Phase phase, String providerId, String operation, String idempotencyKey, int attempt,
                            String method, String path, List<Header> maskedHeaders, String maskedBody, int status,
                            Duration elapsed, String failure) {
    public enum Phase { REQUEST, RESPONSE, FAILURE }

    public ExchangeEvent {
        maskedHeaders = List.copyOf(maskedHeaders);
    }
}
