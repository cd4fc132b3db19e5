package org.standalonecredit.testkit.reliability.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.ProviderCapabilities;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.SimulatedGateway;
import org.standalonecredit.testkit.conformance.SimulatorBackedGateway;

/**
 * A provider as the fault matrix, the soak and the library's own hygiene tests drive it, built from its
 * {@link ConformanceSubject}: {@link #of} for one subject, {@link #all()} for every subject on the test class path
 * (registered for {@link ServiceLoader} in a provider's test jar), ours or a third party's, with no list to extend.
 * Support for {@link org.standalonecredit.testkit.reliability.FaultMatrix} and
 * {@link org.standalonecredit.testkit.reliability.Soak}, public for the library's reliability module: a provider
 * author does not need it.
 *
 * <ul>
 *   <li>The request is the subject's valid request with a merchant reference; it carries the canary card and
 *       security code when the gateway accepts a card for it (so the leak scan has something to find), and the
 *       reference as transactionId when the provider can look a credit up by it.</li>
 *   <li>An unknown outcome is looked up the way the provider declares: by transactionId, else by idempotency key,
 *       else by merchant reference; a provider that declares none has no follow-up, and its ledger speaks alone.</li>
 * </ul>
 */
public final class ProviderUnderTest {
    private static final CardExpiry EXPIRY = CardExpiry.of(12, 2031);

    private final ConformanceSubject subject;
    private final int index;
    private final ProviderCapabilities capabilities;
    private final boolean acceptsCanaryCard;
    /** How an unknown credit is looked up: a deduplicating gateway by its own idempotency id, others by transactionId. */
    private final StatusQuery.By lookUpBy;

    private ProviderUnderTest(ConformanceSubject subject, int index) {
        this.subject = subject;
        this.index = index;
        this.capabilities = ProviderRegistry.load().get(subject.providerId()).capabilities();
        this.acceptsCanaryCard = acceptsCanaryCard(subject);
        this.lookUpBy = lookUpBy(subject.gatewayDeduplicates(), capabilities);
    }

    private static StatusQuery.By lookUpBy(boolean deduplicates, ProviderCapabilities capabilities) {
        List<StatusQuery.By> preference = deduplicates
                ? List.of(StatusQuery.By.IDEMPOTENCY_KEY, StatusQuery.By.TRANSACTION_ID, StatusQuery.By.MERCHANT_REFERENCE)
                : List.of(StatusQuery.By.TRANSACTION_ID, StatusQuery.By.IDEMPOTENCY_KEY, StatusQuery.By.MERCHANT_REFERENCE);
        for (StatusQuery.By by : preference) {
            if (capabilities.supports(requiredFollowUp(by))) {
                return by;
            }
        }
        return null;
    }

    private static FollowUp requiredFollowUp(StatusQuery.By by) {
        return switch (by) {
            case IDEMPOTENCY_KEY -> FollowUp.STATUS_BY_IDEMPOTENCY_KEY;
            case TRANSACTION_ID -> FollowUp.STATUS_BY_TRANSACTION_ID;
            case MERCHANT_REFERENCE -> FollowUp.STATUS_BY_MERCHANT_REFERENCE;
            case GATEWAY_TRANSACTION_ID -> FollowUp.STATUS_BY_GATEWAY_ID;
        };
    }

    /** The provider of one subject; its {@link #index()} is 0. */
    public static ProviderUnderTest of(ConformanceSubject subject) {
        return new ProviderUnderTest(subject, 0);
    }

    /**
     * Every conformance subject on the test class path, ordered by {@link #id()}: a provider with several subjects
     * (one per configuration mode, {@link ConformanceSubject#variant()}) appears once per subject.
     */
    public static List<ProviderUnderTest> all() {
        return Discovered.ALL;
    }

    /**
     * The subject named {@code id} ({@link #id()}): {@code "cybersource"} is the provider's default subject,
     * {@code "cybersource[http-signature]"} one of its variants.
     */
    public static ProviderUnderTest byId(String id) {
        return Discovered.ALL.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no conformance subject '" + id + "' on the class path"));
    }

    /** Discovered on first use only, so {@link #of} does not load every subject on the class path. */
    private static final class Discovered {
        static final List<ProviderUnderTest> ALL = discover();
    }

