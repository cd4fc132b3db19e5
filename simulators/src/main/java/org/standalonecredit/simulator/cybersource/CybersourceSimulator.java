package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
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
 * Local stand-in for the Cybersource REST API, and for Visa Acceptance (the same API on another host).
 *
 * <p>Serves, all authenticated with HTTP Signature ({@link HttpSignatureVerifier}):
 * <ul>
 *   <li>{@code POST /pts/v2/credits}: stand-alone credit; 201 {@code PENDING} by default.</li>
 *   <li>{@code POST /pts/v2/credits/{id}/voids}: void; unknown id → 404, not voidable → 400 {@code NOT_VOIDABLE}.</li>
 *   <li>{@code POST /pts/v2/voids}: timeout void by {@code clientReferenceInformation.transactionId}.</li>
 *   <li>{@code GET /tss/v2/transactions/{id}}: transaction details.</li>
 *   <li>{@code POST /tss/v2/searches}: transaction search.</li>
 * </ul>
 * Any other path: 404. Authentication failures: 401 {@code {"response":{"rmsg":"Authentication Failed"}}}.
 *
 * <pre>{@code
 * try (CybersourceSimulator sim = CybersourceSimulator.builder().start()) {
 *     CybersourceSigner signer = sim.signer();
 *     // point the client at sim.baseUrl(), sign with signer, then:
 *     assertEquals(1, sim.ledger().size());
 * }
 * }</pre>
 */
public final class CybersourceSimulator extends GatewaySimulator {
    /** Default merchant id (the protocol notes' test vector). */
    public static final String DEFAULT_MERCHANT_ID = "testmerchant";
    /** Default key id (the protocol notes' test vector). */
    public static final String DEFAULT_KEY_ID = "08c94330-f618-42a3-b09d-e1e43be5efda";
    /** Default shared secret, base64 of bytes 0x00..0x1f (the protocol notes' test vector; not a real secret). */
    public static final String DEFAULT_SHARED_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /** When the Visa Acceptance mass-transit required fields are enforced. */
    public enum MassTransit {
        /** Never. */
        OFF,
        /** When the request says {@code processingInformation.industryDataType: "transit"} (default). */
        AUTO,
        /** On every credit. */
        ALWAYS
    }

    private final String merchantId;
    private final String keyId;
    private final String sharedSecret;
    private final MassTransit massTransit;
    private final HttpSignatureVerifier verifier;
    private final CreditStore store;
    private final CybersourceResponses responses;
    private final Router router = new Router();

