package org.standalonecredit.kit;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.spi.ProviderContext;
import org.standalonecredit.api.spi.CreditProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.api.DuplicateProviderException;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.UnknownProviderException;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.ConfigurationException;

class ProviderRegistryTest {
    private static final String SECRET = "s3cr3t-value-never-printed";

    @Test
    void serviceLoaderFindsEveryRegisteredProviderWithoutChangingTheApi() {
        ProviderRegistry registry = StandaloneCredit.providers();
        assertEquals(Set.of("sample", "other-sample"), registry.ids());
        assertEquals("Sample gateway", registry.get("sample").displayName());
    }

    @Test
    void anUnknownIdListsTheInstalledOnes() {
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> ProviderRegistry.load().get("stripe"));
        assertTrue(e.getMessage().contains("'stripe'"));
        assertTrue(e.getMessage().contains("other-sample") && e.getMessage().contains("sample"), e.getMessage());
        assertEquals(Set.of("sample", "other-sample"), e.installed());
    }

    @Test
    void twoProvidersWithOneIdAreRefused() {
        DuplicateProviderException e = assertThrows(DuplicateProviderException.class,
                () -> ProviderRegistry.of(List.of(new SampleProvider(), new SampleProvider() { })));
        assertTrue(e.getMessage().contains("'sample'"));
    }

    @Test
    void aSecondJarRegisteringTheSameIdIsRefusedAtLoad(@TempDir Path jar) throws Exception {
        Path services = jar.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(CreditProvider.class.getName()), DuplicateSample.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            assertThrows(DuplicateProviderException.class, () -> ProviderRegistry.load(loader));
        }
    }

    public static class DuplicateSample extends SampleProvider {
    }

    @Test
    void theGatewayIsChosenByConfigurationAlone() {
        try (var gateway = ProviderRegistry.load().create(ConfigSource.fromMap(Map.of(
                "credit.gateway", "sample",
                "credit.sample.base-url", "http://127.0.0.1:9",
                "credit.sample.api-key", SECRET)), "credit")) {
            assertEquals("sample", gateway.providerId());
        }
    }

    @Test
    void everyConfigurationProblemIsListedWithItsFullKeyAndNoSecret() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ProviderRegistry.load().create(
                ConfigSource.fromMap(Map.of(
                        "credit.gateway", "sample",
                        "credit.sample.base-url", "http://payments.example.com",
                        "credit.sample.mode", "sometimes",
                        "credit.http.connect-timeout", "soon",
                        "credit.retry.max-attempts", "99")), "credit"));
        assertEquals(List.of(
                "credit.http.connect-timeout must be a positive duration such as 500ms, 5s or PT5S but was 'soon'",
                "credit.retry.max-attempts must be between 1 and 10 but was 99",
                "credit.sample.base-url may use http:// only for a loopback host; use https://",
                "credit.sample.api-key is required",
                "credit.sample.mode must be one of [live, test] but was 'sometimes'"), e.problems());
    }

    @Test
    void aGatewayBuiltBeforeAProblemOutsideItsKeysWasFoundIsClosedNotLeaked() {
        FakeTransport transport = new FakeTransport();
        GatewayOptions options = GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000)).transportFactory(settings -> transport).build();
        CreditProvider validatesNothing = new SampleProvider() {
            @Override
            public SampleGateway create(ProviderContext context) {
                return new SampleGateway(context, "http://127.0.0.1:9", null); // builds its transport, checks no setting
            }
        };
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ProviderRegistry.of(List.of(validatesNothing)).create(
                ConfigSource.fromMap(Map.of(
                        "credit.gateway", "sample",
                        "credit.retry.max-attempts", "many")), "credit", options));
        assertTrue(e.getMessage().contains("credit.retry.max-attempts"), e.getMessage());
        assertTrue(transport.closed, "the provider's gateway (and its transport) is closed before the error is thrown");
    }

    @Test
    void aMissingGatewayKeyIsNamed() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderRegistry.load().create(ConfigSource.fromMap(Map.of()), "credit"));
        assertEquals(List.of("credit.gateway is required"), e.problems());
    }

    @Test
    void severalNamedGatewaysLiveSideBySide() {
        ConfigSource config = ConfigSource.fromMap(Map.of(
                "merchant-a.gateway", "sample",
                "merchant-a.sample.base-url", "http://127.0.0.1:9",
                "merchant-a.sample.api-key", "a",
                "merchant-a.http.response-timeout", "2s",
                "merchant-b.gateway", "sample",
                "merchant-b.sample.base-url", "https://b.example.com",
                "merchant-b.sample.api-key", "b",
                "merchant-b.http.response-timeout", "7s"));
        ProviderRegistry registry = ProviderRegistry.load();
        try (var journaledA = (JournaledCreditGateway) registry.create(config, "merchant-a");
             var journaledB = (JournaledCreditGateway) registry.create(config, "merchant-b")) {
            var a = (SampleProvider.SampleGateway) journaledA.delegate();
            var b = (SampleProvider.SampleGateway) journaledB.delegate();
            assertEquals(Duration.ofSeconds(2), a.context().transportSettings().responseTimeout());
            assertEquals(Duration.ofSeconds(7), b.context().transportSettings().responseTimeout());
            assertEquals("merchant-b", b.context().gatewayName());
        }
    }

    @Test
    void theEnvironmentOverridesAFile() {
        ConfigSource file = ConfigSource.fromMap(Map.of("credit.gateway", "other-sample", "credit.sample.api-key", "from-file"));
        ConfigSource env = ConfigSource.fromEnvironment(Map.of("CREDIT_GATEWAY", "sample", "CREDIT_SAMPLE_BASE_URL", "http://localhost:1"));
        ConfigSource layered = ConfigSource.layered(env, file);
        assertEquals("sample", layered.get("credit.gateway").orElseThrow());
        assertEquals("http://localhost:1", layered.get("credit.sample.base-url").orElseThrow());
        assertEquals("from-file", layered.get("credit.sample.api-key").orElseThrow());
        assertInstanceOf(SampleProvider.SampleGateway.class, ((JournaledCreditGateway) ProviderRegistry.load().create(layered, "credit")).delegate());
    }

    @Test
    void exceptionMessagesNeverCarryTheSecret() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ProviderRegistry.load().create(
                ConfigSource.fromMap(Map.of("credit.gateway", "sample", "credit.sample.api-key", SECRET)), "credit"));
        assertEquals(List.of("credit.sample.base-url is required"), e.problems());
        assertFalse(e.getMessage().contains(SECRET));
    }
}
