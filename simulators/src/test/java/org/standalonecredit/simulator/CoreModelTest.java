package org.standalonecredit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoreModelTest {

    static RequestFacts credit(String amount, String reference) {
        return new RequestFacts(Operation.CREDIT, "/x", amount == null ? null : new BigDecimal(amount), "USD", reference, null);
    }

    @Test
    void rulesAreTriedInOrderAndLimitedRulesGetUsedUp() {
        Script script = new Script();
        ScriptRule once = script.nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        ScriptRule amount = script.whenAmount("13.13").respond(Behaviour.DECLINE);
        assertEquals(Optional.of(once), script.match(credit("13.13", null)));
        assertEquals(Optional.of(amount), script.match(credit("13.130", null)));
        assertEquals(Optional.of(amount), script.match(credit("13.13", null)));
        assertEquals(Optional.empty(), script.match(credit("1.00", null)));
        assertTrue(once.exhausted());
        assertEquals(2, amount.hits());
        script.reset();
        assertTrue(script.rules().isEmpty());
    }

    @Test
    void rulesDefaultToCreditsAndCanTargetOtherOperations() {
        Script script = new Script();
        script.always().respond(Behaviour.SERVER_ERROR);
        assertTrue(script.match(RequestFacts.of(Operation.LOOKUP, "/x")).isEmpty());
        ScriptRule lookups = script.always().on(Operation.LOOKUP, Operation.VOID).respond(Behaviour.DECLINE);
        assertEquals(Optional.of(lookups), script.match(RequestFacts.of(Operation.VOID, "/x")));
        ScriptRule any = script.whenReference("R").onAnyOperation().respond(Behaviour.EMPTY_BODY);
        assertEquals(Optional.of(any), script.match(new RequestFacts(Operation.KEY_MANAGEMENT, "/k", null, null, "R", null)));
    }

    @Test
    void processedDefaultsFollowTheBehaviourAndCanBeOverridden() {
        Script script = new Script();
        assertTrue(script.always().respond(Behaviour.DELAY).isProcessed());
        assertFalse(script.always().respond(Behaviour.SERVER_ERROR).isProcessed());
        assertTrue(script.always().respond(Behaviour.SERVER_ERROR).processed(true).isProcessed());
        assertFalse(script.always().processed(false).respond(Behaviour.CLOSE_CONNECTION).isProcessed());
        for (Behaviour b : new Behaviour[] {Behaviour.DELAY, Behaviour.CLOSE_CONNECTION, Behaviour.GATEWAY_TIMEOUT,
                Behaviour.TRUNCATED_BODY, Behaviour.MALFORMED_BODY, Behaviour.EMPTY_BODY, Behaviour.HTML_BODY,
                Behaviour.APPROVE, Behaviour.PENDING}) {
            assertTrue(b.processedByDefault(), b.name());
        }
        for (Behaviour b : new Behaviour[] {Behaviour.DECLINE, Behaviour.INVALID_REQUEST, Behaviour.AUTH_FAILURE,
                Behaviour.SERVER_ERROR}) {
            assertFalse(b.processedByDefault(), b.name());
        }
    }

    @Test
    void magicAmountsLookAtTheCents() {
        assertEquals(Optional.of(Behaviour.DECLINE), MagicAmounts.behaviourFor(new BigDecimal("10.51")));
        assertEquals(Optional.of(Behaviour.DECLINE), MagicAmounts.behaviourFor(new BigDecimal("0.510")));
        assertEquals(Optional.of(Behaviour.CLOSE_CONNECTION), MagicAmounts.behaviourFor(new BigDecimal("99.55")));
        assertEquals(Optional.empty(), MagicAmounts.behaviourFor(new BigDecimal("10.50")));
        assertEquals(Optional.empty(), MagicAmounts.behaviourFor(new BigDecimal("51")));
        assertEquals(Optional.empty(), MagicAmounts.behaviourFor(null));
    }

    @Test
    void idGeneratorsAreDeterministicWhenAskedTo() {
        SimulatorIds a = SimulatorIds.seeded(42);
        SimulatorIds b = SimulatorIds.seeded(42);
        assertEquals(a.digits(22), b.digits(22));
        assertEquals(a.uuid(), b.uuid());
        SimulatorIds seq = SimulatorIds.sequential();
        assertEquals("0000000000000000000001", seq.digits(22));
        assertEquals("00000002", seq.hex(8));
        assertTrue(SimulatorIds.random().hex(32).matches("[0-9a-f]{32}"));
        Set<String> many = new HashSet<>();
        SimulatorIds random = SimulatorIds.random();
        for (int i = 0; i < 1000; i++) {
            many.add(random.digits(22));
        }
        assertEquals(1000, many.size());
    }

    @Test
    void mutableClockMovesOnlyWhenTold() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Instant.parse("2026-01-01T00:05:00Z"), clock.instant());
        assertEquals(clock.instant(), clock.withZone(java.time.ZoneId.of("Europe/Paris")).instant());
    }

    @Test
    void ledgerCountsAndMarksVoided() {
        Ledger ledger = new Ledger();
        PaymentSourceSummary card = PaymentSourceSummary.card("4111111111111111", "12", "2031", false);
        ledger.record(new LedgerEntry(Gateway.CYBERSOURCE, "A", new BigDecimal("1.00"), "USD", "R", "T", "M", card,
                Instant.EPOCH, false));
        ledger.record(new LedgerEntry(Gateway.COMMERCE_HUB, "B", new BigDecimal("2.00"), "USD", "R", "T", "M", card,
                Instant.EPOCH, false));
        assertEquals(2, ledger.size());
        assertEquals(1, ledger.count(e -> e.gateway() == Gateway.COMMERCE_HUB));
        assertTrue(ledger.markVoided("A"));
        assertFalse(ledger.markVoided("Z"));
        assertEquals(1, ledger.activeCount());
        assertTrue(ledger.find("A").orElseThrow().voided());
        assertFalse(ledger.toString().contains("4111111111111111"));
        assertEquals("411111", card.bin());
        ledger.clear();
        assertEquals(0, ledger.size());
    }

    @Test
    void cardHelpers() {
        assertTrue(Pans.isPlausiblePan("4111111111111111"));
        assertFalse(Pans.isPlausiblePan("4111111111111112"));
        assertFalse(Pans.isPlausiblePan("41111111111x1111"));
        assertEquals("411111******1111", Pans.mask("4111111111111111"));
        assertEquals(CardScheme.AMEX, CardScheme.detect("341111227713933"));
        assertEquals(CardScheme.DISCOVER, CardScheme.detect("6011114305944707"));
        assertEquals(CardScheme.MASTERCARD, CardScheme.detect("2221000000000009"));
        assertEquals(CardScheme.JCB, CardScheme.fromCybersourceType("007"));
        assertNotEquals(CardScheme.VISA, CardScheme.detect("5500007287297385"));
    }

    @Test
    void jsonKeepsDecimalScale() throws Exception {
        var node = SimJson.parseObject("{\"a\":12.40,\"b\":12}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(new BigDecimal("12.40"), node.get("a").decimalValue());
        assertEquals("{\"a\":12.40,\"b\":12}", new String(SimJson.write(node), java.nio.charset.StandardCharsets.UTF_8));
        assertThrowsInvalid("");
        assertThrowsInvalid("[]");
        assertThrowsInvalid("{\"a\":1,\"a\":2}");
        assertThrowsInvalid("{} {}");
    }

    private static void assertThrowsInvalid(String json) {
        org.junit.jupiter.api.Assertions.assertThrows(SimJson.InvalidJsonException.class,
                () -> SimJson.parseObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), json);
    }

    @Test
    void routerCapturesVariables() {
        Router router = new Router().add("POST", "/pts/v2/credits/{id}/voids", Operation.VOID, (r, v) -> null);
        assertEquals("123", router.match("POST", "/pts/v2/credits/123/voids").orElseThrow().variables().get("id"));
        assertTrue(router.match("GET", "/pts/v2/credits/123/voids").isEmpty());
        assertTrue(router.match("POST", "/pts/v2/credits//voids").isEmpty());
        assertTrue(router.match("POST", "/pts/v2/credits/123").isEmpty());
    }
}
