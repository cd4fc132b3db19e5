package org.standalonecredit.simulator.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.SimHttp;

class CommerceHubConcurrencyTest {

    @Test
    @Timeout(60)
    void sixtyFourParallelCreditsPlusTheirReplays() throws Exception {
        try (CommerceHubSimulator sim = CommerceHubSimulator.builder()
                .clock(MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"))).start()) {
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 64; i++) {
                    futures.add(SimHttp.async(SimHttp.commerceHubRequest(sim, "/payments/v1/refunds", "crid-" + i,
                            Bodies.commerceHubCard((10 + i) + ".25", "MTX-" + i), SimHttp.GUARD)));
                }
            }
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> f : futures) {
                HttpResponse<String> r = f.get();
                assertEquals(201, r.statusCode(), r.body());
                ids.add(SimHttp.json(r).at("/gatewayResponse/transactionProcessingDetails/transactionId").asText());
            }
            assertEquals(64, ids.size(), "each replay got its original's id");
            assertEquals(64, sim.ledger().size());
            assertEquals(128, sim.journal().size());
        }
    }
}
