package org.standalonecredit.cybersource;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.cybersource.jose.CredentialException;
import org.standalonecredit.cybersource.jose.P12Credentials;

/**
 * The {@code jwt-p12} keys: the Business Center's PKCS#12 as a file ({@value #FILE}) or as base64 text
 * ({@value #BASE64}, so it can come from a vault or an environment variable), and its password
 * ({@value #PASSWORD}). Exactly one of the two sources. A problem names the key and what is wrong, never the
 * password or the store's bytes.
 */
final class P12Keys {
    static final String FILE = "p12-file";
    static final String BASE64 = "p12-base64";
    static final String PASSWORD = "p12-password";

    private P12Keys() {
    }

    /**
     * The credentials for {@code keyAlias} (the merchant id, or the portfolio id under a meta key), certificate valid
     * at the clock; null with the problem recorded.
     */
    static P12Credentials read(GatewaySettings settings, String keyAlias, Clock clock) {
        Optional<String> file = settings.optional(FILE);
        boolean hasText = settings.optional(BASE64).isPresent();
        if (file.isPresent() == hasText) {
            settings.problem(FILE, file.isPresent() ? "and " + settings.key(BASE64) + " are both set: give the P12 one way"
                    : "or " + settings.key(BASE64) + " is required with authentication=" + CybersourceSettings.JWT_P12);
        }
        Secret password = settings.secret(PASSWORD);
        Secret text = hasText ? settings.secret(BASE64) : null;
        if (file.isPresent() == hasText || password == null || keyAlias == null) {
            return null;
        }
        char[] chars = password.reveal().toCharArray();
        try {
            return file.isPresent() ? P12Credentials.fromFile(Path.of(file.get()), chars, keyAlias, clock)
                    : P12Credentials.fromBase64(text.reveal(), chars, keyAlias, clock);
        } catch (InvalidPathException e) {
            settings.problem(FILE, "is not a file path");
        } catch (CredentialException e) {
            String key = e.problem() == CredentialException.Problem.WRONG_PASSWORD ? PASSWORD : file.isPresent() ? FILE : BASE64;
            settings.problem(key, e.getMessage());
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
        return null;
    }
}
