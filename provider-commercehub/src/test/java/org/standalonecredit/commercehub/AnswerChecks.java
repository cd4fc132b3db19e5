package org.standalonecredit.commercehub;

import org.standalonecredit.testkit.fuzz.CardNumberRuns;
import org.standalonecredit.testkit.fuzz.FuzzAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.observe.ExchangeEvent;

/**
 * What must hold for any answer whatever its bytes (FUZZING.md): a typed result, an outcome that the
 * answer supports, and no card number of the answer in the text a caller shows or logs.
 */
final class AnswerChecks {
    private AnswerChecks() {
    }

    /** Any credit result: shape, consistency of its outcome, and masking. */
    static void credit(CreditRequest request, byte[] input, CreditResult r, List<ExchangeEvent> events) {
        assertNotNull(r, "a credit always has a result");
        assertNotNull(r.outcome());
        assertNotNull(r.toString(), "a result can be logged");
        assertEquals(request.idempotencyKey(), r.idempotencyKey());
        if (r.outcome().isSuccess()) {
            assertEquals(OutcomeDetail.NONE, r.detail(), "a success has no failure detail");
            assertTrue(is2xx(r.httpStatus()), "only a 2xx answer is a success, not HTTP " + r.httpStatus());
            assertTrue(r.errors().isEmpty(), "a success carries no gateway errors: " + r.errors());
            assertTrue(r.reconciliation().isEmpty(), "a success needs no reconciliation");
            r.creditedAmount().ifPresent(amount -> assertTrue(request.amount().matches(amount, r.creditedCurrency().orElse(null)),
                    "a success credited what was asked, not " + amount + " " + r.creditedCurrency().orElse("?")));
        }
        if (r.outcome() == CreditOutcome.UNKNOWN) {
            Reconciliation rec = r.reconciliation().orElseThrow();
            assertEquals(request.idempotencyKey(), rec.idempotencyKey());
            assertFalse(rec.advice() == null || rec.advice().isBlank(), "an unknown outcome says how to reconcile");
        }
        Set<String> pans = CardNumberRuns.in(input);
        CardNumberRuns.assertNoneIn(pans, "responseMessage", r.responseMessage().orElse(null));
        errors(pans, r.errors());
        CardNumberRuns.assertNoneIn(pans, "maskedResponseBody", r.maskedResponseBody().orElse(null));
        r.reconciliation().ifPresent(rec -> CardNumberRuns.assertNoneIn(withoutIdentifiers(pans, rec), "reconciliation advice", rec.advice()));
        events(pans, events);
    }

    /** A credit that was sent and answered with {@code answer}. */
    static void answeredCredit(CreditRequest request, byte[] input, FuzzAnswer answer, CreditResult r, List<ExchangeEvent> events) {
        credit(request, input, r, events);
        assertEquals(answer.status(), r.httpStatus(), "the result names the status that was answered");
        assertTrue(r.attempts() >= 1);
        assertNotEquals(CreditOutcome.NOT_SENT, r.outcome(), "the credit was sent and answered");
        if (r.httpStatus() >= 500) {
            assertEquals(CreditOutcome.UNKNOWN, r.outcome(), "a 5xx does not say whether the credit was made");
        }
    }

    static void voided(byte[] input, FuzzAnswer answer, VoidResult r, List<ExchangeEvent> events) {
        assertNotNull(r, "a void always has a result");
        assertNotNull(r.outcome());
        assertNotNull(r.toString());
        assertEquals(answer.status(), r.httpStatus());
        assertNotEquals(FollowUpOutcome.NOT_SENT, r.outcome(), "the void was sent and answered");
        if (r.voided()) {
            assertTrue(is2xx(r.httpStatus()), "only a 2xx answer voids, not HTTP " + r.httpStatus());
            assertTrue(r.errors().isEmpty(), "a done void carries no gateway errors: " + r.errors());
        }
        if (r.httpStatus() >= 500) {
            assertEquals(FollowUpOutcome.UNKNOWN, r.outcome(), "a 5xx does not say whether the void was made");
        }
        Set<String> pans = CardNumberRuns.in(input);
        errors(pans, r.errors());
        CardNumberRuns.assertNoneIn(pans, "maskedResponseBody", r.maskedResponseBody());
        events(pans, events);
    }