    private CybersourceSimulator(Builder b, SimulatorSettings settings) {
        super(b.gateway, settings);
        this.merchantId = b.merchantId;
        this.keyId = b.keyId;
        this.sharedSecret = b.sharedSecret;
        this.massTransit = b.massTransit;
        this.verifier = new HttpSignatureVerifier(merchantId, keyId, sharedSecret, settings.clock(), b.maxClockSkew);
        this.store = new CreditStore(b.transactionIdRetention);
        this.responses = new CybersourceResponses(settings.clock(), settings.ids());
        CreditHandler credits = new CreditHandler(this, store, responses);
        LookupHandler lookups = new LookupHandler(this, store, responses);
        router.add("POST", "/pts/v2/credits", Operation.CREDIT, credits)
                .add("POST", "/pts/v2/credits/{id}/voids", Operation.VOID, new VoidHandler(this, store, responses, false))
                .add("POST", "/pts/v2/voids", Operation.VOID, new VoidHandler(this, store, responses, true))
                .add("GET", "/tss/v2/transactions/{id}", Operation.LOOKUP, lookups::transaction)
                .add("POST", "/tss/v2/searches", Operation.LOOKUP, lookups::search);
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CybersourceSimulator start() {
        super.start();
        return this;
    }

    /** The configured merchant id. */
    public String merchantId() {
        return merchantId;
    }

    /** The configured key id. */
    public String keyId() {
        return keyId;
    }

    /** The mass-transit mode. */
    public MassTransit massTransit() {
        return massTransit;
    }

    /** A signer with this simulator's credentials and clock. */
    public CybersourceSigner signer() {
        return signer(clock());
    }

    /** A signer with this simulator's credentials and the given clock. */
    public CybersourceSigner signer(Clock clock) {
        return new CybersourceSigner(merchantId, keyId, sharedSecret, clock);
    }

    boolean massTransitApplies(JsonNode body) {
        return switch (massTransit) {
            case OFF -> false;
            case ALWAYS -> true;
            case AUTO -> "transit".equalsIgnoreCase(body.at("/processingInformation/industryDataType").asText(""));
        };
    }

    @Override
    public boolean isCreditRequest(RecordedRequest request) {
        return router.operationOf(request.method(), request.pathWithoutQuery()).orElse(null) == Operation.CREDIT;
    }

    @Override
    protected Reply handle(RecordedRequest request) {
        Optional<Router.Match> match = router.match(request.method(), request.pathWithoutQuery());
        if (match.isEmpty()) {
            return responses.notFound("The requested resource does not exist");
        }
        AuthResult auth = verifier.verify(request);
        if (!auth.accepted()) {
            return responses.authenticationFailed();
        }
        return match.get().route().handler().handle(request, match.get().variables());
    }

    @Override
    protected void resetState() {
        store.clear();
    }

    /** Builder; defaults are the protocol notes' test credentials, mass transit {@link MassTransit#AUTO}. */
    public static final class Builder extends SimulatorBuilder<Builder, CybersourceSimulator> {
        private Gateway gateway = Gateway.CYBERSOURCE;
        private String merchantId = DEFAULT_MERCHANT_ID;
        private String keyId = DEFAULT_KEY_ID;
        private String sharedSecret = DEFAULT_SHARED_SECRET;
        private MassTransit massTransit = MassTransit.AUTO;
        private Duration maxClockSkew = HttpSignatureVerifier.DEFAULT_MAX_CLOCK_SKEW;
        private Duration transactionIdRetention = Duration.ofDays(60);

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Records credits as {@link Gateway#VISA_ACCEPTANCE} and enforces mass-transit fields on every credit. */
        public Builder visaAcceptanceMassTransit() {
            this.gateway = Gateway.VISA_ACCEPTANCE;
            this.massTransit = MassTransit.ALWAYS;
            return this;
        }

        /** Which gateway ledger entries name ({@link Gateway#CYBERSOURCE} or {@link Gateway#VISA_ACCEPTANCE}). */
        public Builder gateway(Gateway gateway) {
            if (gateway == Gateway.COMMERCE_HUB) {
                throw new IllegalArgumentException("not a Cybersource-family gateway");
            }
            this.gateway = gateway;
            return this;
        }

        /** Accepted {@code v-c-merchant-id}. */
        public Builder merchantId(String merchantId) {
            this.merchantId = Objects.requireNonNull(merchantId);
            return this;
        }

        /** Accepted {@code keyid}. */
        public Builder keyId(String keyId) {
            this.keyId = Objects.requireNonNull(keyId);
            return this;
        }

        /** Shared secret, base64 as issued by the gateway. */
        public Builder sharedSecret(String base64) {
            java.util.Base64.getDecoder().decode(Objects.requireNonNull(base64));
            this.sharedSecret = base64;
            return this;
        }

        /** When mass-transit required fields apply. */
        public Builder massTransit(MassTransit mode) {
            this.massTransit = Objects.requireNonNull(mode);
            return this;
        }

        /** Allowed distance between the {@code Date} header and the simulator clock (default 5 minutes). */
        public Builder maxClockSkew(Duration skew) {
            this.maxClockSkew = Objects.requireNonNull(skew);
            return this;
        }

        /** How long a used {@code transactionId} is remembered for {@code DUPLICATE_REQUEST} (default 60 days). */
        public Builder transactionIdRetention(Duration retention) {
            this.transactionIdRetention = Objects.requireNonNull(retention);
            return this;
        }

        @Override
        public CybersourceSimulator build() {
            return new CybersourceSimulator(this, settings());
        }
    }
}
