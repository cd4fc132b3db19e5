package org.standalonecredit.commercehub;

import java.util.List;
import java.util.Optional;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.config.Secret;

/**
 * The provider's configuration, read from {@code <name>.commerce-hub.*}. Every key is read before
 * anything is checked, so one {@link org.standalonecredit.api.config.ConfigurationException} lists all problems.
 */
record CommerceHubSettings(Secret apiKey, Secret apiSecret, String merchantId, String terminalId,
                           Environment environment, String baseUrl, String creditPath,
                           CardEncryption cardEncryption, boolean ecomInteraction, Optional<Boolean> captureFlag,
                           boolean inquireUnseenKeys) {

    static final String CREDITS_PATH = "/payments/v1/credits";
    static final String REFUNDS_PATH = "/payments/v1/refunds";
    static final List<String> KEYS = List.of("api-key", "api-secret", "merchant-id", "terminal-id", "environment",
            "base-url", "credit-path", "card-encryption", "transaction-interaction", "capture-flag", "inquire-unseen-keys");
    /** Commerce Hub allows 1024 characters for merchant and terminal ids. */
    private static final int MAX_ID_LENGTH = 1024;

    enum Environment {
        CERT("https://connect-cert.fiservapis.com/ch"),
        PRODUCTION("https://connect.fiservapis.com/ch");

        private final String baseUrl;

        Environment(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        String baseUrl() {
            return baseUrl;
        }
    }

    /** How card data goes on the wire: in the clear (accepted only by the sandbox) or RSA-encrypted. */
    enum CardEncryption { PLAIN, RSA }

    static CommerceHubSettings read(GatewaySettings s) {
        Secret apiKey = s.secret("api-key");
        Secret apiSecret = s.secret("api-secret");
        String merchantId = s.required("merchant-id");
        String terminalId = s.required("terminal-id");
        maxLength(s, "merchant-id", merchantId);
        maxLength(s, "terminal-id", terminalId);
        Environment environment = Environment.valueOf(
                s.oneOf("environment", List.of("cert", "production"), "cert").toUpperCase(java.util.Locale.ROOT));
        String baseUrl = s.baseUrl("base-url").orElse(environment.baseUrl());
        String creditPath = s.oneOf("credit-path", List.of(CREDITS_PATH, REFUNDS_PATH), CREDITS_PATH);
        String defaultEncryption = environment == Environment.PRODUCTION ? "rsa" : "plain";
        CardEncryption encryption = CardEncryption.valueOf(
                s.oneOf("card-encryption", List.of("plain", "rsa"), defaultEncryption).toUpperCase(java.util.Locale.ROOT));
        boolean ecom = s.oneOf("transaction-interaction", List.of("ecom", "none"), "ecom").equals("ecom");
        Optional<Boolean> captureFlag = s.optional("capture-flag").isPresent()
                ? Optional.of(s.flag("capture-flag", true)) : Optional.empty();
        boolean inquireUnseenKeys = s.flag("inquire-unseen-keys", true);
        if (environment == Environment.PRODUCTION && encryption == CardEncryption.PLAIN) {
            s.problem("card-encryption", "must be rsa with environment=production: Commerce Hub accepts plain card data"
                    + " only in its sandbox (use environment=cert to test with plain card numbers)");
        }
        return new CommerceHubSettings(apiKey, apiSecret, merchantId, terminalId, environment, baseUrl, creditPath,
                encryption, ecom, captureFlag, inquireUnseenKeys);
    }

    private static void maxLength(GatewaySettings s, String key, String value) {
        if (value != null && value.length() > MAX_ID_LENGTH) {
            s.problem(key, "must be at most " + MAX_ID_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "CommerceHubSettings[merchantId=" + merchantId + ", terminalId=" + terminalId + ", environment=" + environment
                + ", baseUrl=" + baseUrl + ", creditPath=" + creditPath + ", cardEncryption=" + cardEncryption + "]";
    }
}
