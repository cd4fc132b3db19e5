package org.standalonecredit.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {

    @Test
    void secretsAreRedactedInToString() {
        Secret secret = Secret.of("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        assertEquals("Secret[redacted]", secret.toString());
        assertFalse(String.valueOf(secret).contains("AAEC"));
    }

    @Test
    void propertiesAndEnvironmentUseTheSameKeys() {
        Properties p = new Properties();
        p.setProperty("credit.cybersource.merchant-id", "m1");
        assertEquals("m1", ConfigSource.fromProperties(p).get("credit.cybersource.merchant-id").orElseThrow());
        assertEquals("CREDIT_CYBERSOURCE_MERCHANT_ID", ConfigSource.environmentName("credit.cybersource.merchant-id"));
        assertEquals("m2", ConfigSource.fromEnvironment(Map.of("CREDIT_CYBERSOURCE_MERCHANT_ID", "m2"))
                .get("credit.cybersource.merchant-id").orElseThrow());
    }

    @Test
    void durationsAcceptTheUsualForms() {
        GatewaySettings s = GatewaySettings.of(ConfigSource.fromMap(Map.of("a", "500ms", "b", "5s", "c", "PT2M", "d", "250", "e", "2m")), "");
        assertEquals(Duration.ofMillis(500), s.duration("a", null));
        assertEquals(Duration.ofSeconds(5), s.duration("b", null));
        assertEquals(Duration.ofMinutes(2), s.duration("c", null));
        assertEquals(Duration.ofMillis(250), s.duration("d", null));
        assertEquals(Duration.ofMinutes(2), s.duration("e", null));
        assertTrue(s.problems().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807s", "9223372036854775807m", "9223372036854775807ms", "9223372036854775807",
            "PT3000000H", "PT2562047788015215H", "PT99999999999999999999H", "61s", "PT1M0.001S", "0", "0s", "-5s", "PT-1S"})
    void aDurationOutsideItsBoundsIsAProblemNamingTheKeyAndTheRange(String value) {
        GatewaySettings s = GatewaySettings.of(ConfigSource.fromMap(Map.of("credit.retry.backoff", value)), "credit");
        assertEquals(Duration.ofMillis(200), s.duration("retry.backoff", Duration.ofMillis(200), Duration.ofMillis(1), Duration.ofMinutes(1)));
        assertEquals(List.of("credit.retry.backoff must be a duration between 1ms and 1m but was '" + value + "'"), s.problems());
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        GatewaySettings s = GatewaySettings.of(ConfigSource.fromMap(Map.of("low", "1ms", "high", "PT2H", "zero", "0ms")), "");
        assertEquals(Duration.ofMillis(1), s.duration("low", null, Duration.ofMillis(1), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), s.duration("high", null, Duration.ofMillis(1), Duration.ofHours(2)));
        assertEquals(Duration.ZERO, s.duration("zero", null, Duration.ZERO, Duration.ofSeconds(1)));
        assertTrue(s.problems().isEmpty(), s.problems().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807m", "PT99999999999999999999H", "P1D", "5 hours", "1e3s", "--5s"})
    void parsingNeverThrows(String value) {
        assertTrue(GatewaySettings.parseDuration(value).isEmpty(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.cybersource.com", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"})
    void acceptedBaseUrls(String url) {
        assertTrue(BaseUrls.problem(url).isEmpty(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.cybersource.com", "http://10.0.0.1", "ftp://127.0.0.1", "not a url", "/relative",
            "https://user:pw@host", "https://host/?q=1", "http://localhost.evil.com"})
    void refusedBaseUrls(String url) {
        assertTrue(BaseUrls.problem(url).isPresent(), url);
    }

    @Test
    void placeholdersExpandFromTheVariablesAndAnUnresolvedOneIsAProblemNamingTheKeyNotAValue() {
        Map<String, String> variables = Map.of("CH_API_KEY", "key-from-vault", "SECRET", "s3cr3t-value");
        ConfigSource config = ConfigSource.fromMap(Map.of("credit.a", "${CH_API_KEY}", "credit.b", "pre-${SECRET}-post",
                "credit.c", "cost $$5", "credit.d", "${NOT_SET}", "credit.e", "${from your vault}"));
        GatewaySettings s = GatewaySettings.of(config, "credit", name -> java.util.Optional.ofNullable(variables.get(name)));

        assertEquals("key-from-vault", s.required("a"));
        assertEquals("pre-s3cr3t-value-post", s.secret("b").reveal());
        assertEquals("cost $5", s.required("c"));
        assertEquals(null, s.required("d"));
        assertEquals(null, s.secret("e"));
        assertEquals(java.util.List.of("credit.d refers to ${NOT_SET}, which is set neither as an environment variable nor as a system property",
                "credit.e contains '${' without a variable name and '}' (write $$ for a literal $)"), s.problems());
    }

    @Test
    void aPlaceholderReadTwiceIsReportedOnce() {
        GatewaySettings s = GatewaySettings.of(ConfigSource.fromMap(Map.of("credit.a", "${NOPE_X}")), "credit", name -> java.util.Optional.empty());
        s.optional("a");
        s.required("a");
        assertEquals(1, s.problems().size(), s.problems().toString());
    }
}
