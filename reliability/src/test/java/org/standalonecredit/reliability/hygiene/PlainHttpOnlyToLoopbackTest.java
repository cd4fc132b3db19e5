package org.standalonecredit.reliability.hygiene;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;
import org.standalonecredit.testkit.reliability.support.OpenGateway;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * A credit goes in the clear only to this machine: {@code http://} is refused for any other host
 * and through any proxy that is not itself on this machine,
 * names are never resolved to decide (a name other than localhost is refused as it is), and the
 * refusal names the key without showing any configured secret. Opening a gateway does no I/O, so
 * none of these addresses is ever contacted.
 */
class PlainHttpOnlyToLoopbackTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void plainHttpToAnotherHostIsAConfigurationError(ProviderUnderTest provider) {
        CanaryScanner scanner = new CanaryScanner();
        for (String url : List.of("http://example.com", "http://example.com:8080/ch", "http://10.1.2.3:8081", "http://127.0.0.1.example.com")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> open(provider, url), url);
            String key = "credit." + provider.providerId() + ".base-url";
            assertTrue(e.getMessage().contains(key), "the message names the key: " + e.getMessage());
            assertTrue(e.getMessage().contains("https://"), "the message says what to use: " + e.getMessage());
            scanner.scan("a ConfigurationException message", e.getMessage());
        }
        assertEquals(0, scanner.hits(), "a configuration error must not show a secret: " + scanner.describeHits());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void plainHttpToLoopbackAndHttpsAnywhereAreAccepted(ProviderUnderTest provider) {
        for (String url : List.of("http://127.0.0.1:8081", "http://localhost:8081", "http://[::1]:8081", "https://example.com")) {
            assertDoesNotThrow(() -> open(provider, url), url);
        }
    }

    /** A loopback base URL reached through a proxy elsewhere is not loopback: the proxy would read the card in clear text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void plainHttpThroughAProxyElsewhereIsAConfigurationError(ProviderUnderTest provider) {
        CanaryScanner scanner = new CanaryScanner();
        for (String proxy : List.of("proxy.example.com:3128", "10.1.2.3:8080", "127.0.0.1.example.com:3128")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> open(provider, "http://127.0.0.1:8081", proxy), proxy);
            assertEquals(1, e.problems().size(), e.problems().toString());
            assertTrue(e.problems().get(0).startsWith("credit.http.proxy must be a loopback host"), e.getMessage());
            assertTrue(e.getMessage().contains("credit." + provider.providerId() + ".base-url"), e.getMessage());
            scanner.scan("a ConfigurationException message", e.getMessage());
        }
        assertEquals(0, scanner.hits(), "a configuration error must not show a secret: " + scanner.describeHits());
        assertDoesNotThrow(() -> open(provider, "http://127.0.0.1:8081", "127.0.0.1:3128"));
        assertDoesNotThrow(() -> open(provider, "https://example.com", "proxy.example.com:3128"));
    }

    private static void open(ProviderUnderTest provider, String url) {
        open(provider, url, null);
    }

    private static void open(ProviderUnderTest provider, String url, String proxy) {
        Map<String, String> config = provider.configuration(url);
        if (proxy != null) {
            config.put("credit.http.proxy", proxy);
        }
        OpenGateway.open(config, CreditListener.NONE, Sleeper.REAL).close(); // opening alone: nothing is sent
    }
}
