package org.standalonecredit.simulator.cybersource;

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
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.SimHttp;

class CybersourceConcurrencyTest {

    @Test
    @Timeout(60)
    void sixtyFourParallelCreditsGiveSixtyFourEntriesAndIds() throws Exception {
        MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T03:04:05Z"));
        try (CybersourceSimulator sim = CybersourceSimulator.builder().clock(clock).start()) {
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(SimHttp.async(SimHttp.cybersourceRequest(sim, "POST", "/pts/v2/credits",
                        Bodies.cybersourceCard("1.0" + (i % 10), "REF-" + i, "TX-" + i), SimHttp.GUARD)));
            }
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> f : futures) {
                HttpResponse<String> r = f.get();
                assertEquals(201, r.statusCode(), r.body());
                ids.add(SimHttp.json(r).get("id").asText());
            }
            assertEquals(64, ids.size());
            assertEquals(64, sim.ledger().size());
            Set<String> ledgerIds = new HashSet<>();
            for (LedgerEntry e : sim.ledger().entries()) {
                ledgerIds.add(e.gatewayTransactionId());
            }
            assertEquals(ids, ledgerIds);
            assertEquals(64, sim.journal().size());
        }
    }
}
