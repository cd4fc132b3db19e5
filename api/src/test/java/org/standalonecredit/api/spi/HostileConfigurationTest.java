package org.standalonecredit.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        Map<String, String> config = sample();
        config.put("credit." + key, value);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> StandaloneCredit.open(ConfigSource.fromMap(config)).close());
        assertEquals(List.of("credit." + key + " " + problem), e.problems());
        assertFalse(e.getMessage().contains(SECRET));
    }

    /** A provider that builds its transport before checking any setting still gets a ConfigurationException, not the transport's error. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"http.proxy, proxy.example:99999", "http.deadline, PT3000000H", "http.connect-timeout, 9223372036854775807s"})
    void aProviderThatChecksNothingCannotBuildATransportFromAHostileValue(String key, String value) {
        CreditProvider validatesNothing = new SampleProvider() {
            @Override
            public SampleGateway create(ProviderContext context) {
                return new SampleGateway(context, "http://127.0.0.1:9", null);
            }
        };
        Map<String, String> config = sample();
        config.put("credit." + key, value);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderRegistry.of(List.of(validatesNothing)).create(ConfigSource.fromMap(config), "credit").close());
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals("credit." + key, e.problems().get(0).substring(0, e.problems().get(0).indexOf(' ')));
    }

    private static Map<String, String> sample() {
        Map<String, String> config = new HashMap<>();
        config.put("credit.gateway", "sample");
        config.put("credit.sample.base-url", "https://payments.example.com");
        config.put("credit.sample.api-key", SECRET);
        return config;
    }
}
