package org.standalonecredit.simulator.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.CardScheme;
import org.standalonecredit.simulator.Gateway;
import org.standalonecredit.simulator.SimulatorIds;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.PaymentSourceSummary.SourceType;
import org.standalonecredit.simulator.SimHttp;

class CommerceHubCreditTest {
    final MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"));
    CommerceHubSimulator sim = CommerceHubSimulator.builder().clock(clock).idGenerator(SimulatorIds.sequential()).start();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void openRefundAnswersLikeTheDocsAndIsRecorded() throws Exception {
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-1",
                Bodies.commerceHubCard("12.40", "MTX-1"));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode b = SimHttp.json(r);
        assertEquals("REFUND", b.at("/gatewayResponse/transactionType").asText());
        assertEquals("AUTHORIZED", b.at("/gatewayResponse/transactionState").asText());
        assertEquals("ECOM", b.at("/gatewayResponse/transactionOrigin").asText());
        JsonNode details = b.at("/gatewayResponse/transactionProcessingDetails");
        assertEquals("2026-01-05T03:04:05Z", details.get("transactionTimestamp").asText());
        assertTrue(details.get("apiTraceId").asText().matches("[0-9a-f]{32}"));
        assertEquals("crid-1", details.get("clientRequestId").asText());
        String transactionId = details.get("transactionId").asText();
        assertTrue(details.get("orderId").isTextual());
        assertEquals("PaymentCard", b.at("/source/sourceType").asText());
        assertEquals("40055500", b.at("/source/card/bin").asText());
        assertEquals("0019", b.at("/source/card/last4").asText());
        assertEquals("VISA", b.at("/source/card/scheme").asText());
        assertEquals("02", b.at("/source/card/expirationMonth").asText());
        assertEquals("2035", b.at("/source/card/expirationYear").asText());
        assertTrue(b.at("/source/card/cardData").isMissingNode());
        assertTrue(b.at("/source/card/securityCode").isMissingNode());
        assertFalse(r.body().contains("4005550000000019"));
        assertTrue(r.body().contains("\"approvedAmount\":{\"total\":12.40,\"currency\":\"USD\"}"),
                "total is a JSON number exactly as received: " + r.body());
        JsonNode proc = b.at("/paymentReceipt/processorResponseDetails");
        assertEquals("APPROVED", proc.get("approvalStatus").asText());
        assertEquals("000", proc.get("responseCode").asText());
        assertEquals("APPROVAL", proc.get("responseMessage").asText());
        assertEquals("00", proc.get("hostResponseCode").asText());
        assertTrue(proc.get("approvalCode").isTextual());
        assertTrue(b.at("/transactionDetails/captureFlag").asBoolean());
        assertEquals("MTX-1", b.at("/transactionDetails/merchantTransactionId").asText());