    private static List<ProviderUnderTest> discover() {
        List<ConformanceSubject> subjects = new ArrayList<>();
        ServiceLoader.load(ConformanceSubject.class).forEach(subjects::add);
        subjects.sort(Comparator.comparing(ConformanceSubject::displayName));
        List<ProviderUnderTest> all = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            if (i > 0 && subjects.get(i).displayName().equals(subjects.get(i - 1).displayName())) {
                throw new IllegalStateException("two conformance subjects are named '" + subjects.get(i).displayName()
                        + "': give each of a provider's subjects its own variant()");
            }
            all.add(new ProviderUnderTest(subjects.get(i), i));
        }
        return List.copyOf(all);
    }

    public ConformanceSubject subject() {
        return subject;
    }

    /**
     * The configured values a leak scan must never find ({@link Canaries#secretsIn}, as the conformance suite's
     * privacy check reads them): secrets, api keys, passwords, private keys, PKCS#12 material.
     */
    public List<String> configuredSecrets() {
        return Canaries.secretsIn(subject.configuration("http://127.0.0.1:9"));
    }

    /**
     * The subject's name ({@link ConformanceSubject#displayName()}): the provider id, with the variant in brackets
     * for a provider's further subjects ({@code cybersource[jwt+mle]}). For names, not for configuration keys.
     */
    public String id() {
        return subject.displayName();
    }

    /** The provider id ({@code credit.gateway}, and the {@code credit.<provider id>.} of its configuration keys). */
    public String providerId() {
        return subject.providerId();
    }

    /** A small number, different per subject, for seeds and references. */
    public int index() {
        return index;
    }

    /** Whether the gateway deduplicates a re-sent request, so the library may re-send after sending. */
    public boolean deduplicates() {
        return subject.gatewayDeduplicates();
    }

    /** The idempotency value a credit request carried on the wire (a deduplicating gateway's key), if any. */
    public Optional<String> idempotencyValueOnWire(RecordedRequest creditRequest) {
        return subject.idempotencyValueOnWire(creditRequest);
    }

    /** A started simulator for this provider; the subject's must be built on the public simulator base. */
    public GatewaySimulator startSimulator() {
        SimulatedGateway started = subject.startSimulator();
        if (started instanceof SimulatorBackedGateway backed) {
            return backed.simulator();
        }
        started.close();
        throw new IllegalStateException("the fault matrix and the soak script the simulator itself: " + id()
                + "'s subject must start it as a SimulatorBackedGateway over a GatewaySimulator");
    }

    /** The gateway named {@code credit} sending to {@code baseUrl}, with the simulator's credentials. */
    public Map<String, String> configuration(String baseUrl) {
        Map<String, String> c = new HashMap<>(subject.configuration(baseUrl));
        c.put("credit.gateway", providerId());
        return c;
    }

    /**
     * A request this provider accepts. {@code reference} (at most 12 characters) is the merchant reference and,
     * where the provider looks credits up by it, the transactionId, so every credit can be found in the ledger
     * and at the gateway.
     */
    public CreditRequest request(String amount, String reference) {
        CreditRequest.Builder b = subject.validRequest(amount, "USD").merchantReference(reference);
        if (acceptsCanaryCard) {
            b.source(canaryCard());
        }
        if (lookUpBy == StatusQuery.By.TRANSACTION_ID || (!deduplicates() && capabilities.supports(FollowUp.TIMEOUT_VOID))) {
            b.transactionId(reference);
        }
        return b.build();
    }

    /** How a caller looks up a credit whose outcome is unknown, if the provider declares a way. */
    public Optional<StatusQuery> followUp(CreditRequest request) {
        if (lookUpBy == null) {
            return Optional.empty();
        }
        return Optional.of(switch (lookUpBy) {
            case IDEMPOTENCY_KEY -> StatusQuery.byIdempotencyKey(request.idempotencyKey());
            case TRANSACTION_ID -> StatusQuery.byTransactionId(request.transactionId().orElseThrow());
            case MERCHANT_REFERENCE -> StatusQuery.byMerchantReference(request.merchantReference().orElseThrow());
            case GATEWAY_TRANSACTION_ID -> throw new IllegalStateException("a lost credit has no gateway id to look up");
        });
    }

    /** How a caller undoes a credit found by the follow-up, if the provider declares a way. */
    public Optional<VoidRequest> undo(CreditRequest request, String foundGatewayTransactionId) {
        boolean timeoutVoid = capabilities.supports(FollowUp.TIMEOUT_VOID) && request.transactionId().isPresent();
        boolean voidById = capabilities.supports(FollowUp.VOID) && foundGatewayTransactionId != null;
        // a gateway without idempotency is undone by a timeout void on the transactionId, as its callers must
        if (timeoutVoid && (!deduplicates() || !voidById)) {
            return Optional.of(VoidRequest.timeout(request.transactionId().get()));
        }
        return voidById ? Optional.of(VoidRequest.ofCredit(foundGatewayTransactionId)) : Optional.empty();
    }

    private static PaymentSource canaryCard() {
        return PaymentSource.card(Canaries.PAN, EXPIRY, Canaries.SECURITY_CODE, CardBrand.VISA);
    }

    /** Asks the configured gateway itself: a provider may accept cards in general and refuse them in a mode (mass transit). */
    private static boolean acceptsCanaryCard(ConformanceSubject subject) {
        Map<String, String> config = new HashMap<>(subject.configuration("http://127.0.0.1:9"));
        config.put("credit.gateway", subject.providerId());
        try (CreditGateway gateway = ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit")) {
            gateway.preflight(subject.validRequest("10.00", "USD").merchantReference("CANARY").source(canaryCard()).build());
            return true;
        } catch (InvalidRequestException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
