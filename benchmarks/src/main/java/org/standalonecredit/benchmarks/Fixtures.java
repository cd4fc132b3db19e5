package org.standalonecredit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.simulator.fixtures.SeedCredits;

/**
 * What every benchmark credits with: the seed credits (testkit {@link SeedCredits}), the simulators'
 * default test credentials (test vectors, not secrets) and the seed answers as canned responses.
 */
public final class Fixtures {
    /** The Cybersource simulator's defaults (the protocol notes' test vector). */
    public static final String CYBS_MERCHANT_ID = "testmerchant";
    public static final String CYBS_KEY_ID = "08c94330-f618-42a3-b09d-e1e43be5efda";
    public static final String CYBS_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** Where the official SDK signs for; it connects to the simulator through {@code intermediateHost}. */
    public static final String CYBS_TEST_HOST = "apitest.cybersource.com";
    public static final String CREDITS_PATH = "/pts/v2/credits";

    /** The Commerce Hub simulator's defaults and the seed 004 merchant. */
    public static final String CH_API_KEY = "TEST_API_KEY_0123456789abcdef";
    public static final String CH_API_SECRET = "TEST_API_SECRET_fedcba9876543210";
    public static final String CH_MERCHANT_ID = "123456789789567";
    public static final String CH_TERMINAL_ID = "123456";

    /** Seed 000's credit: 10.00 USD, reference 12345678, customer token. */
    public static final String SEED_AMOUNT = "10.00";
    public static final String SEED_CURRENCY = "USD";
    public static final String SEED_REFERENCE = "12345678";
    public static final String SEED_CUSTOMER_TOKEN = "F45FB3E443AC3C57E053A2598D0A9CFF";

    /**
     * Seed 000's body as the library writes it, byte for byte (what the transport floor posts). The
     * sanity test checks it against what the library really sends.
     */
    public static final String SEED_BODY = "{\"clientReferenceInformation\":{\"code\":\"12345678\"},"
            + "\"paymentInformation\":{\"customer\":{\"id\":\"F45FB3E443AC3C57E053A2598D0A9CFF\"}},"
            + "\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"10.00\",\"currency\":\"USD\"}}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** Seed 000 as a neutral request (built and validated; a fresh idempotency key each time). */
    public static CreditRequest cybersourceRequest() {
        return SeedCredits.cybersourceCustomerToken().build();
    }

    /** Seed 004 as a neutral request (built and validated; a fresh idempotency key each time). */
    public static CreditRequest commerceHubRequest() {
        return SeedCredits.commerceHubCard().build();
    }

    /** Configuration of a Cybersource gateway named "credit"; {@code baseUrl} null means the test host. */
    public static Map<String, String> cybersourceConfig(String baseUrl) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("credit.gateway", "cybersource");
        m.put("credit.cybersource.merchant-id", CYBS_MERCHANT_ID);
        m.put("credit.cybersource.key-id", CYBS_KEY_ID);
        m.put("credit.cybersource.secret-key", CYBS_SECRET);
        if (baseUrl != null) {
            m.put("credit.cybersource.base-url", baseUrl);
        }
        return m;
    }

    /** Configuration of a Commerce Hub gateway named "credit" (cert environment, plain card data). */
    public static Map<String, String> commerceHubConfig(String baseUrl) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("credit.gateway", "commerce-hub");
        m.put("credit.commerce-hub.api-key", CH_API_KEY);
        m.put("credit.commerce-hub.api-secret", CH_API_SECRET);
        m.put("credit.commerce-hub.merchant-id", CH_MERCHANT_ID);
        m.put("credit.commerce-hub.terminal-id", CH_TERMINAL_ID);
        if (baseUrl != null) {
            m.put("credit.commerce-hub.base-url", baseUrl);
        }
        return m;
    }

    /** Seed 000's answer (compact JSON, as a server sends it) with the headers Cybersource sends. */
    public static InboundResponse cybersourceSeedResponse() {
        return new InboundResponse(201, List.of(
                new Header("Content-Type", "application/hal+json"),
                new Header("v-c-correlation-id", "0a5d5f5a-7f0b-4c5f-9e53-3c1f2d6b9a11"),
                new Header("x-requestid", "7055967677826132904951")),
                compact("cybersource-000-customer-token-response.json"));
    }

    /** Seed 004's answer (compact JSON). */
    public static InboundResponse commerceHubSeedResponse() {
        return new InboundResponse(201, List.of(
                new Header("Content-Type", "application/json"),
                new Header("Client-Request-Id", "4345791"),
                new Header("Api-Key", CH_API_KEY)),
                compact("commercehub-004-credit-response.json"));
    }

    static byte[] compact(String seed) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/seeds/" + seed)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /seeds/" + seed);
            }
            return JSON.writeValueAsString(JSON.readTree(in)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
