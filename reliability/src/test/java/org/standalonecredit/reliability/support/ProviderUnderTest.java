package org.standalonecredit.reliability.support;

import java.util.HashMap;
import java.util.Map;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.simulator.fixtures.SeedCredits;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * The three providers as these tests drive them: which simulator, which configuration, which
 * request, and how an unknown outcome is looked up.
 *
 * <ul>
 *   <li>Cybersource: a card credit (the canary card) with merchant reference and transactionId; an
 *       unknown is searched for by transactionId.</li>
 *   <li>Visa Acceptance with mass transit on (its default): the seed-003 request (instrument
 *       identifier, certification number) with a fresh transactionId; searched for by transactionId.</li>
 *   <li>Commerce Hub: a card credit (the canary card and security code); an unknown is inquired for
 *       by idempotency key (its Client-Request-Id).</li>
 * </ul>
 */
public enum ProviderUnderTest {
    CYBERSOURCE("cybersource", false),
    VISA_ACCEPTANCE("visa-acceptance", false),
    COMMERCE_HUB("commerce-hub", true);

    private static final CardExpiry EXPIRY = CardExpiry.of(12, 2031);

    private final String id;
    private final boolean deduplicates;

    ProviderUnderTest(String id, boolean deduplicates) {
        this.id = id;
        this.deduplicates = deduplicates;
    }

    /** The provider id ({@code credit.gateway}). */
    public String id() {
        return id;
    }

    /** Whether the gateway deduplicates a re-sent request, so the library may re-send after sending. */
    public boolean deduplicates() {
        return deduplicates;
    }

    /** A started simulator for this provider with {@code workers} request threads. */
    public GatewaySimulator startSimulator(int workers) {
        return switch (this) {
            case CYBERSOURCE -> CybersourceSimulator.builder().workerThreads(workers).start();
            case VISA_ACCEPTANCE -> CybersourceSimulator.builder().visaAcceptanceMassTransit().workerThreads(workers).start();
            case COMMERCE_HUB -> CommerceHubSimulator.builder().workerThreads(workers).start();
        };
    }

    /** The gateway named {@code credit} sending to {@code baseUrl}, with the simulators' credentials. */
    public Map<String, String> configuration(String baseUrl) {
        Map<String, String> c = new HashMap<>();
        c.put("credit.gateway", id);
        switch (this) {
            case CYBERSOURCE, VISA_ACCEPTANCE -> {
                c.put("credit." + id + ".base-url", baseUrl);
                c.put("credit." + id + ".merchant-id", CybersourceSimulator.DEFAULT_MERCHANT_ID);
                c.put("credit." + id + ".key-id", CybersourceSimulator.DEFAULT_KEY_ID);
                c.put("credit." + id + ".secret-key", CybersourceSimulator.DEFAULT_SHARED_SECRET);
            }
            case COMMERCE_HUB -> {
                c.put("credit.commerce-hub.base-url", baseUrl);
                c.put("credit.commerce-hub.api-key", CommerceHubSimulator.DEFAULT_API_KEY);
                c.put("credit.commerce-hub.api-secret", CommerceHubSimulator.DEFAULT_API_SECRET);
                c.put("credit.commerce-hub.merchant-id", "100008000003683");
                c.put("credit.commerce-hub.terminal-id", "10000001");
            }
        }
        return c;
    }

    /**
     * A request this provider accepts. {@code reference} (at most 12 characters, Commerce Hub's
     * invoice number limit) is the merchant reference and, for the Cybersource family, also the
     * transactionId, so every credit can be found in the simulator's ledger and at the gateway.
     */
    public CreditRequest request(String amount, String reference) {
        return switch (this) {
            case CYBERSOURCE -> CreditRequest.builder().amount(amount, "USD")
                    .source(PaymentSource.card(Canaries.PAN, EXPIRY, Canaries.SECURITY_CODE, CardBrand.VISA))
                    .merchantReference(reference).transactionId(reference).build();
            case VISA_ACCEPTANCE -> SeedCredits.visaAcceptanceMassTransit().amount(amount, "USD")
                    .merchantReference(reference).transactionId(reference).build();
            case COMMERCE_HUB -> CreditRequest.builder().amount(amount, "USD")
                    .source(PaymentSource.card(Canaries.PAN, EXPIRY, Canaries.SECURITY_CODE, CardBrand.VISA))
                    .merchantReference(reference).build();
        };
    }

    /** How a caller looks up a credit whose outcome is unknown. */
    public StatusQuery followUp(CreditRequest request) {
        return deduplicates
                ? StatusQuery.byIdempotencyKey(request.idempotencyKey())
                : StatusQuery.byTransactionId(request.transactionId().orElseThrow());
    }

    @Override
    public String toString() {
        return id;
    }
}
