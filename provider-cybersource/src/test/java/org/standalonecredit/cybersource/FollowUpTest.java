package org.standalonecredit.cybersource;

import org.standalonecredit.testkit.fakes.ScriptedTransport;
import org.standalonecredit.testkit.fakes.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.transport.TransportFailure;

class FollowUpTest {
    private static final String ID = "7055970261066212404951";
    private final ScriptedTransport transport = new ScriptedTransport();
    private final CreditGateway gateway = TestGateways.create(TestGateways.httpSignatureConfig("cybersource", Map.of()), transport, new ArrayList<>());

    private static final String VOIDED = "{\"_links\":{\"self\":{\"method\":\"GET\",\"href\":\"/pts/v2/voids/6541933390746728203005\"}},"
            + "\"id\":\"6541933390746728203005\",\"status\":\"VOIDED\",\"submitTimeUtc\":\"2026-11-22T12:02:31Z\","
            + "\"voidAmountDetails\":{\"currency\":\"USD\",\"voidAmount\":\"10.00\"}}";

    @Test
    void voidsACreditByItsIdWithAnEmptyBody() {
        transport.answer(201, VOIDED);
        VoidResult result = gateway.voidCredit(VoidRequest.ofCredit(ID));
        assertEquals(FollowUpOutcome.DONE, result.outcome());
        assertEquals("6541933390746728203005", result.voidId());
        assertEquals("VOIDED", result.gatewayStatus());
        assertEquals("https://apitest.cybersource.com/pts/v2/credits/" + ID + "/voids", transport.last().uri().toString());
        assertEquals("{}", transport.body(0));
        assertTrue(transport.header(0, "Signature").contains("digest"));
    }

    @Test
    void aVoidCarriesTheMerchantReferenceWhenGiven() {
        transport.answer(201, VOIDED);
        gateway.voidCredit(VoidRequest.ofCredit(ID).withMerchantReference("void-0001"));
        assertEquals("{\"clientReferenceInformation\":{\"code\":\"void-0001\"}}", transport.body(0));
    }

    @Test
    void aTimeoutVoidGoesByTheMerchantsTransactionId() {
        transport.answer(201, VOIDED);
        VoidResult result = gateway.voidCredit(VoidRequest.timeout("T-7"));
        assertEquals(FollowUpOutcome.DONE, result.outcome());
        assertEquals("https://apitest.cybersource.com/pts/v2/voids", transport.last().uri().toString());
        assertEquals(Seeds.tree("{\"clientReferenceInformation\":{\"transactionId\":\"T-7\"}}"), Seeds.tree(transport.body(0)));
    }

    @Test
    void aCreditThatCannotBeVoidedIsRejectedWithTheReason() {
        transport.answer(400, "{\"status\":\"INVALID_REQUEST\",\"reason\":\"NOT_VOIDABLE\",\"message\":\"Declined - not voidable\"}");
        VoidResult result = gateway.voidCredit(VoidRequest.ofCredit(ID));
        assertEquals(FollowUpOutcome.REJECTED, result.outcome());
        assertEquals("NOT_VOIDABLE", result.errors().get(0).code());
        assertNull(result.voidId());
    }

    @Test
    void voidingAnUnknownCreditIsNotFound() {
        transport.answer(404, "{\"errors\":[{\"type\":\"notFound\",\"message\":\"The requested resource does not exist\"}]}");
        assertEquals(FollowUpOutcome.NOT_FOUND, gateway.voidCredit(VoidRequest.ofCredit(ID)).outcome());
    }

