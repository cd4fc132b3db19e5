package org.standalonecredit.kit;

import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.api.spi.CreditProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.ConfigurationException;

/**
 * Values that would otherwise be accepted and fail later — an overflow in the pause arithmetic after
 * a credit was sent, a timeout conversion, a proxy port the transport cannot use — are refused when
 * the gateway is opened, naming the full key and the allowed range, never a secret.
 */
class HostileConfigurationTest {
    private static final String SECRET = "s3cr3t-value-never-printed";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "retry.backoff           | 9223372036854775807s | must be a duration between 1ms and 1m but was '9223372036854775807s'",
            "retry.backoff           | 2m                   | must be a duration between 1ms and 1m but was '2m'",
            "http.deadline           | PT3000000H           | must be a duration between 1ms and 120m but was 'PT3000000H'",
            "http.deadline           | 9223372036854775807m | must be a duration between 1ms and 120m but was '9223372036854775807m'",
            "http.connect-timeout    | 9223372036854775807  | must be a duration between 1ms and 5m but was '9223372036854775807'",
            "http.connect-timeout    | 0ms                  | must be a duration between 1ms and 5m but was '0ms'",
            "http.response-timeout   | PT31M                | must be a duration between 1ms and 30m but was 'PT31M'",
            "http.proxy              | proxy.example:99999  | must be host:port with a port between 1 and 65535",
            "http.proxy              | proxy.example:0      | must be host:port with a port between 1 and 65535",
            "http.proxy              | :8080                | must be host:port with a port between 1 and 65535",
            "retry.max-attempts      | 2147483648           | must be a whole number but was '2147483648'",
            "retry.max-resends-after-sent | 6               | must be between 0 and 5 but was 6",
            "http.max-connections    | 0                    | must be between 1 and 1024 but was 0",
            "http.max-response-bytes | 99999999999          | must be a whole number but was '99999999999'"})
    void aHostileValueIsRefusedAtOpenNamingTheKeyAndTheRange(String key, String value, String problem) {
        Map<String, String> config = sample(key, value);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> StandaloneCredit.open(ConfigSource.fromMap(config)).close());
        assertEquals(List.of("credit." + key + " " + problem), e.problems());
        assertFalse(e.getMessage().contains(SECRET));
    }

    /** A provider that builds its transport before checking any setting still gets a ConfigurationException, not the transport's error. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"http.proxy, proxy.example:99999", "http.deadline, PT3000000H", "http.connect-timeout, 9223372036854775807s"})
    void aProviderThatChecksNothingCannotBuildATransportFromAHostileValue(String key, String value) {
        Map<String, String> config = sample(key, value);
        ConfigurationException e = refusedByAProviderThatChecksNothing(config);
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals("credit." + key, e.problems().get(0).substring(0, e.problems().get(0).indexOf(' ')));
    }

    /** Plain http is allowed only when the whole path is loopback: a proxy elsewhere would read the card data. */
    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({
            "http://127.0.0.1:8080, proxy.example.com:3128",
            "http://localhost:8080, 10.0.0.5:3128",
            "HTTP://[::1]:8080, 127.0.0.1.example.com:3128",
            "http://127.0.0.1:8080, localhost.evil.com:3128"})
    void plainHttpThroughAProxyElsewhereIsRefusedAtOpen(String baseUrl, String proxy) {
        Map<String, String> config = sample("sample.base-url", baseUrl, "http.proxy", proxy);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> StandaloneCredit.open(ConfigSource.fromMap(config)).close());
        assertEquals(1, e.problems().size(), e.problems().toString());
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("credit.http.proxy must be a loopback host"), problem);
        assertTrue(problem.contains("credit.sample.base-url") && problem.contains("clear text"), problem);
        assertFalse(e.getMessage().contains(SECRET));
    }

    /** Even a provider that checks nothing itself: the registry reads the conventional base-url key. */
    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({"http://127.0.0.1:8080, proxy.example.com:3128"})
    void theRuleHoldsForAProviderThatChecksNothing(String baseUrl, String proxy) {
        Map<String, String> config = sample("sample.base-url", baseUrl, "http.proxy", proxy);
        ConfigurationException e = refusedByAProviderThatChecksNothing(config);
        assertTrue(e.problems().get(0).startsWith("credit.http.proxy must be a loopback host"), e.problems().toString());
    }

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({
            "http://127.0.0.1:8080, 127.0.0.1:3128",
            "http://localhost:8080, localhost:3128",
            "http://127.0.0.1:8080, 127.1.2.3:3128",
            "https://payments.example.com, proxy.example.com:3128"})
    void aLoopbackProxyOrHttpsIsAccepted(String baseUrl, String proxy) {
        Map<String, String> config = sample("sample.base-url", baseUrl, "http.proxy", proxy);
        StandaloneCredit.open(ConfigSource.fromMap(config)).close();
    }

    private static ConfigurationException refusedByAProviderThatChecksNothing(Map<String, String> config) {
        CreditProvider validatesNothing = new SampleProvider() {
            @Override
            public SampleGateway create(ProviderContext context) {
                return new SampleGateway(context, "http://127.0.0.1:9", null); // builds its transport, checks no setting
            }
        };
        return assertThrows(ConfigurationException.class,
                () -> ProviderRegistry.of(List.of(validatesNothing)).create(ConfigSource.fromMap(config), "credit").close());
    }

    /** The sample gateway's configuration under "credit", with the given relative keys and values added. */
    private static Map<String, String> sample(String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        config.put("credit.gateway", "sample");
        config.put("credit.sample.base-url", "https://payments.example.com");
        config.put("credit.sample.api-key", SECRET);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put("credit." + keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }
}