        LedgerEntry e = sim.ledger().entries().get(0);
        assertEquals(Gateway.COMMERCE_HUB, e.gateway());
        assertEquals(transactionId, e.gatewayTransactionId());
        assertEquals(new BigDecimal("12.40"), e.amount());
        assertEquals(2, e.amount().scale());
        assertEquals("crid-1", e.clientTransactionId());
        assertEquals("MTX-1", e.merchantReference());
        assertEquals("100008000003683", e.merchantId());
        assertEquals(SourceType.CARD, e.paymentSource().type());
        assertEquals("400555", e.paymentSource().bin());
        assertEquals(CardScheme.VISA, e.paymentSource().brand());
        assertFalse(e.paymentSource().encrypted());
    }

    @Test
    void legacyCreditsPathAndChPrefixWork() throws Exception {
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/credits", "crid-c", Bodies.COMMERCE_HUB_VECTOR_BODY);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("CREDIT", SimHttp.json(r).at("/gatewayResponse/transactionType").asText());
        assertEquals("123456789012", SimHttp.json(r).at("/transactionDetails/merchantInvoiceNumber").asText());
        r = SimHttp.commerceHub(sim, "/ch/payments/v1/refunds", "crid-ch", Bodies.COMMERCE_HUB_VECTOR_BODY);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(2, sim.ledger().size());
    }

    @Test
    void capturedStateCanBeConfigured() throws Exception {
        sim.close();
        sim = CommerceHubSimulator.builder().clock(clock).approvedTransactionState("CAPTURED").start();
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid", Bodies.COMMERCE_HUB_VECTOR_BODY);
        assertEquals("CAPTURED", SimHttp.json(r).at("/gatewayResponse/transactionState").asText());
    }

    @Test
    void amountAsStringIsRejected() throws Exception {
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-s",
                Bodies.commerceHubCard("\"12.04\"", null));
        assertEquals(400, r.statusCode());
        JsonNode b = SimHttp.json(r);
        assertEquals("GATEWAY", b.at("/error/0/type").asText());
        assertEquals("100", b.at("/error/0/code").asText());
        assertEquals("amount.total", b.at("/error/0/field").asText());
        assertEquals("Invalid or Missing Field Data", b.at("/error/0/message").asText());
        assertEquals("crid-s", b.at("/gatewayResponse/transactionProcessingDetails/clientRequestId").asText());
        assertTrue(b.at("/gatewayResponse/transactionProcessingDetails/apiTraceId").asText().matches("[0-9a-f]{32}"));
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void requiredFieldsAreReported() throws Exception {
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-m",
                "{\"amount\":{},\"source\":{},\"merchantDetails\":{}}");
        assertEquals(400, r.statusCode());
        String body = r.body();
        for (String field : new String[] {"amount.total", "amount.currency", "source.sourceType",
                "merchantDetails.merchantId", "merchantDetails.terminalId"}) {
            assertTrue(body.contains("\"field\":\"" + field + "\""), field + " in " + body);
        }
        r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-n", Bodies.commerceHubCard("-1.00", null));
        assertEquals("105", SimHttp.json(r).at("/error/0/code").asText());
        r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-o",
                Bodies.COMMERCE_HUB_VECTOR_BODY.replace("4005550000000019", "4005550000000018"));
        assertEquals("103", SimHttp.json(r).at("/error/0/code").asText());
        assertFalse(r.body().contains("4005550000000018"));
        r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-p", "{\"amount\":");
        assertEquals("121", SimHttp.json(r).at("/error/0/code").asText());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void paymentTokenSourceIsAccepted() throws Exception {
        String body = "{\"amount\":{\"total\":5,\"currency\":\"USD\"},\"source\":{\"sourceType\":\"PaymentToken\","
                + "\"tokenData\":\"1234560000000019\",\"tokenSource\":\"TRANSARMOR\",\"card\":{\"expirationMonth\":\"10\","
                + "\"expirationYear\":\"2030\"}},\"merchantDetails\":{\"merchantId\":\"M\",\"terminalId\":\"T\"}}";
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-t", body);
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"approvedAmount\":{\"total\":5,"));
        LedgerEntry e = sim.ledger().entries().get(0);
        assertEquals(SourceType.PAYMENT_TOKEN, e.paymentSource().type());
        assertEquals("0019", e.paymentSource().last4());
    }

    @Test
    void missingClientRequestIdIs400AndBadHmacIs401() throws Exception {
        byte[] body = Bodies.COMMERCE_HUB_VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(sim.baseUrl() + "/payments/v1/refunds");
        CommerceHubSigner.Signed signed = sim.signer().sign("crid-x", body);
        HttpRequest.Builder noId = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((k, v) -> {
            if (!k.equals("Client-Request-Id")) {
                noId.header(k, v);
            }
        });
        HttpResponse<String> r = SimHttp.CLIENT.send(noId.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertEquals("138", SimHttp.json(r).at("/error/0/code").asText());

        HttpRequest tampered = signed.applyTo(HttpRequest.newBuilder(uri))
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.COMMERCE_HUB_VECTOR_BODY.replace("12.04", "12.05"))).build();
        r = SimHttp.CLIENT.send(tampered, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        assertEquals("{\"error\":[{\"type\":\"APIM\",\"message\":\"ApiKey and/or Authentication supplied are invalid.\"}]}",
                r.body());

        CommerceHubSigner stale = sim.signer(MutableClock.at(clock.instant().minus(Duration.ofMinutes(6))));
        r = SimHttp.CLIENT.send(stale.sign("crid-y", body).applyTo(HttpRequest.newBuilder(uri))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void productionRefusesPlainCardData() throws Exception {
        sim.close();
        sim = CommerceHubSimulator.builder().clock(clock).environment(CommerceHubSimulator.Environment.PRODUCTION).start();
        HttpResponse<String> r = SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid-prod", Bodies.COMMERCE_HUB_VECTOR_BODY);
        assertEquals(400, r.statusCode());
        assertEquals("302", SimHttp.json(r).at("/error/0/code").asText());
        assertFalse(r.body().contains("4005550000000019"));
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertEquals(404, SimHttp.commerceHub(sim, "/payments/v1/charges", "crid-404", "{}").statusCode());
    }
}
