package org.standalonecredit.journal.jdbc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.testkit.reliability.support.ChildJvm;

/**
 * One of the two processes of {@link TwoProcessRaceTest}: opens the journal the environment configures
 * ({@code RACE_JOURNAL_URL}, {@code _USER}, {@code _PASSWORD}, {@code _TABLE}: never on the command line, where
 * {@code ps} shows it), warms up, says {@code READY}, waits for {@code GO <epoch millis>} on its input and for that moment
 * ({@link ChildJvm#awaitGo()}),
 * then claims keys {@code race-0} to {@code race-<n-1>} from many threads and prints {@code GRANTED <key>} for each claim granted, then {@code DONE}.
 *
 * <p>Arguments: owner, number of keys, number of threads.
 */
public final class RaceChild {
    private RaceChild() {
    }

    public static void main(String[] args) throws Exception {
        String owner = args[0];
        int keys = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Map<String, String> config = new HashMap<>();
        for (String key : List.of("url", "user", "password", "table")) {
            String value = System.getenv("RACE_JOURNAL_" + key.toUpperCase(java.util.Locale.ROOT));
            if (value != null) {
                config.put("race.journal." + key, value);
            }
        }
        config.put("race.journal.pool-size", Integer.toString(threads));
        GatewaySettings settings = GatewaySettings.of(ConfigSource.fromMap(config), "race.journal");
        CreditJournal journal = new JdbcJournalFactory().open(settings);
        if (journal == null) {
            System.out.println("PROBLEMS " + settings.problems());
            System.exit(2);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // warm the claim path (classes, statements, every pooled connection) on keys of this process's own
        List<Future<Boolean>> warmUp = new ArrayList<>();
        for (int i = 0; i < threads * 2; i++) {
            JournalRecord own = attempt(owner + "-warm-up-" + i, owner);
            warmUp.add(pool.submit(() -> journal.claim(own).isGranted()));
        }
        for (Future<Boolean> f : warmUp) {
            f.get();
        }
        ChildJvm.ready();
        // both processes start at the same moment of the machine's clock, so that they meet on every key
        ChildJvm.awaitGo();
        // each process in an order of its own: the one a step ahead does not take every key, and they collide all along
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(owner.hashCode()));
        Map<Integer, Future<Boolean>> claims = new HashMap<>();
        for (int i : order) {
            JournalRecord attempt = attempt("race-" + i, owner);
            claims.put(i, pool.submit(() -> journal.claim(attempt).isGranted()));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            if (claims.get(i).get()) {
                out.append("GRANTED race-").append(i).append('\n');
            }
        }
        pool.shutdown();
        journal.close();
        System.out.print(out);
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    private static JournalRecord attempt(String key, String owner) {
        Instant now = Instant.now();
        return JournalRecord.builder().scope("race/example").idempotencyKey(key).fingerprint("f".repeat(64)).state(JournalRecord.State.ATTEMPTED)
                .providerId("example").amount(new BigDecimal("10.50")).currency("USD").attemptedAt(now).updatedAt(now).owner(owner).build();
    }
}
