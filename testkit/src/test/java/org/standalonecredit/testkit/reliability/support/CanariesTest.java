package org.standalonecredit.testkit.reliability.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which configured values the leak scans look for. */
class CanariesTest {
    private static final String LINE_1 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";
    private static final String LINE_2 = "MqvJrgp6WN0A3vP5vq8ZC4xB5gSqH7f0Y4E2nN1mYwI2s9kYhLp3bT6QdVx1c0aR";
    private static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\n" + LINE_1 + "\n" + LINE_2 + "\r\n"
            + "  short==  \n-----END PRIVATE KEY-----\n";
    private static final String P12 = "MIIKGQIBAzCCCd8GCSqGSIb3DQEHAaCCCdAEggnMMIIJyDCCBF8GCSqGSIb3";

    private static Set<String> secretsIn(Map<String, String> configuration) {
        List<String> secrets = Canaries.secretsIn(configuration);
        assertEquals(Set.copyOf(secrets).size(), secrets.size(), "each value once: " + secrets);
        return Set.copyOf(secrets);
    }

    @Test
    void secretsApiKeysAndPasswordsAreLookedForWhole() {
        assertEquals(Set.of("c2VjcmV0", "key-1", "secret-1", "password-1"), secretsIn(Map.of(
                "credit.cybersource.secret-key", "c2VjcmV0", "credit.hub.api-key", "key-1", "credit.hub.api-secret", "secret-1",
                "credit.hub.keystore-password", "password-1", "credit.hub.merchant-id", "merchant-1",
                "credit.hub.base-url", "http://127.0.0.1:9")));
    }

    @Test
    void aPrivateKeyIsLookedForByTheLongLinesOfItsPemBodyAndItsKeyIdIsNot() {
        assertEquals(Set.of(LINE_1, LINE_2), secretsIn(Map.of("credit.cybersource.mle.response-key", PRIVATE_KEY,
                "credit.cybersource.mle.response-key-id", "7200000000000000000002",
                "credit.cybersource.key-id", "08c94330-f618-42a3-b09d-e1e43be5efda",
                "credit.cybersource.mle.certificate", "-----BEGIN CERTIFICATE-----\n" + LINE_2 + "\n-----END CERTIFICATE-----")));
    }

    @Test
    void pkcs12MaterialIsASecretButItsFileIsNot() {
        assertEquals(Set.of(P12), secretsIn(Map.of("credit.cybersource.jwt.p12", P12,
                "credit.cybersource.p12-file", "/etc/keys/merchant.p12", "credit.cybersource.empty-secret", " ")));
    }
}