    @Test
    void aVoidWhoseAnswerIsLostIsUnknownAndNotResent() {
        transport.fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT);
        assertEquals(FollowUpOutcome.UNKNOWN, gateway.voidCredit(VoidRequest.ofCredit(ID)).outcome());
        assertEquals(1, transport.sent.size());
    }

    @Test
    void anIdThatCouldChangeTheUrlIsRefused() {
        assertThrows(InvalidRequestException.class, () -> gateway.voidCredit(VoidRequest.ofCredit("../payments/1")));
        assertThrows(InvalidRequestException.class, () -> gateway.status(StatusQuery.byGatewayTransactionId("1?x=2")));
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void looksACreditUpByIdWithASignedGet() {
        transport.answer(200, "{\"id\":\"" + ID + "\",\"submitTimeUTC\":\"2026-11-22T12:02:31Z\",\"status\":\"PENDING\","
                + "\"applicationInformation\":{\"status\":\"PENDING\",\"rCode\":\"1\",\"applications\":[{\"name\":\"ics_credit\",\"rCode\":\"1\"}]},"
                + "\"clientReferenceInformation\":{\"code\":\"REF-1\",\"transactionId\":\"T-7\"},"
                + "\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"10.00\",\"currency\":\"USD\"}}}");
        StatusResult result = gateway.status(StatusQuery.byGatewayTransactionId(ID));
        assertEquals("GET", transport.last().method());
        assertEquals("https://apitest.cybersource.com/tss/v2/transactions/" + ID, transport.last().uri().toString());
        assertNull(transport.header(0, "Digest"));
        assertTrue(transport.header(0, "Signature").contains("headers=\"host date request-target v-c-merchant-id\""));
        assertEquals(FollowUpOutcome.DONE, result.outcome());
        assertEquals(new CreditStatus(ID, CreditOutcome.PENDING_SETTLEMENT, "PENDING", new BigDecimal("10.00"), "USD", "REF-1", "T-7",
                false, Instant.parse("2026-11-22T12:02:31Z")), result.credits().get(0));
    }

    @Test
    void anUnknownIdIsNotFound() {
        transport.answer(404, "{\"errors\":[{\"type\":\"notFound\",\"message\":\"The requested resource does not exist\"}]}");
        StatusResult result = gateway.status(StatusQuery.byGatewayTransactionId(ID));
        assertEquals(FollowUpOutcome.NOT_FOUND, result.outcome());
        assertTrue(result.foundNone());
    }

    @Test
    void searchesByMerchantReferenceNewestFirst() {
        transport.answer(201, "{\"searchId\":\"s1\",\"count\":2,\"totalCount\":2,\"_embedded\":{\"transactionSummaries\":["
                + "{\"id\":\"2\",\"submitTimeUtc\":\"2026-11-22T12:02:31Z\",\"status\":\"VOIDED\",\"applicationInformation\":{\"rCode\":\"1\","
                + "\"applications\":[{\"name\":\"ics_credit\",\"rCode\":\"1\"},{\"name\":\"ics_void\",\"rCode\":\"1\"}]},"
                + "\"clientReferenceInformation\":{\"code\":\"REF 1\"},\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"5.00\",\"currency\":\"USD\"}}},"
                + "{\"id\":\"1\",\"status\":\"DECLINED\",\"applicationInformation\":{\"rCode\":\"0\"},\"clientReferenceInformation\":{\"code\":\"REF 1\"}}]}}");
        StatusResult result = gateway.status(StatusQuery.byMerchantReference("REF 1"));
        assertEquals("https://apitest.cybersource.com/tss/v2/searches", transport.last().uri().toString());
        assertEquals(Seeds.tree("{\"save\":false,\"name\":\"standalone-credit reconciliation\",\"timezone\":\"UTC\","
                + "\"query\":\"clientReferenceInformation.code:\\\"REF 1\\\"\",\"offset\":0,\"limit\":100,\"sort\":\"id:desc\"}"),
                Seeds.tree(transport.body(0)));
        assertEquals(FollowUpOutcome.DONE, result.outcome());
        assertEquals(2, result.credits().size());
        CreditStatus voided = result.credits().get(0);
        assertTrue(voided.voided());
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, voided.outcome());
        assertEquals(CreditOutcome.DECLINED, result.credits().get(1).outcome());
        assertFalse(result.credits().get(1).voided());
    }

    @Test
    void searchesByTransactionId() {
        transport.answer(201, "{\"count\":0,\"_embedded\":{\"transactionSummaries\":[]}}");
        StatusResult result = gateway.status(StatusQuery.byTransactionId("T-7"));
        assertEquals("clientReferenceInformation.transactionId:T-7", Seeds.tree(transport.body(0)).path("query").asText());
        assertTrue(result.foundNone());
    }

    @Test
    void aLookupIsSentAgainAfterAServerError() {
        transport.answer(502, "{\"status\":\"SERVER_ERROR\",\"reason\":\"SYSTEM_ERROR\"}")
                .answer(201, "{\"count\":0,\"_embedded\":{\"transactionSummaries\":[]}}");
        StatusResult result = gateway.status(StatusQuery.byTransactionId("T-7"));
        assertEquals(FollowUpOutcome.DONE, result.outcome());
        assertEquals(2, transport.sent.size());
    }

    @Test
    void anIdempotencyKeyLookupIsNotOffered() {
        assertThrows(UnsupportedFollowUpException.class, () -> gateway.status(StatusQuery.byIdempotencyKey("k-1")));
    }

    @Test
    void aQuoteCannotBeSearchedFor() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> gateway.status(StatusQuery.byMerchantReference("a\" OR id:1")));
        assertTrue(e.hasErrorFor("value"));
        assertTrue(transport.sent.isEmpty());
    }
}
