package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/** A lost answer is re-sent under the same Client-Request-Id with identical bytes, within bounds. */
class IdempotentRetryTest {
    private static final String CRID = "5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60";
    private final TestGateways env = new TestGateways();

    private static String header(OutboundRequest r, String name) {
        return r.headers().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static void assertSignedFreshly(OutboundRequest r) {
        assertEquals(CommerceHubSigner.signature(TestGateways.API_KEY, TestGateways.API_SECRET, header(r, "Client-Request-Id"),
                Long.parseLong(header(r, "Timestamp")), r.body()), header(r, "Authorization"));
    }

    private CreditResult credit(CreditRequest request) {
        try (CreditGateway gateway = env.providerGateway()) {
            return gateway.credit(request);
        }
    }

    @Test
    void aTimeoutAfterSendingIsResentWithTheSameIdAndBytesAndAFreshSignature() {
        env.transport.fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT)
                .answer(201, TestGateways.approved("12.04", "USD"));
        CreditResult result = credit(TestGateways.cardCredit("12.04").build());

        assertEquals(CreditOutcome.APPROVED, result.outcome());
        assertEquals(2, result.attempts());
        List<OutboundRequest> sent = env.transport.sent();
        assertEquals(2, sent.size());
        assertEquals(CRID, header(sent.get(0), "Client-Request-Id"));
        assertEquals(CRID, header(sent.get(1), "Client-Request-Id"));
        assertArrayEquals(sent.get(0).body(), sent.get(1).body());
        assertEquals(Long.toString(TestGateways.START.toEpochMilli()), header(sent.get(0), "Timestamp"));
        assertEquals(Long.toString(TestGateways.START.plusMillis(100).toEpochMilli()), header(sent.get(1), "Timestamp"));
        sent.forEach(IdempotentRetryTest::assertSignedFreshly);
    }

    @Test
    void aGatewayTimeoutThenSuccessIsOneApprovedCredit() {
        env.transport.answer(504, "{\"gatewayResponse\":{\"error\":[{\"type\":\"GATEWAY\",\"code\":\"704\",\"message\":\"Transaction Timed Out\"}]}}")
                .answer(201, TestGateways.approved("12.04", "USD"));
        CreditResult result = credit(TestGateways.cardCredit("12.04").build());
        assertEquals(CreditOutcome.APPROVED, result.outcome());
        assertEquals(2, env.transport.sent().size());
    }

