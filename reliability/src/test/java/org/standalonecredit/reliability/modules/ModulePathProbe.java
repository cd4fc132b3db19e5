package org.standalonecredit.reliability.modules;

import java.util.Map;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.spi.CreditProvider;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.journal.JournaledCreditGateway;

/**
 * Run in a child JVM with the library on the module path: prints what ServiceLoader found through the
 * modules' {@code provides} and {@code uses} lines, and opens a gateway with the transport found the same way.
 */
public final class ModulePathProbe {
    private ModulePathProbe() {
    }

    public static void main(String[] args) {
        for (CreditProvider p : ProviderRegistry.load().providers()) {
            System.out.println("provider " + p.id() + " in module " + p.getClass().getModule().getName());
        }
        // a Commerce Hub gateway at a loopback address: nothing is sent, but the transport is found and made at open
        try (CreditGateway gateway = StandaloneCredit.open(ConfigSource.fromMap(Map.of(
                "credit.gateway", "commerce-hub",
                "credit.commerce-hub.base-url", "http://127.0.0.1:9",
                "credit.commerce-hub.api-key", "key",
                "credit.commerce-hub.api-secret", "secret",
                "credit.commerce-hub.merchant-id", "100008000003683",
                "credit.commerce-hub.terminal-id", "10000001")))) {
            // the registry puts every gateway behind the credit journal (a class of the api module): the provider's is inside
            CreditGateway provider = gateway instanceof JournaledCreditGateway journaled ? journaled.delegate() : gateway;
            System.out.println("opened " + gateway.providerId() + " in module " + provider.getClass().getModule().getName());
        }
    }
}
