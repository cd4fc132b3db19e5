package org.standalonecredit.simulator.commercehub;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.standalonecredit.simulator.AuthResult;
import org.standalonecredit.simulator.Gateway;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.Router;
import org.standalonecredit.simulator.SimulatorBuilder;
import org.standalonecredit.simulator.SimulatorSettings;

/**
 * Local stand-in for Fiserv Commerce Hub.
 *
 * <p>Serves, all HMAC-authenticated ({@link HmacVerifier}); paths may also be prefixed with {@code /ch}
 * like the real base URL ({@code https://connect-cert.fiservapis.com/ch}):
 * <ul>
 *   <li>{@code POST /payments/v1/refunds} (open refund, {@code transactionType:"REFUND"}) and the legacy
 *       {@code POST /payments/v1/credits} ({@code "CREDIT"}), same body.</li>
 *   <li>{@code POST /payments/v1/cancels}: void a credit.</li>
 *   <li>{@code POST /payments/v1/transaction-inquiry}: JSON array of matching transactions.</li>
 *   <li>{@code POST /security/v1/keys/generate}: the RSA public key for {@code encryptionData}.</li>
 * </ul>
 * Missing {@code Client-Request-Id}: 400 code 138. Authentication failures: 401 APIM. Same
 * {@code Client-Request-Id} and identical body within the replay window: the original answer, no second credit;
 * same id with another body: 400 code 136.
 */
public final class CommerceHubSimulator extends GatewaySimulator {
    /** Default API key (the protocol notes' test vector). */
    public static final String DEFAULT_API_KEY = "TEST_API_KEY_0123456789abcdef";
    /** Default API secret (the protocol notes' test vector; not a real secret). */
    public static final String DEFAULT_API_SECRET = "TEST_API_SECRET_fedcba9876543210";

    /** Which Commerce Hub environment to imitate. */
    public enum Environment {
        /** Accepts plain {@code card.cardData} (the default). */
        SANDBOX,
        /** Refuses plain card data: cards must come as {@code encryptionData} (or tokens). */
        PRODUCTION
    }

    private final String apiKey;
    private final String apiSecret;
    private final Environment environment;
    private final String approvedTransactionState;
    private final HmacVerifier verifier;
    private final CommerceHubResponses responses;
    private final IdempotencyStore idempotency;
    private final TransactionStore transactions = new TransactionStore();
    private final CardEncryptionKey encryptionKey;
    private final Router router = new Router();