    @Test
    void resendsStopAtTheConfiguredNumberAndTheOutcomeStaysUnknown() {
        env.transport.otherwise(r -> FakeTransport.response(503, "{}"));
        CreditResult result = credit(TestGateways.cardCredit("12.04").build());
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.GATEWAY_ERROR, result.detail());
        assertEquals(3, env.transport.sent().size(), "one send and the default two resends");
        assertEquals(3, result.attempts());
    }

    @Test
    void withResendsOffALostAnswerIsUnknownAfterOneSend() {
        env.with("credit.retry.max-resends-after-sent", "0")
                .transport.fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.CONNECTION_LOST);
        CreditResult result = credit(TestGateways.cardCredit("12.04").merchantReference("INV-1").build());
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.NO_RESPONSE, result.detail());
        assertEquals(CRID, result.reconciliation().orElseThrow().gatewayRequestId());
        assertEquals(1, env.transport.sent().size());
    }

    /**
     * Once an attempt may have reached Commerce Hub, a later attempt's refusal, or a later attempt that never
     * left, says nothing about the first: it may have credited, so the result is UNKNOWN, never a clean failure
     * that invites a new request.
     */
    @ParameterizedTest(name = "lost answer, then {0}")
    @MethodSource("refusalsOfAResend")
    void aResendMeetingADefiniteFailureAfterALostAnswerIsUnknown(String what, java.util.function.Consumer<FakeTransport> then) {
        env.transport.fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.CONNECTION_LOST);
        then.accept(env.transport);
        CreditResult result = credit(TestGateways.cardCredit("12.04").merchantReference("INV-1").build());

        assertEquals(CreditOutcome.UNKNOWN, result.outcome(), what + ": " + result);
        assertEquals(OutcomeDetail.NO_RESPONSE, result.detail(), "the first attempt's answer was lost");
        assertEquals(CRID, result.reconciliation().orElseThrow().gatewayRequestId());
        assertTrue(result.responseMessage().orElseThrow().contains("may have"), result.responseMessage().orElseThrow());
    }

    static Stream<Arguments> refusalsOfAResend() {
        return Stream.of(
                Arguments.of("401", (java.util.function.Consumer<FakeTransport>) t -> t.otherwise(r -> FakeTransport.response(401,
                        "{\"error\":[{\"type\":\"HMAC\",\"code\":\"401\",\"message\":\"Unauthorized\"}]}"))),
                Arguments.of("400", (java.util.function.Consumer<FakeTransport>) t -> t.otherwise(r -> FakeTransport.response(400,
                        "{\"error\":[{\"type\":\"GATEWAY\",\"code\":\"100\",\"message\":\"Invalid or Missing Field Data\"}]}"))),
                Arguments.of("403", (java.util.function.Consumer<FakeTransport>) t -> t.otherwise(r -> FakeTransport.response(403, "{}"))),
                Arguments.of("429", (java.util.function.Consumer<FakeTransport>) t -> t.otherwise(r -> FakeTransport.response(429, "{}"))),
                Arguments.of("connection refused", (java.util.function.Consumer<FakeTransport>) t -> t.otherwise(r ->
                        new TransportFailure(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED, "refused", null))));
    }

    @Test
    void aDefinitiveRefusalIsNeverResent() {
        env.transport.answer(400, "{\"error\":[{\"type\":\"GATEWAY\",\"code\":\"100\",\"message\":\"Invalid or Missing Field Data\"}]}");
        assertEquals(CreditOutcome.REJECTED, credit(TestGateways.cardCredit("12.04").build()).outcome());
        assertEquals(1, env.transport.sent().size());
    }

    @Test
    void resendsStayWithinTheCallersDeadline() {
        env.with("credit.http.deadline", "150ms").transport.otherwise(r -> FakeTransport.response(504, ""));
        credit(TestGateways.cardCredit("12.04").build());
        assertEquals(2, env.transport.sent().size(), "the pause before a third attempt would pass the deadline");
    }

    @Test
    void resendsStopBeforeTheReplayWindowCloses() {
        env.with("credit.retry.backoff", "20s").transport.otherwise(r -> FakeTransport.response(504, ""));
        try (CreditGateway gateway = env.providerGateway()) {
            CreditRequest request = TestGateways.cardCredit("12.04").build();
            gateway.credit(request);
            assertEquals(2, env.transport.sent().size(), "a first send is re-sent after a 20 s pause");
            env.clock.advance(Duration.ofMinutes(4));
            gateway.credit(request);
            assertEquals(3, env.transport.sent().size(),
                    "first sent 4m20s ago with a 30 s response timeout: 10 s of the window are left, too few for a 20 s pause");
        }
    }

    @Test
    void aKeyReusedForAnotherCreditIsRefusedBeforeSending() {
        env.transport.answer(201, TestGateways.approved("12.04", "USD"));
        try (CreditGateway gateway = env.providerGateway()) {
            gateway.credit(TestGateways.cardCredit("12.04").build());
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> gateway.credit(TestGateways.cardCredit("99.00").build()));
            assertTrue(e.hasErrorFor("idempotencyKey"));
        }
        assertEquals(1, env.transport.sent().size());
    }

    @Test
    void aResubmissionWithinTheWindowIsSentAgainUnderTheSameId() {
        env.transport.fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT)
                .answer(201, TestGateways.approved("12.04", "USD"));
        env.with("credit.retry.max-resends-after-sent", "0");
        try (CreditGateway gateway = env.providerGateway()) {
            CreditRequest request = TestGateways.cardCredit("12.04").build();
            assertEquals(CreditOutcome.UNKNOWN, gateway.credit(request).outcome());
            env.clock.advance(Duration.ofMinutes(2));
            assertEquals(CreditOutcome.APPROVED, gateway.credit(request).outcome());
        }
        List<OutboundRequest> sent = env.transport.sent();
        assertEquals(2, sent.size());
        assertTrue(sent.stream().allMatch(r -> r.uri().getPath().endsWith("/payments/v1/credits")));
        assertArrayEquals(sent.get(0).body(), sent.get(1).body());
    }
}
