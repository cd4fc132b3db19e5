package org.standalonecredit.spring.boot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.standalonecredit.api.config.Secret;

/**
 * The library's own configuration keys under {@code standalone-credit.gateways.<name>.}: what a properties file
 * holds as {@code <name>.gateway}, {@code <name>.http.*}, {@code <name>.retry.*}, {@code <name>.journal.*} and
 * {@code <name>.<provider>.*} (see the README's table) is written here as
 * {@code standalone-credit.gateways.<name>.gateway}, {@code standalone-credit.gateways.<name>.http.*} and so on.
 * Values are passed to the library as written, so its bounds, defaults and messages apply unchanged (durations as
 * {@code 500ms}, {@code 5s}, {@code PT5S}; a {@code ${NAME}} Spring cannot resolve is expanded by the library from the
 * environment). Credentials are held as {@link Secret}, whose {@code toString()} is redacted.
 *
 * <p>Each section is a record whose component names are the library's keys in camel case ({@code merchantId} is
 * {@code merchant-id}, a nested record {@code mle} the {@code mle.} keys): {@link Gateway#libraryKeys()} derives the keys
 * from them, and a test holds the provider sections to each provider's {@code configurationKeys()}.
 */
@ConfigurationProperties(prefix = StandaloneCreditProperties.PREFIX)
public class StandaloneCreditProperties {
    public static final String PREFIX = "standalone-credit";

    /** Whether to open the configured gateways as beans. */
    private boolean enabled = true;

    /**
     * The name of the gateway (a key of standalone-credit.gateways) whose bean is @Primary, so that a plain
     * CreditGateway injection point gets it. Not needed with one gateway.
     */
    private String primary;

    /** The gateways, by name: each becomes a CreditGateway bean named {@code <name in camel case>CreditGateway}. */
    private Map<String, Gateway> gateways = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPrimary() {
        return primary;
    }

    public void setPrimary(String primary) {
        this.primary = primary;
    }

    public Map<String, Gateway> getGateways() {
        return gateways;
    }

    public void setGateways(Map<String, Gateway> gateways) {
        this.gateways = gateways;
    }

    @Override
    public String toString() {
        return "StandaloneCreditProperties[enabled=" + enabled + ", primary=" + primary + ", gateways=" + gateways.keySet() + "]";
    }

    /**
     * One gateway: the library's keys under {@code <name>.}.
     *
     * @param gateway        provider id: cybersource, visa-acceptance, commerce-hub, or another provider's on the class path
     *                       (whose keys, {@code <name>.<id>.*}, are read as they are written)
     * @param http           {@code <name>.http.*}: the transport
     * @param retry          {@code <name>.retry.*}: when the library sends again
     * @param journal        {@code <name>.journal.*}: where credits are recorded before they are sent
     * @param cybersource    {@code <name>.cybersource.*}: see provider-cybersource/README.md
     * @param visaAcceptance {@code <name>.visa-acceptance.*}: the Cybersource keys at Visa Acceptance hosts, and mass-transit
     * @param commerceHub    {@code <name>.commerce-hub.*}: see provider-commercehub/README.md
     */
    public record Gateway(String gateway, @DefaultValue Http http, @DefaultValue Retry retry, @DefaultValue Journal journal,
                          @DefaultValue Cybersource cybersource, @DefaultValue VisaAcceptance visaAcceptance,
                          @DefaultValue CommerceHub commerceHub) {

        /** The library's keys, relative to the gateway name, with every value that is set (a String or a {@link Secret}). */
        public Map<String, Object> libraryKeys() {
            Map<String, Object> keys = new LinkedHashMap<>();
            collect("", this, keys);
            return keys;
        }

        private static void collect(String prefix, Record section, Map<String, Object> keys) {
            for (RecordComponent component : section.getClass().getRecordComponents()) {
                Object value = read(component, section);
                String key = prefix + kebab(component.getName());
                if (value instanceof Record nested) {
                    collect(key + ".", nested, keys);
                } else if (value != null) {
                    keys.put(key, value);
                }
            }
        }

        private static Object read(RecordComponent component, Record section) {
            try {
                return component.getAccessor().invoke(section);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }

        /** {@code merchantId} → {@code merchant-id}, {@code p12Base64} → {@code p12-base64}. */
        static String kebab(String camel) {
            StringBuilder key = new StringBuilder();
            for (char c : camel.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    key.append('-').append(Character.toLowerCase(c));
                } else {
                    key.append(c);
                }
            }
            return key.toString();
        }
    }

    /**
     * {@code <name>.http.*}.
     *
     * @param connectTimeout   TCP/TLS connect timeout; 1ms..5m (library default 5s)
     * @param responseTimeout  time to wait for the answer once sent; 1ms..30m (library default 30s)
     * @param deadline         per attempt, from sending to the last byte of the answer; 1ms..2h (library default 60s)
     * @param maxResponseBytes larger answers are cut off and reported unreadable; 1024..67108864 (library default 1048576)
     * @param maxConnections   connection pool size; 1..1024 (library default 64)
     * @param proxy            host:port of an HTTP proxy
     */
    public record Http(String connectTimeout, String responseTimeout, String deadline, String maxResponseBytes, String maxConnections,
                       String proxy) {
    }

