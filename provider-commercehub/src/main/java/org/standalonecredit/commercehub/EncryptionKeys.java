package org.standalonecredit.commercehub;

import org.standalonecredit.kit.json.JsonMasking;
import org.standalonecredit.kit.json.JsonValue;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.kit.AttemptLoop;
import org.standalonecredit.api.transport.InboundResponse;

/**
 * The multi-use public key card data is encrypted with, from {@code POST /security/v1/keys/generate},
 * kept until shortly before it expires. Thread-safe: concurrent credits wait for one fetch.
 */
final class EncryptionKeys {

    /** No usable key: the credit was not sent. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;
        private final CreditOutcome outcome;
        private final OutcomeDetail detail;
        private final int httpStatus;
        private final transient List<GatewayError> errors;
        private final String maskedBody;

        Unavailable(CreditOutcome outcome, OutcomeDetail detail, int httpStatus, String message, List<GatewayError> errors,
                    String maskedBody) {
            super(message);
            this.outcome = outcome;
            this.detail = detail;
            this.httpStatus = httpStatus;
            this.errors = List.copyOf(errors);
            this.maskedBody = maskedBody;
        }

        CreditOutcome outcome() { return outcome; }
        OutcomeDetail detail() { return detail; }
        int httpStatus() { return httpStatus; }
        List<GatewayError> errors() { return errors; }
        String maskedBody() { return maskedBody; }
    }

    private final SignedSender sender;
    private final CommerceHubSettings settings;
    private final Clock clock;
    private final Supplier<String> clientRequestIds;
    private final Duration budget;
    private EncryptionKey current;

    EncryptionKeys(SignedSender sender, CommerceHubSettings settings, Clock clock, Supplier<String> clientRequestIds, Duration budget) {
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.clientRequestIds = clientRequestIds;
        this.budget = budget;
    }

    synchronized EncryptionKey current() throws Unavailable {
        if (current == null || !current.usableAt(clock.instant())) {
            current = fetch();
        }
        return current;
    }

    private EncryptionKey fetch() throws Unavailable {
        String clientRequestId = clientRequestIds.get();
        AttemptLoop.Outcome outcome = sender.post("generate-key", CommerceHubRequests.GENERATE_KEY_PATH, CommerceHubRequests.generateKey(settings), clientRequestId,
                clientRequestId, budget);
        if (!outcome.last().answered()) {
            throw new Unavailable(CreditOutcome.NOT_SENT, OutcomeDetail.CONNECTION_FAILED, 0,
                    "no encryption key (key generation got no answer: " + outcome.last().failure().kind() + "); the credit was not sent",
                    List.of(), null);
        }
        InboundResponse response = outcome.last().response();
        int status = response.status();
        String masked = JsonMasking.maskBody(response.body());
        Optional<JsonValue> json = CommerceHubResponses.parse(response.body());
        List<GatewayError> errors = json.map(CommerceHubResponses::errorsIn).orElse(List.of());
        if (status < 200 || status >= 300) {
            OutcomeDetail detail = switch (status) {
                case 401 -> OutcomeDetail.AUTHENTICATION_FAILED;
                case 403 -> OutcomeDetail.NOT_PERMITTED;
                case 429 -> OutcomeDetail.RATE_LIMITED;
                default -> OutcomeDetail.GATEWAY_REFUSED;
            };
            boolean retryLater = status >= 500 || status == 408;
            throw new Unavailable(retryLater ? CreditOutcome.NOT_SENT : CreditOutcome.REJECTED,
                    retryLater ? OutcomeDetail.CONNECTION_FAILED : detail, status,
                    "key generation answered HTTP " + status + "; the credit was not sent", errors, masked);
        }
        return json.map(this::parse).orElseThrow(() -> new Unavailable(CreditOutcome.NOT_SENT, OutcomeDetail.CONNECTION_FAILED, status,
                "key generation answered without a usable, active RSA key of at least " + EncryptionKey.MIN_MODULUS_BITS
                        + " bits; the credit was not sent", errors, masked));
    }

    /** The key in a generate answer, or null when it is missing, malformed, inactive or about to expire. */
    private EncryptionKey parse(JsonValue root) {
        CommerceHubResponses.GeneratedKey key = CommerceHubResponses.generatedKey(root);
        String keyId = key.keyId();
        String status = key.status();
        Optional<PublicKey> publicKey = EncryptionKey.decodePublicKey(key.encodedPublicKey());
        if (keyId == null || keyId.isBlank() || publicKey.isEmpty() || (status != null && !status.equalsIgnoreCase("ACTIVE"))) {
            return null;
        }
        Instant now = clock.instant();
        Instant validTo = instant(key.validTo());
        Instant refreshAt = validTo != null ? validTo.minus(EncryptionKey.EXPIRY_MARGIN) : now.plus(EncryptionKey.DEFAULT_LIFETIME);
        return refreshAt.isAfter(now) ? new EncryptionKey(keyId, publicKey.get(), refreshAt) : null;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
