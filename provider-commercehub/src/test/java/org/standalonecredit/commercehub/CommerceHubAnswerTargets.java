package org.standalonecredit.commercehub;

import org.standalonecredit.testkit.fuzz.FuzzAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.standalonecredit.api.CreditException;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/**
 * The parsing surfaces a Commerce Hub answer reaches, each driven the way an application drives it: the
 * gateway's credit (plain and with a fetched encryption key), void and status calls, and a re-submission
 * after the replay window that is resolved by transaction inquiry. A fresh gateway per input (a gateway
 * remembers what it sent); the fuzz input answers the request under test, and {@link AnswerChecks} checks
 * the result. Shared by the Jazzer fuzz tests and the seed-mutating property tests.
 */
final class CommerceHubAnswerTargets {
    static final String TRANSACTION_ID = "84356531338";
    static final CreditRequest CREDIT = TestGateways.cardCredit("12.04").merchantReference("REF-FUZZ-4").transactionId("T-FUZZ-4").build();
    private static final String KEY_PATH = "/security/v1/keys/generate";
    private static final String CREDIT_PATH = "/payments/v1/credits";
    private static final String INQUIRY_PATH = "/payments/v1/transaction-inquiry";

    private CommerceHubAnswerTargets() {
    }

    /** POST /payments/v1/credits answered with the input (and again with it on a re-send). */
    static void credit(byte[] input) {
        FuzzAnswer answer = FuzzAnswer.parse(input, 201);
        Run run = new Run(new TestGateways(), r -> answer.response());
        CreditResult result = run.credit();
        if (result != null) {
            AnswerChecks.answeredCredit(CREDIT, input, answer, result, run.events);
        }
    }

    /** POST /security/v1/keys/generate answered with the input; a credit sent after it is approved. */
    static void encryptionKey(byte[] input) {
        FuzzAnswer answer = FuzzAnswer.parse(input, 201);
        Run run = new Run(new TestGateways().with("credit.commerce-hub.card-encryption", "rsa"),
                r -> r.uri().getPath().endsWith(KEY_PATH) ? answer.response() : FakeTransport.response(201, TestGateways.approved("12.04", "USD")));
        CreditResult result = run.credit();
        if (result == null) {
            return;
        }
        AnswerChecks.credit(CREDIT, input, result, run.events);
        if (run.env.transport.sentTo(CREDIT_PATH).isEmpty()) {
            assertTrue(Set.of(CreditOutcome.NOT_SENT, CreditOutcome.REJECTED).contains(result.outcome()),
                    "no usable key, no credit sent: NOT_SENT or REJECTED, not " + result.outcome());
            assertEquals(0, result.attempts());
            assertEquals(answer.status(), result.httpStatus());
        } else {
            assertEquals(CreditOutcome.APPROVED, result.outcome(), "a key was accepted and the credit approved");
        }
    }

    /** POST /payments/v1/cancels answered with the input. */
    static void voidCredit(byte[] input) {
        FuzzAnswer answer = FuzzAnswer.parse(input, 201);
        Run run = new Run(new TestGateways(), r -> answer.response());
        VoidResult result;
        try (CreditGateway gateway = run.env.gateway()) {
            result = gateway.voidCredit(VoidRequest.ofCredit(TRANSACTION_ID));
        } catch (CreditException typed) {
            return;
        }
        AnswerChecks.voided(input, answer, result, run.events);
    }

    /** POST /payments/v1/transaction-inquiry answered with the input. */
    static void inquiry(byte[] input) {
        FuzzAnswer answer = FuzzAnswer.parse(input, 200);
        Run run = new Run(new TestGateways(), r -> answer.response());
        StatusResult result;
        try (CreditGateway gateway = run.env.gateway()) {
            result = gateway.status(StatusQuery.byGatewayTransactionId(TRANSACTION_ID));
        } catch (CreditException typed) {
            return;
        }
        AnswerChecks.status(input, answer, result, run.events);
    }

    /**
     * A credit whose answer was lost, submitted again after the replay window: the inquiry before the
     * re-send is answered with the input, a re-sent credit is approved. The credit may be sent again only
     * when the inquiry says that it does not exist.
     */
    static void resubmissionInquiry(byte[] input) {
        FuzzAnswer answer = FuzzAnswer.parse(input, 200);
        TestGateways env = new TestGateways().with("credit.retry.max-resends-after-sent", "0");
        env.transport.fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT);
        Run run = new Run(env, r -> r.uri().getPath().endsWith(INQUIRY_PATH) ? answer.response()
                : FakeTransport.response(201, TestGateways.approved("12.04", "USD")));
        CreditResult result;
        try (CreditGateway gateway = env.gateway()) {
            assertEquals(CreditOutcome.UNKNOWN, gateway.credit(CREDIT).outcome());
            env.clock.advance(Duration.ofMinutes(6));
            run.events.clear();
            result = gateway.credit(CREDIT);
        } catch (CreditException typed) {
            return;
        }
        AnswerChecks.credit(CREDIT, input, result, run.events);
        boolean sentAgain = env.transport.sentTo(CREDIT_PATH).size() == 2;
        if (sentAgain) {
            assertTrue(AnswerChecks.saysNoneFound(answer), "the credit was sent again although the inquiry did not say it "
                    + "does not exist: HTTP " + answer.status() + " " + result.maskedResponseBody().orElse(""));
            assertEquals(CreditOutcome.APPROVED, result.outcome());
        } else {
            assertEquals(1, env.transport.sentTo(CREDIT_PATH).size());
            assertEquals(0, result.attempts(), "nothing was sent: the outcome comes from the inquiry or stays unknown");
        }
    }

    /** One gateway over a fake transport with a listener; the credit call, with the typed exceptions let through. */
    private static final class Run {
        final TestGateways env;
        final List<ExchangeEvent> events = new ArrayList<>();

        Run(TestGateways env, Function<OutboundRequest, Object> responder) {
            this.env = env;
            env.listener = events::add;
            env.transport.otherwise(responder);
        }

        CreditResult credit() {
            try (CreditGateway gateway = env.gateway()) {
                return gateway.credit(CREDIT);
            } catch (CreditException typed) {
                return null;
            }
        }
    }
}
