package org.standalonecredit.cybersource;

import org.standalonecredit.kit.json.JsonReads;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditStatus;

/**
 * One transaction from the Transaction Details or Search API as a neutral {@link CreditStatus}. The outcome
 * comes from {@code applicationInformation.rCode} (1 success, 0 declined, -1 error) of the credit
 * application when there is one, else from the transaction status; a void application or a VOIDED status
 * marks the credit voided.
 */
final class TransactionOutcome {
    private static final Set<String> APPROVED = Set.of("COMPLETED", "TRANSMITTED", "SETTLED", "SUCCEEDED");
    private static final Set<String> DECLINED = Set.of("DECLINED", "FAILED", "INVALID_REQUEST", "REJECTED", "AUTHORIZED_RISK_DECLINED");
    private static final Set<String> VOIDED = Set.of("VOIDED", "CANCELLED", "REVERSED");

    private TransactionOutcome() {
    }

    static CreditStatus of(JsonNode t) {
        String status = JsonReads.text(t, "/status");
        if (status == null) {
            status = JsonReads.text(t, "/applicationInformation/status");
        }
        String word = status == null ? "" : status.toUpperCase(Locale.ROOT);
        boolean voided = VOIDED.contains(word) || voidApplied(t.path("applicationInformation").path("applications"));
        Instant submitted = JsonReads.instant(t, "/submitTimeUtc");
        if (submitted == null) {
            submitted = JsonReads.instant(t, "/submitTimeUTC");
        }
        return new CreditStatus(JsonReads.text(t, "/id"), outcome(t, word), status,
                JsonReads.decimal(t, "/orderInformation/amountDetails/totalAmount").value(),
                JsonReads.text(t, "/orderInformation/amountDetails/currency"),
                JsonReads.text(t, "/clientReferenceInformation/code"), JsonReads.text(t, "/clientReferenceInformation/transactionId"),
                voided, submitted);
    }

    private static CreditOutcome outcome(JsonNode t, String word) {
        if (APPROVED.contains(word)) {
            return CreditOutcome.APPROVED;
        }
        if (word.equals("PENDING")) {
            return CreditOutcome.PENDING_SETTLEMENT;
        }
        if (DECLINED.contains(word)) {
            return CreditOutcome.DECLINED;
        }
        String rCode = creditRCode(t.path("applicationInformation"));
        if ("1".equals(rCode)) {
            // accepted; a voided credit was necessarily still waiting for settlement
            return CreditOutcome.PENDING_SETTLEMENT;
        }
        if ("0".equals(rCode)) {
            return CreditOutcome.DECLINED;
        }
        if ("-1".equals(rCode)) {
            return CreditOutcome.REJECTED;
        }
        return CreditOutcome.UNKNOWN;
    }

    /** The rCode of the credit application (a name containing "credit"), else the transaction's own. */
    private static String creditRCode(JsonNode applicationInformation) {
        for (JsonNode app : applicationInformation.path("applications")) {
            String name = JsonReads.text(app, "/name");
            if (name != null && name.toLowerCase(Locale.ROOT).contains("credit")) {
                return JsonReads.text(app, "/rCode");
            }
        }
        return JsonReads.text(applicationInformation, "/rCode");
    }

    private static boolean voidApplied(JsonNode applications) {
        for (JsonNode app : applications) {
            String name = JsonReads.text(app, "/name");
            if (name != null && name.toLowerCase(Locale.ROOT).contains("void") && "1".equals(JsonReads.text(app, "/rCode"))) {
                return true;
            }
        }
        return false;
    }
}
