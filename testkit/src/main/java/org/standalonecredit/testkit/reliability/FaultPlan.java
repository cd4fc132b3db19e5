package org.standalonecredit.testkit.reliability;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.ScriptRule;

/**
 * Which credits get which fault, drawn up front from a seeded {@link Random}, so the same seed gives
 * the same faults on the same credits whatever order 32 callers reach the simulator in. Installed as
 * simulator script rules matching a credit's merchant reference; a fault is used up by the first
 * request carrying that reference, so a re-send (Commerce Hub) or a resubmission is answered normally.
 */
final class FaultPlan {
    private final Map<String, SoakFault> pending = new ConcurrentHashMap<>();
    private final Map<SoakFault, Integer> planned = new EnumMap<>(SoakFault.class);
    private final Map<SoakFault, ScriptRule> rules = new EnumMap<>(SoakFault.class);

    FaultPlan(long seed, double rate, int credits) {
        Random random = new Random(seed);
        SoakFault[] faults = SoakFault.values();
        for (int i = 0; i < credits; i++) {
            if (random.nextDouble() < rate) {
                SoakFault f = faults[random.nextInt(faults.length)];
                pending.put(SoakRun.reference(i), f);
                planned.merge(f, 1, Integer::sum);
            }
        }
    }

    /** Registers one script rule per fault on the simulator. */
    void install(GatewaySimulator sim, Duration delay) {
        for (SoakFault f : SoakFault.values()) {
            ScriptRule rule = sim.script()
                    .when("soak " + f, facts -> facts.merchantReference() != null && pending.remove(facts.merchantReference(), f))
                    .respond(f.behaviour).processed(f.processed).delay(delay);
            rules.put(f, rule);
        }
    }

    int planned() {
        return planned.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Faults that really hit a request, by kind. */
    Map<SoakFault, Integer> injected() {
        Map<SoakFault, Integer> hits = new EnumMap<>(SoakFault.class);
        rules.forEach((f, r) -> hits.put(f, r.hits()));
        return hits;
    }

    int injectedTotal() {
        return injected().values().stream().mapToInt(Integer::intValue).sum();
    }
}
