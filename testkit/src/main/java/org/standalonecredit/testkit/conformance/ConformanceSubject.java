package org.standalonecredit.testkit.conformance;

import java.util.Map;
import java.util.Optional;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.simulator.RecordedRequest;

/**
 * What a provider author supplies to run the conformance suite: how to start the simulator their
 * provider talks to, how to configure the provider against it, a request it accepts, and where
 * the amount and the idempotency key appear on the wire.
 */
public interface ConformanceSubject {

    /** The provider id the suite looks up through {@link java.util.ServiceLoader}. */
    String providerId();

    /** A fresh simulator, started; the suite closes it. */
    SimulatedGateway startSimulator();

    /**
     * The provider's configuration for a gateway named {@code credit} that sends to {@code baseUrl}
     * (without {@code credit.gateway}, which the suite sets, and without {@code credit.http.*} or
     * {@code credit.retry.*}, which the suite may override).
     */
    Map<String, String> configuration(String baseUrl);

    /**
     * A request the provider accepts with the given amount. The suite sets the idempotency key and
     * may change the amount; the builder must carry everything else the provider requires.
     */
    CreditRequest.Builder validRequest(String amount, String currency);

    /** The amount exactly as it appears in the credit request on the wire ("10.50", "1500", "1.250"). */
    String amountOnWire(RecordedRequest creditRequest);

    /**
     * The value of the gateway's own duplicate-detection field in the credit request (Commerce Hub's
     * {@code Client-Request-Id}, Cybersource's {@code clientReferenceInformation.transactionId}), or
     * empty if the gateway has none for this request.
     */
    Optional<String> idempotencyValueOnWire(RecordedRequest creditRequest);

    /** Whether the gateway deduplicates a re-sent request, so the provider may resend after a lost answer. */
    boolean gatewayDeduplicates();
}