    private CommerceHubSimulator(Builder b, SimulatorSettings settings) {
        super(Gateway.COMMERCE_HUB, settings);
        this.apiKey = b.apiKey;
        this.apiSecret = b.apiSecret;
        this.environment = b.environment;
        this.approvedTransactionState = b.approvedTransactionState;
        this.verifier = new HmacVerifier(apiKey, apiSecret, settings.clock(), b.maxClockSkew);
        this.responses = new CommerceHubResponses(settings.clock(), settings.ids());
        this.idempotency = new IdempotencyStore(b.replayWindow);
        Instant now = settings.clock().instant();
        this.encryptionKey = CardEncryptionKey.generate(settings.ids().uuid(), now, now.plus(b.keyValidity));
        IdempotentFlow flow = new IdempotentFlow(this, idempotency, responses);
        router.add("POST", "/payments/v1/refunds", Operation.CREDIT,
                        new CreditHandler(this, flow, transactions, responses, "REFUND"))
                .add("POST", "/payments/v1/credits", Operation.CREDIT,
                        new CreditHandler(this, flow, transactions, responses, "CREDIT"))
                .add("POST", "/payments/v1/cancels", Operation.VOID, new CancelHandler(this, flow, transactions, responses))
                .add("POST", "/payments/v1/transaction-inquiry", Operation.LOOKUP,
                        new InquiryHandler(this, transactions, responses))
                .add("POST", "/security/v1/keys/generate", Operation.KEY_MANAGEMENT, new KeyHandler(this, responses));
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CommerceHubSimulator start() {
        super.start();
        return this;
    }

    /** The configured API key. */
    public String apiKey() {
        return apiKey;
    }

    /** The imitated environment. */
    public Environment environment() {
        return environment;
    }

    /** A signer with this simulator's credentials and clock. */
    public CommerceHubSigner signer() {
        return signer(clock());
    }

    /** A signer with this simulator's credentials and the given clock. */
    public CommerceHubSigner signer(Clock clock) {
        return new CommerceHubSigner(apiKey, apiSecret, clock);
    }

    /** The key id of the simulator's card-encryption key. */
    public String encryptionKeyId() {
        return encryptionKey.keyId;
    }

    /** The card-encryption public key as served: base64 X.509 SubjectPublicKeyInfo DER. */
    public String encodedPublicKey() {
        return encryptionKey.encodedPublicKey();
    }

    /** The card-encryption public key. */
    public PublicKey publicKey() {
        return encryptionKey.publicKey();
    }

    /** An encryptor for this simulator's key. */
    public CommerceHubCardEncryptor cardEncryptor() {
        return new CommerceHubCardEncryptor(encryptionKey.keyId, encryptionKey.publicKey());
    }

    boolean isProduction() {
        return environment == Environment.PRODUCTION;
    }

    String approvedTransactionState() {
        return approvedTransactionState;
    }

    CardEncryptionKey encryptionKey() {
        return encryptionKey;
    }

    /** Path used for routing: the optional {@code /ch} prefix removed. */
    static String route(String path) {
        return path.startsWith("/ch/") ? path.substring(3) : path;
    }

    @Override
    public boolean isCreditRequest(RecordedRequest request) {
        return router.operationOf(request.method(), route(request.pathWithoutQuery())).orElse(null) == Operation.CREDIT;
    }

    @Override
    protected Reply handle(RecordedRequest request) {
        Optional<Router.Match> match = router.match(request.method(), route(request.pathWithoutQuery()));
        if (match.isEmpty()) {
            return responses.notFound();
        }
        String clientRequestId = request.header("Client-Request-Id");
        if (clientRequestId == null || clientRequestId.isBlank()) {
            return responses.errors(400, null, List.of(CommerceHubError.missingHeader("Client-Request-Id")));
        }
        AuthResult auth = verifier.verify(request);
        if (!auth.accepted()) {
            return responses.unauthorized();
        }
        return match.get().route().handler().handle(request, match.get().variables());
    }

    @Override
    protected void resetState() {
        synchronized (idempotency) {
            idempotency.clear();
        }
        transactions.clear();
    }

    /** Builder; defaults are the protocol notes' test credentials, sandbox, 5-minute windows. */
    public static final class Builder extends SimulatorBuilder<Builder, CommerceHubSimulator> {
        private String apiKey = DEFAULT_API_KEY;
        private String apiSecret = DEFAULT_API_SECRET;
        private Environment environment = Environment.SANDBOX;
        private Duration maxClockSkew = HmacVerifier.DEFAULT_MAX_CLOCK_SKEW;
        private Duration replayWindow = Duration.ofMinutes(5);
        private Duration keyValidity = Duration.ofDays(90);
        private String approvedTransactionState = "AUTHORIZED";

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Accepted {@code Api-Key}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey);
            return this;
        }

        /** API secret. */
        public Builder apiSecret(String apiSecret) {
            this.apiSecret = Objects.requireNonNull(apiSecret);
            return this;
        }

        /** Sandbox (default) or production behaviour for plain card data. */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment);
            return this;
        }

        /** Allowed distance between {@code Timestamp} and the simulator clock (default 5 minutes). */
        public Builder maxClockSkew(Duration skew) {
            this.maxClockSkew = Objects.requireNonNull(skew);
            return this;
        }

        /** How long a {@code Client-Request-Id} replays its original answer (default 5 minutes). */
        public Builder replayWindow(Duration window) {
            this.replayWindow = Objects.requireNonNull(window);
            return this;
        }

        /** Validity of the generated encryption key (default 90 days). */
        public Builder keyValidity(Duration validity) {
            this.keyValidity = Objects.requireNonNull(validity);
            return this;
        }

        /** {@code transactionState} of approved credits: {@code AUTHORIZED} (default, as documented) or {@code CAPTURED} (as seen live). */
        public Builder approvedTransactionState(String state) {
            if (!state.equals("AUTHORIZED") && !state.equals("CAPTURED")) {
                throw new IllegalArgumentException("AUTHORIZED or CAPTURED");
            }
            this.approvedTransactionState = state;
            return this;
        }

        @Override
        public CommerceHubSimulator build() {
            return new CommerceHubSimulator(this, settings());
        }
    }
}
