package org.standalonecredit.testkit.conformance;

import java.util.Map;
import java.util.Optional;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.simulator.RecordedRequest;

/**
 * What a provider author supplies to run the conformance suite: how to start the simulator their
 * provider talks to, how to configure the provider against it, a request it accepts, and where
 * the amount and the idempotency key appear on the wire.
 *
 * <p>A provider configured in several modes (Cybersource's {@code jwt}, {@code jwt} with message-level
 * encryption, {@code http-signature}) has one subject per mode: the same {@link #providerId()}, each with its own
 * {@link #variant()}. The subject of the default configuration keeps the empty variant, so a provider with one
 * subject needs neither; reports name each subject by its {@link #displayName()}.
 */
public interface ConformanceSubject {

    /** The provider id the suite looks up through {@link java.util.ServiceLoader} ({@code credit.gateway}). */
    String providerId();

    /**
     * Which configuration of the provider this subject is, when a provider has several ({@code "jwt+mle"},
     * {@code "http-signature"}), unique among the provider's subjects. Empty, the default, for the provider's
     * default configuration.
     */
    default String variant() {
        return "";
    }

    /**
     * The subject's name in test names and reports: the provider id, followed by the variant in brackets when
     * there is one ({@code cybersource}, {@code cybersource[jwt+mle]}).
     */
    default String displayName() {
        String variant = variant();
        return variant == null || variant.isEmpty() ? providerId() : providerId() + "[" + variant + "]";
    }

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