    /**
     * {@code <name>.retry.*}.
     *
     * @param maxAttempts         attempts for a request that was never sent; 1..10 (library default 3)
     * @param maxResendsAfterSent re-sends of a sent request, only to a gateway that deduplicates (Commerce Hub); 0..5 (default 2)
     * @param backoff             pause between attempts, times the attempt number; 1ms..1m (library default 200ms)
     */
    public record Retry(String maxAttempts, String maxResendsAfterSent, String backoff) {
    }

    /**
     * {@code <name>.journal.*}.
     *
     * @param type     memory (this JVM, the default) or jdbc (module standalone-credit-journal-jdbc)
     * @param url      the JDBC journal's database: jdbc:postgresql://..., jdbc:h2:file:...
     * @param user     the JDBC journal's database user
     * @param password the JDBC journal's database password
     * @param table    the JDBC journal's table (library default credit_journal)
     * @param poolSize the JDBC journal's pool size (library default 4)
     */
    public record Journal(String type, String url, String user, Secret password, String table, String poolSize) {
    }

    /**
     * {@code <name>.cybersource.*}.
     *
     * @param environment    test (default), production, production-india, production-saudi-arabia, test-saudi-arabia
     * @param baseUrl        send here instead of the named environment (https; http only to loopback)
     * @param merchantId     the merchant id
     * @param authentication jwt (default), jwt-p12 or http-signature (retired in March 2027)
     * @param keyId          the shared secret's key id (jwt, http-signature)
     * @param secretKey      the shared secret, base64 as issued (jwt, http-signature)
     * @param portfolioId    with a meta key: the portfolio that owns the key (JWT only)
     * @param p12File        the P12 key store file (jwt-p12)
     * @param p12Base64      the P12 key store as base64 text, instead of a file (jwt-p12)
     * @param p12Password    the P12 key store's password (jwt-p12)
     * @param mle            message-level encryption (JWT modes only)
     */
    public record Cybersource(String environment, String baseUrl, String merchantId, String authentication, String keyId, Secret secretKey,
                              String portfolioId, String p12File, Secret p12Base64, Secret p12Password, @DefaultValue Mle mle) {
    }

    /**
     * {@code <name>.visa-acceptance.*}: the {@link Cybersource} keys, and {@code mass-transit}.
     *
     * @param environment    test (default) or production (Visa Acceptance hosts)
     * @param baseUrl        send here instead of the named environment (https; http only to loopback)
     * @param merchantId     the merchant id
     * @param authentication jwt (default), jwt-p12 or http-signature (retired in March 2027)
     * @param keyId          the shared secret's key id (jwt, http-signature)
     * @param secretKey      the shared secret, base64 as issued (jwt, http-signature)
     * @param portfolioId    with a meta key: the portfolio that owns the key (JWT only)
     * @param p12File        the P12 key store file (jwt-p12)
     * @param p12Base64      the P12 key store as base64 text, instead of a file (jwt-p12)
     * @param p12Password    the P12 key store's password (jwt-p12)
     * @param mle            message-level encryption (JWT modes only)
     * @param massTransit    apply the mass-transit stand-alone credit rules (default true)
     */
    public record VisaAcceptance(String environment, String baseUrl, String merchantId, String authentication, String keyId,
                                 Secret secretKey, String portfolioId, String p12File, Secret p12Base64, Secret p12Password,
                                 @DefaultValue Mle mle, String massTransit) {
    }

    /**
     * {@code <name>.<cybersource|visa-acceptance>.mle.*}.
     *
     * @param request             encrypt requests to the gateway's MLE certificate (default false)
     * @param certificate         the gateway's MLE certificate (PEM); else taken from the P12
     * @param response            ask for encrypted answers (default false)
     * @param responseKey         the merchant's private key that decrypts answers
     * @param responseKeyId       the id of the merchant's response key
     * @param responseCertificate the merchant's response-MLE certificate: checks the key belongs to it, gives the key id
     */
    public record Mle(String request, String certificate, String response, Secret responseKey, String responseKeyId,
                      String responseCertificate) {
    }

    /**
     * {@code <name>.commerce-hub.*}.
     *
     * @param environment            cert (default) or production
     * @param baseUrl                send here instead of the named environment (https; http only to loopback)
     * @param apiKey                 the API key
     * @param apiSecret              the API secret that signs requests (HMAC)
     * @param merchantId             the merchant id
     * @param terminalId             the terminal id
     * @param creditPath             /payments/v1/credits (default) or /payments/v1/refunds (open refund)
     * @param cardEncryption         plain or rsa (encrypted cards; the default in production)
     * @param transactionInteraction ecom (default) or none
     * @param captureFlag            transactionDetails.captureFlag, true or false; not sent when absent
     * @param inquireUnseenKeys      before the first send of a caller's idempotency key this instance has no record of,
     *                               inquire by it (default true)
     */
    public record CommerceHub(String environment, String baseUrl, Secret apiKey, Secret apiSecret, String merchantId, String terminalId,
                              String creditPath, String cardEncryption, String transactionInteraction, String captureFlag,
                              String inquireUnseenKeys) {
    }
}
