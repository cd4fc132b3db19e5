package org.standalonecredit.benchmarks.e2e;

import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.benchmarks.Fixtures;

/**
 * (a) The library's Cybersource provider as an application uses it: one gateway for all threads
 * (it is thread-safe), opened from configuration; per credit, build the neutral request and credit it.
 */
public final class LibraryClient implements CreditClient {
    private final CreditGateway gateway;

    public LibraryClient(String baseUrl) {
        gateway = StandaloneCredit.open(ConfigSource.fromMap(Fixtures.cybersourceConfig(baseUrl)));
    }

    @Override
    public String name() {
        return "library";
    }

    @Override
    public Caller newCaller() {
        return () -> {
            CreditResult result = gateway.credit(Fixtures.cybersourceRequest());
            if (result.outcome() != CreditOutcome.PENDING_SETTLEMENT) {
                throw new IllegalStateException("library credit: " + result.outcome() + " " + result.detail());
            }
        };
    }

    @Override
    public void close() {
        gateway.close();
    }
}
