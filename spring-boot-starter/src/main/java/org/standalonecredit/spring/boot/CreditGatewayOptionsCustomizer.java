package org.standalonecredit.spring.boot;

import org.standalonecredit.api.spi.GatewayOptions;

/**
 * Adjusts the {@link GatewayOptions} of each gateway the auto-configuration opens (clock, journal, TLS context, a
 * listener of its own), by gateway name. Every bean of this type is applied, in order, after the auto-configuration has
 * set the listener that fans out to the application's {@link org.standalonecredit.api.observe.CreditListener} beans; a
 * customizer that sets a listener replaces that one.
 */
@FunctionalInterface
public interface CreditGatewayOptionsCustomizer {

    void customize(String gatewayName, GatewayOptions.Builder options);
}
