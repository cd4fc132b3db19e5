package org.standalonecredit.testkit.reliability;

import static org.standalonecredit.api.CreditOutcome.APPROVED;
import static org.standalonecredit.api.CreditOutcome.NOT_SENT;
import static org.standalonecredit.api.CreditOutcome.UNKNOWN;
import static org.standalonecredit.api.OutcomeDetail.CONNECTION_FAILED;
import static org.standalonecredit.api.OutcomeDetail.GATEWAY_ERROR;
import static org.standalonecredit.api.OutcomeDetail.NO_RESPONSE;
import static org.standalonecredit.api.OutcomeDetail.UNREADABLE_RESPONSE;

import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * What one cell of the matrix must give: the outcome and detail, how many times the credit was
 * tried ({@code result.attempts()}), how many credit requests reached the gateway (its journal), how
 * many credits it really made (its ledger), and the transport failure of the last attempt, if any.
 *
 * <p>The rules behind the table (with {@code retry.max-attempts=3}, {@code max-resends-after-sent=2}), for any
 * provider on the kit's attempt loop: a request that never left is tried 3 times and ends NOT_SENT; a gateway that
 * does not deduplicate (Cybersource, Visa Acceptance) is never sent a credit twice, so anything after sending is
 * UNKNOWN after 1 attempt; a gateway that deduplicates (Commerce Hub, ExamplePay) is re-sent the credit under the
 * same idempotency value after a lost answer or a 5xx, and the simulator replays the original outcome, so those end
 * APPROVED after 2 attempts with one credit; a readable 2xx it cannot understand is not re-sent. The ledger is
 * never 2.
 */
record Expectation(CreditOutcome outcome, OutcomeDetail detail, int attempts, int journal, int ledger, String lastFailure) {
    static final int MAX_ATTEMPTS = 3;

    static Expectation of(ProviderUnderTest provider, Fault fault) {
        return provider.deduplicates() ? deduplicating(fault) : notDeduplicating(fault);
    }

    private static Expectation notDeduplicating(Fault fault) {
        return switch (fault) {
            case CONNECTION_REFUSED -> notSent("CONNECTION_REFUSED/NOT_SENT");
            case CONNECT_TIMEOUT -> notSent("CONNECT_TIMEOUT/NOT_SENT");
            case RESPONSE_TIMEOUT -> unknownOnce(NO_RESPONSE, 1, "RESPONSE_TIMEOUT/SENT");
            case RESET_AFTER_WRITE -> unknownOnce(NO_RESPONSE, 1, "CONNECTION_LOST/SENT");
            case SERVER_ERROR -> unknownOnce(GATEWAY_ERROR, 0, null);  // the simulators' 5xx is not processed
            case GATEWAY_TIMEOUT -> unknownOnce(OutcomeDetail.GATEWAY_TIMEOUT, 1, null);
            case MALFORMED_BODY, EMPTY_BODY, HTML_BODY -> unknownOnce(UNREADABLE_RESPONSE, 1, null);
            case TRUNCATED_BODY -> unknownOnce(UNREADABLE_RESPONSE, 1, "RESPONSE_INCOMPLETE/SENT");
            case OVERSIZE_DECLARED, OVERSIZE_STREAMED -> unknownOnce(UNREADABLE_RESPONSE, 1, "RESPONSE_TOO_LARGE/SENT");
            case SLOW_DRIP, SLOW_DRIP_HEADERS -> unknownOnce(NO_RESPONSE, 1, "DEADLINE_EXCEEDED/SENT");
            // never re-sent, so the refusal meant for a re-send is never met
            case LOST_THEN_AUTH_FAILURE, LOST_THEN_INVALID -> unknownOnce(NO_RESPONSE, 1, "CONNECTION_LOST/SENT");
            case LOST_THEN_REFUSED -> unknownOnce(NO_RESPONSE, 1, "CONNECTION_LOST/SENT");
            case DUPLICATE_KEYS -> unknownOnce(UNREADABLE_RESPONSE, 1, null);
        };
    }

    private static Expectation deduplicating(Fault fault) {
        return switch (fault) {
            case CONNECTION_REFUSED -> notSent("CONNECTION_REFUSED/NOT_SENT");
            case CONNECT_TIMEOUT -> notSent("CONNECT_TIMEOUT/NOT_SENT");
            // lost or 5xx answer: re-sent once under the same idempotency value, answered by the replay (or, for an
            // unprocessed 500, by the first processing)
            case RESPONSE_TIMEOUT, RESET_AFTER_WRITE, SERVER_ERROR, GATEWAY_TIMEOUT, TRUNCATED_BODY, HTML_BODY ->
                    new Expectation(APPROVED, OutcomeDetail.NONE, 2, 2, 1, null);
            // a 201 that cannot be read is not re-sent
            case MALFORMED_BODY, EMPTY_BODY -> unknownOnce(UNREADABLE_RESPONSE, 1, null);
            // every answer is too large: the first send and both re-sends, all replays of one credit
            case OVERSIZE_DECLARED, OVERSIZE_STREAMED -> new Expectation(UNKNOWN, UNREADABLE_RESPONSE, 3, 3, 1, "RESPONSE_TOO_LARGE/SENT");
            // the drip used up the whole deadline, so no time is left for a re-send
            case SLOW_DRIP, SLOW_DRIP_HEADERS -> unknownOnce(NO_RESPONSE, 1, "DEADLINE_EXCEEDED/SENT");
            // the first attempt credited and its answer was lost: whatever the re-send meets, the outcome is UNKNOWN
            case LOST_THEN_AUTH_FAILURE, LOST_THEN_INVALID -> new Expectation(UNKNOWN, NO_RESPONSE, 2, 2, 1, null);
            // the re-sends never leave: 1 send, then the not-sent attempts of retry.max-attempts
            case LOST_THEN_REFUSED -> new Expectation(UNKNOWN, NO_RESPONSE, 1 + MAX_ATTEMPTS, 1, 1, "CONNECTION_REFUSED/NOT_SENT");
            case DUPLICATE_KEYS -> unknownOnce(UNREADABLE_RESPONSE, 1, null);
        };
    }

    private static Expectation notSent(String failure) {
        return new Expectation(NOT_SENT, CONNECTION_FAILED, MAX_ATTEMPTS, 0, 0, failure);
    }

    private static Expectation unknownOnce(OutcomeDetail detail, int ledger, String failure) {
        return new Expectation(UNKNOWN, detail, 1, 1, ledger, failure);
    }

    @Override
    public String toString() {
        return outcome + "/" + detail + ", attempts " + attempts + ", journal " + journal + ", ledger " + ledger
                + (lastFailure != null ? ", last failure " + lastFailure : "");
    }
}
