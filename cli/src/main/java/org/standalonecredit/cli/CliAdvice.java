package org.standalonecredit.cli;

import java.util.ArrayList;
import java.util.List;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.spi.ProviderCapabilities;

/**
 * What an operator runs about a credit in doubt, in the tool's own commands rather than the library's Java calls:
 * look it up with {@code status}, settle it with {@code reconcile}, or (where the provider has timeout voids) cancel it.
 */
final class CliAdvice {
    /** One piece of advice: what it is for, and the command line. */
    record Step(String purpose, String command) {
    }

    private CliAdvice() {
    }

    static List<Step> of(Reconciliation rec, GatewaySelection gateway, ProviderCapabilities capabilities) {
        StringBuilder selection = new StringBuilder();
        if (gateway.configFile != null) {
            selection.append(" --config ").append(gateway.configFile);
        }
        if (!"credit".equals(gateway.name)) {
            selection.append(" --name ").append(gateway.name);
        }
        if (gateway.journalFile != null) {
            selection.append(" --journal ").append(gateway.journalFile);
        }
        String lookUp = rec.transactionIdValue().map(t -> "--transaction-id " + t)
                .or(() -> rec.gatewayTransactionIdValue().map(id -> "--gateway-transaction-id " + id))
                .orElse("--idempotency-key " + rec.idempotencyKey());
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("look it up", "standalone-credit status " + lookUp + selection));
        steps.add(new Step("settle it", "standalone-credit reconcile" + selection));
        if (capabilities.followUps().contains(FollowUp.TIMEOUT_VOID) && rec.transactionIdValue().isPresent()) {
            steps.add(new Step("or cancel it", "standalone-credit void --transaction-id " + rec.transactionIdValue().get()
                    + " --operator ID --approval REF" + selection));
        }
        return steps;
    }
}
