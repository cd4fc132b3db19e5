package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Serves, all authenticated with HTTP Signature ({@link HttpSignatureVerifier}) or, for
 * {@code Authorization: Bearer} requests, JWT v2 ({@link JwtVerifier}) with optional request and response
 * message-level encryption:
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
    private final JwtVerifier jwtVerifier;
    private final boolean refuseHttpSignature;
    private final MleCodec requestMle;
    private final X509Certificate requestMleCertificate;
    private final Map<String, X509Certificate> responseMleCertificates;
    private final Map<Long, AuthResult> authResults = new ConcurrentHashMap<>();
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
        this.jwtVerifier = new JwtVerifier(new JwtVerifier.Trust(merchantId, Map.of(keyId, sharedSecret),
                b.jwtCertificates, b.portfolios, b.requestHostAliases), settings.clock(), b.maxClockSkew);
        this.refuseHttpSignature = b.refuseHttpSignature;
        this.requestMleCertificate = b.requestMleCertificate;
        this.requestMle = new MleCodec(b.requestMleKey, JwtMleKeys.kidOf(b.requestMleCertificate));
        this.responseMleCertificates = Map.copyOf(b.responseMleCertificates);
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

    /**
     * A JWT signer (HS256) with this simulator's credentials and clock, encrypting requests to its request-MLE
     * certificate. Adjust with {@link CybersourceJwtSigner#toBuilder()}.
     */
    public CybersourceJwtSigner jwtSigner() {
        return CybersourceJwtSigner.builder().merchantId(merchantId).sharedSecret(keyId, sharedSecret).clock(clock())
                .requestMleCertificate(requestMleCertificate).build();
    }

    /** The certificate clients encrypt requests to (the "SJC" certificate; its kid is {@link JwtMleKeys#kidOf}). */
    public X509Certificate requestMleCertificate() {
        return requestMleCertificate;
    }

    /**
     * What a client sent in a recorded request's body, in the clear: a request-MLE wrapper
     * {@code {"encryptedRequest":"<JWE>"}} encrypted to the default request-MLE certificate
     * ({@link JwtMleKeys#requestMleCertificate()}) is opened with its key; any other body is returned as it is. For
     * tests that read the fields of a request whether or not the client encrypted it (the journal keeps the request
     * as received).
     *
     * @throws IllegalArgumentException if the wrapper does not open with the default request-MLE key
     */
    public static byte[] plaintextBody(RecordedRequest request) {
        byte[] body = request.body();
        String jwe = MleCodec.encryptedRequest(body);
        if (jwe == null) {
            return body;
        }
        try {
            return DefaultRequestMle.CODEC.decrypt(jwe);
        } catch (MleCodec.MleException e) {
            throw new IllegalArgumentException("the recorded request does not open with the default request-MLE key: "
                    + e.getMessage());
        }
    }

    /** The default request-MLE key, read on first use. */
    private static final class DefaultRequestMle {
        static final MleCodec CODEC = new MleCodec(JwtMleKeys.requestMlePrivateKey(),
                JwtMleKeys.kidOf(JwtMleKeys.requestMleCertificate()));
    }

    /** Whether HTTP Signature requests are refused ({@link Builder#refuseHttpSignature()}). */
    public boolean refusesHttpSignature() {
        return refuseHttpSignature;
    }

    /**
     * The authentication outcome of a received request, with the reason of a refusal (JWT, HTTP Signature or
     * request MLE); empty for requests that never reached authentication (unknown paths).
     */
    public Optional<AuthResult> authResult(RecordedRequest request) {
        return Optional.ofNullable(authResults.get(request.sequence()));
    }

    /** {@link #authResult} of the last request received. */
    public Optional<AuthResult> lastAuthResult() {
        return journal().last().flatMap(this::authResult);
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
        if (JwtVerifier.isBearer(request)) {
            return handleJwt(request, match.get());
        }
        AuthResult auth = refuseHttpSignature && request.header("Signature") != null
                ? AuthResult.rejected("HTTP Signature is retired (refuseHttpSignature)")
                : verifier.verify(request);
        authResults.put(request.sequence(), auth);
        if (!auth.accepted()) {
            return responses.authenticationFailed();
        }
        return match.get().route().handler().handle(request, match.get().variables());
    }

    private Reply handleJwt(RecordedRequest request, Router.Match match) {
        JwtVerifier.Verified verified = jwtVerifier.verify(request);
        if (!verified.auth().accepted()) {
            authResults.put(request.sequence(), verified.auth());
            return responses.authenticationFailed();
        }
        X509Certificate responseCertificate = null;
        if (verified.responseMleKid() != null) {
            responseCertificate = responseMleCertificates.get(verified.responseMleKid());
            if (responseCertificate == null) {
                authResults.put(request.sequence(), AuthResult.rejected("response MLE: unknown v-c-response-mle-kid"));
                return responses.mleFailure("Declined - The response encryption key is not known");
            }
        }
        // the digest was checked over the wrapper as received [DOC-GS Step 4C]; now the credit sees the plaintext
        byte[] body = request.body();
        String jwe = MleCodec.encryptedRequest(body);
        if (jwe != null) {
            try {
                body = requestMle.decrypt(jwe);
            } catch (MleCodec.MleException e) {
                authResults.put(request.sequence(), AuthResult.rejected("request MLE: " + e.getMessage()));
                return responses.mleFailure("Declined - The encrypted request could not be decrypted");
            }
        }
        authResults.put(request.sequence(), AuthResult.ok());
        // JWT clients send no v-c-merchant-id header; the handlers read the authenticated merchant from there
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.put("v-c-merchant-id", List.of(verified.merchantId()));
        RecordedRequest effective = new RecordedRequest(request.sequence(), request.receivedAt(), request.method(),
                request.path(), headers, body);
        Reply reply = match.route().handler().handle(effective, match.variables());
        if (responseCertificate == null) {
            return reply;
        }
        // Q4 (errors encrypted?) is open: every answer after authentication is encrypted, the harder case for clients
        return reply.withBody(MleCodec.encryptResponse(reply.body(), responseCertificate.getPublicKey(),
                verified.responseMleKid(), clock().instant()));
    }

    @Override
    protected void resetState() {
        store.clear();
        authResults.clear();
        jwtVerifier.forgetTokens();
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
        private boolean refuseHttpSignature;
        private final Map<String, X509Certificate> jwtCertificates = new LinkedHashMap<>();
        private final Map<String, Set<String>> portfolios = new LinkedHashMap<>();
        private final Set<String> requestHostAliases = new LinkedHashSet<>();
        private PrivateKey requestMleKey = JwtMleKeys.requestMlePrivateKey();
        private X509Certificate requestMleCertificate = JwtMleKeys.requestMleCertificate();
        private final Map<String, X509Certificate> responseMleCertificates = new LinkedHashMap<>();

        private Builder() {
            jwtCertificate(JwtMleKeys.jwtCertificate());
            responseMleCertificate(JwtMleKeys.responseMleCertificate());
        }

        /**
         * HTTP Signature is retired: such requests get 401, only JWT is accepted. For rehearsing the migration
         * the gateway announced [DOC-RN 2026-10-23].
         */
        public Builder refuseHttpSignature() {
            this.refuseHttpSignature = true;
            return this;
        }

        /**
         * Trusts a merchant's JWT (P12) certificate for RS256 (and RS384/512, PS256/384/512) under its kid, the
         * subject serialNumber ({@link JwtMleKeys#kidOf}). Default: the vectors' {@link JwtMleKeys#jwtCertificate()}.
         * Validity dates are not checked (key expiry is not simulated; the vectors' clock precedes notBefore).
         */
        public Builder jwtCertificate(X509Certificate certificate) {
            return jwtCertificate(JwtMleKeys.kidOf(certificate), certificate);
        }

        /** As {@link #jwtCertificate(X509Certificate)} under an explicit kid. */
        public Builder jwtCertificate(String kid, X509Certificate certificate) {
            jwtCertificates.put(Objects.requireNonNull(kid), Objects.requireNonNull(certificate));
            return this;
        }

        /** Meta key: JWTs with {@code iss} = this portfolio may transact for these merchants ({@code v-c-merchant-id}). */
        public Builder portfolio(String portfolioId, String... merchantIds) {
            portfolios.computeIfAbsent(Objects.requireNonNull(portfolioId), p -> new LinkedHashSet<>())
                    .addAll(List.of(merchantIds));
            return this;
        }

        /**
         * Also accept this {@code request-host} whatever the {@code Host} header (a client reaching the simulator
         * through a proxy or the Node SDK's {@code intermediateHost} but naming the gateway's host).
         */
        public Builder acceptRequestHost(String host) {
            requestHostAliases.add(Objects.requireNonNull(host));
            return this;
        }

        /**
         * The request-MLE key pair: requests encrypted to {@code certificate} (JWE kid = its subject serialNumber)
         * are decrypted with {@code key}. Default: the vectors' {@code request_mle_sjc} pair.
         */
        public Builder requestMleKey(PrivateKey key, X509Certificate certificate) {
            this.requestMleKey = Objects.requireNonNull(key);
            this.requestMleCertificate = Objects.requireNonNull(certificate);
            return this;
        }

        /** Registers a merchant's response-MLE certificate under its kid. Default: the vectors' {@code response_mle}. */
        public Builder responseMleCertificate(X509Certificate certificate) {
            return responseMleCertificate(JwtMleKeys.kidOf(certificate), certificate);
        }

        /** As {@link #responseMleCertificate(X509Certificate)} under an explicit kid (the Key Management KID). */
        public Builder responseMleCertificate(String kid, X509Certificate certificate) {
            responseMleCertificates.put(Objects.requireNonNull(kid), Objects.requireNonNull(certificate));
            return this;
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
