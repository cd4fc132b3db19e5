package org.standalonecredit.spring.boot;

import java.util.Optional;

/**
 * What {@link StandaloneCreditGateways#check(String)} found for one gateway: whether its configuration and key material
 * open, and if not why, with every card-number-like digit run masked (the library never puts a secret in a message).
 *
 * @param name       the gateway's name (a key of {@code standalone-credit.gateways})
 * @param providerId the configured provider id, when there is one
 * @param reason     null when the gateway opens; else the problems, naming the {@code standalone-credit.*} keys
 */
public record GatewayCheck(String name, String providerId, String reason) {

    public boolean opens() {
        return reason == null;
    }

    public Optional<String> provider() {
        return Optional.ofNullable(providerId);
    }
}