    static void status(byte[] input, FuzzAnswer answer, StatusResult r, List<ExchangeEvent> events) {
        assertNotNull(r, "a look-up always has a result");
        assertNotNull(r.outcome());
        assertNotNull(r.toString());
        assertEquals(answer.status(), r.httpStatus());
        assertNotEquals(FollowUpOutcome.NOT_SENT, r.outcome(), "the look-up was sent and answered");
        if (r.outcome() == FollowUpOutcome.DONE) {
            assertTrue(is2xx(r.httpStatus()), "only a 2xx answer is a look-up's answer, not HTTP " + r.httpStatus());
        } else {
            assertTrue(r.credits().isEmpty(), "credits come only with a done look-up");
        }
        if (r.httpStatus() >= 500) {
            assertEquals(FollowUpOutcome.UNKNOWN, r.outcome(), "a 5xx finds nothing either way");
        }
        if (r.foundNone()) {
            assertTrue(saysNoneFound(answer), "'no such credit' needs an answer that says so; this one does not: "
                    + answer.status() + " " + r.maskedResponseBody());
        }
        for (CreditStatus c : r.credits()) {
            assertNotNull(c.outcome(), "every credit found has an outcome");
        }
        Set<String> pans = CardNumberRuns.in(input);
        errors(pans, r.errors());
        CardNumberRuns.assertNoneIn(pans, "maskedResponseBody", r.maskedResponseBody());
        events(pans, events);
    }

    /**
     * An inquiry answer that says no credit exists: a 2xx empty list, a 404, or a 4xx naming "transaction not
     * found" (764, 831). What lets a re-submission be sent again after Commerce Hub's replay window.
     */
    static boolean saysNoneFound(FuzzAnswer answer) {
        if (answer.status() == 404) {
            return true;
        }
        java.util.Optional<org.standalonecredit.kit.json.JsonValue> json = CommerceHubResponses.parse(answer.body());
        if (is2xx(answer.status())) {
            return json.isPresent() && json.get().isArray() && json.get().size() == 0;
        }
        return answer.status() >= 400 && answer.status() < 500 && json.isPresent()
                && CommerceHubResponses.errorsIn(json.get()).stream().anyMatch(e -> "764".equals(e.code()) || "831".equals(e.code()));
    }

    static boolean is2xx(int status) {
        return status >= 200 && status < 300;
    }

    private static void errors(Set<String> pans, List<GatewayError> errors) {
        for (GatewayError e : errors) {
            CardNumberRuns.assertNoneIn(pans, "a gateway error's code", e.code());
            CardNumberRuns.assertNoneIn(pans, "a gateway error's field", e.field());
            CardNumberRuns.assertNoneIn(pans, "a gateway error's message", e.message());
        }
    }

    private static void events(Set<String> pans, List<ExchangeEvent> events) {
        for (ExchangeEvent e : events) {
            CardNumberRuns.assertNoneIn(pans, "the " + e.phase() + " event's body", e.maskedBody());
        }
    }

    /** The advice names the ids to look the credit up by; an id is shown as the gateway gave it, whatever its digits. */
    private static Set<String> withoutIdentifiers(Set<String> pans, Reconciliation rec) {
        Set<String> left = new java.util.LinkedHashSet<>(pans);
        left.removeIf(pan -> (rec.gatewayTransactionId() != null && rec.gatewayTransactionId().contains(pan))
                || (rec.gatewayRequestId() != null && rec.gatewayRequestId().contains(pan)));
        return left;
    }
}
