package org.standalonecredit.cybersource.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.SimulatedGateway;

/** Each registered subject of the provider authenticates as its name says, so every mode really is run. */
class CybersourceFamilySubjectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN_ID = "7000000000000000000001";

    @Test
    void theProviderHasASubjectPerModeTheDefaultOneWithoutVariant() {
        List<String> names = CybersourceFamilySubject.registered("cybersource").stream().map(ConformanceSubject::displayName).toList();

        assertEquals(List.of("cybersource", "cybersource[jwt+mle]", "cybersource[http-signature]"), names);
    }

    @Test
    void eachSubjectSendsAsItsModeSays() throws Exception {
        for (ConformanceSubject subject : CybersourceFamilySubject.registered("cybersource")) {
            RecordedRequest sent = creditThrough(subject);
            String authorization = String.valueOf(sent.header("Authorization"));
            boolean encrypted = sent.bodyAsString().startsWith("{\"encryptedRequest\":\"");
            String name = subject.displayName();
            switch (subject.variant()) {
                case "http-signature" -> assertTrue(sent.header("Signature") != null && !authorization.startsWith("Bearer ") && !encrypted, name);
                case "jwt+mle" -> assertTrue(encrypted && claims(authorization).has("v-c-response-mle-kid"), name + ": MLE both ways");
                default -> assertTrue(!encrypted && !claims(authorization).has("v-c-response-mle-kid"), name + ": JWT in the clear");
            }
            assertEquals("10.00", subject.amountOnWire(sent), name + " reads the amount the client sent");
        }
    }

    @Test
    void everyFollowUpWorksInEveryMode() {
        for (ConformanceSubject subject : CybersourceFamilySubject.registered("cybersource")) {
            String name = subject.displayName();
            try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = open(subject, sim)) {
                CreditResult credit = gateway.credit(subject.validRequest("10.00", "USD").merchantReference("REF-1").transactionId("T-1").build());
                assertTrue(credit.outcome().isSuccess(), name + ": " + credit);
                String id = credit.gatewayTransactionId().orElseThrow();
                for (StatusQuery query : List.of(StatusQuery.byGatewayTransactionId(id), StatusQuery.byTransactionId("T-1"),
                        StatusQuery.byMerchantReference("REF-1"))) {
                    StatusResult status = gateway.status(query);
                    assertEquals(1, status.credits().size(), name + " " + query.by() + ": " + status);
                    assertEquals(id, status.credits().get(0).gatewayTransactionId(), name + " " + query.by());
                }
                VoidResult voided = gateway.voidCredit(VoidRequest.ofCredit(id));
                assertEquals(FollowUpOutcome.DONE, voided.outcome(), name + " void: " + voided);
                gateway.credit(subject.validRequest("11.00", "USD").merchantReference("REF-2").transactionId("T-2").build());
                VoidResult timeoutVoid = gateway.voidCredit(VoidRequest.timeout("T-2"));
                assertEquals(FollowUpOutcome.DONE, timeoutVoid.outcome(), name + " timeout void: " + timeoutVoid);
                assertEquals(2, sim.creditsInLedger());
            }
        }
    }

    /** An answer that refuses a follow-up is encrypted under response MLE: once opened it reads as in the clear. */
    @Test
    void refusedFollowUpsReadAlikeInEveryMode() {
        Map<String, List<String>> byMode = new LinkedHashMap<>();
        for (ConformanceSubject subject : CybersourceFamilySubject.registered("cybersource")) {
            try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = open(subject, sim)) {
                String id = gateway.credit(subject.validRequest("10.00", "USD").merchantReference("REF-1").transactionId("T-1").build())
                        .gatewayTransactionId().orElseThrow();
                gateway.voidCredit(VoidRequest.ofCredit(id));
                List<String> answers = new ArrayList<>();
                for (StatusQuery query : List.of(StatusQuery.byGatewayTransactionId(UNKNOWN_ID), StatusQuery.byTransactionId("T-NONE"))) {
                    StatusResult r = gateway.status(query);
                    answers.add(query.by() + ": " + r.outcome() + " " + r.httpStatus() + " " + r.foundNone() + " " + r.errors());
                }
                for (VoidRequest v : List.of(VoidRequest.ofCredit(id), VoidRequest.ofCredit(UNKNOWN_ID), VoidRequest.timeout("T-NONE"))) {
                    VoidResult r = gateway.voidCredit(v);
                    answers.add("void " + v.reason() + ": " + r.outcome() + " " + r.httpStatus() + " " + r.errors());
                }
                byMode.put(subject.displayName(), answers);
            }
        }
        assertEquals(1, Set.copyOf(byMode.values()).size(), byMode.toString());
    }

    private static CreditGateway open(ConformanceSubject subject, SimulatedGateway sim) {
        Map<String, String> config = new HashMap<>(subject.configuration(sim.baseUrl()));
        config.put("credit.gateway", subject.providerId());
        return ProviderRegistry.load().create(ConfigSource.fromMap(config), "credit");
    }

    private static RecordedRequest creditThrough(ConformanceSubject subject) {
        try (SimulatedGateway sim = subject.startSimulator(); CreditGateway gateway = open(subject, sim)) {
            CreditResult result = gateway.credit(subject.validRequest("10.00", "USD").merchantReference("MODE").build());
            assertTrue(result.outcome().isSuccess(), subject.displayName() + ": " + result);
            return sim.creditRequests().get(0);
        }
    }

    private static JsonNode claims(String authorization) throws Exception {
        assertTrue(authorization.startsWith("Bearer "), authorization);
        return JSON.readTree(Base64.getUrlDecoder().decode(authorization.substring("Bearer ".length()).split("\\.")[1]));
    }
}
