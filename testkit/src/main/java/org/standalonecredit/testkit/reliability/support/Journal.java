package org.standalonecredit.testkit.reliability.support;

import java.util.List;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.RecordedRequest;

/** The credit requests a simulator received (not look-ups or voids). */
public final class Journal {
    private Journal() {
    }

    /** The simulator itself says which requests are credits, so a new gateway's simulator works here unchanged. */
    public static List<RecordedRequest> credits(GatewaySimulator sim) {
        return sim.creditRequests();
    }
}
