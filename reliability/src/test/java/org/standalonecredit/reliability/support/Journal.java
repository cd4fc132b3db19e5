package org.standalonecredit.reliability.support;

import java.util.List;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.RecordedRequest;

/** The credit requests a simulator received (not look-ups or voids). */
public final class Journal {
    private Journal() {
    }

    public static List<RecordedRequest> credits(GatewaySimulator sim) {
        return sim.journal().matching(r -> r.method().equals("POST") && isCreditPath(r.pathWithoutQuery()));
    }

    private static boolean isCreditPath(String path) {
        return path.equals("/pts/v2/credits") || path.endsWith("/payments/v1/credits") || path.endsWith("/payments/v1/refunds");
    }
}
