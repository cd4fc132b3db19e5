package org.standalonecredit.example;

import java.util.List;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.config.Secret;

/**
 * The provider's own keys under {@code credit.example-pay.}: {@code base-url}, {@code api-key} and
 * {@code api-secret}. Every problem is reported at once, before anything is built.
 */
record ExampleSettings(String baseUrl, String apiKey, Secret apiSecret) {
    static final List<String> KEYS = List.of("base-url", "api-key", "api-secret");

    static ExampleSettings read(GatewaySettings settings) {
        String baseUrl = settings.baseUrl("base-url").orElse(null);
        if (settings.optional("base-url").isEmpty()) {
            settings.problem("base-url", "is required");
        }
        String apiKey = settings.required("api-key");
        Secret apiSecret = settings.secret("api-secret");
        settings.throwIfInvalid();
        return new ExampleSettings(baseUrl, apiKey, apiSecret);
    }

    /** The API key identifies the merchant's account: kept out of logs like the secret. */
    @Override
    public String toString() {
        return "ExampleSettings[baseUrl=" + baseUrl + ", apiKey=redacted, apiSecret=redacted]";
    }
}
