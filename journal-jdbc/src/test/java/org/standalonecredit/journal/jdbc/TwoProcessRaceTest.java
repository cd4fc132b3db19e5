package org.standalonecredit.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.testkit.reliability.support.ChildJvm;
import org.standalonecredit.testkit.reliability.support.PostgresEnv;

/**
 * Two JVMs claim the same {@value #KEYS} keys at once, each from {@value #THREADS} threads, through journals on one
 * database: exactly {@value #KEYS} grants in all, each key granted once, and the record of each key is its winner's.
 */
class TwoProcessRaceTest {
    private static final int KEYS = 100;
    private static final int THREADS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void postgresql() throws Exception {
        Map<String, String> pg = PostgresEnv.require();
        String table = PostgresEnv.runPrefix() + "race";
        try {
            race(Journals.with(pg, "table", table));
        } finally {
            PostgresEnv.dropTables(pg, List.of(table));
        }
    }

    @Test
    void h2FileServedByTheFirstProcess() throws Exception {
        // AUTO_SERVER: this JVM opens the file first and serves it; the two children connect to it over TCP
        race(Map.of("url", "jdbc:h2:file:" + dir.resolve("race") + ";AUTO_SERVER=TRUE", "user", "sa", "password", "race-Pw", "table", "race"));
    }

    private void race(Map<String, String> keys) throws Exception {
        try (JdbcCreditJournal journal = Journals.open(keys); // creates the table before the race
             ChildJvm a = child("child-a", keys);
             ChildJvm b = child("child-b", keys)) {
            List<ChildJvm> children = List.of(a, b);
            ChildJvm.startTogether(children, TIMEOUT);
            Map<String, String> winners = new HashMap<>();
            Map<String, Integer> grantsBy = new LinkedHashMap<>();
            int grants = 0;
            for (ChildJvm child : children) {
                List<String> granted = granted(child);
                grantsBy.put(child.name(), granted.size());
                for (String key : granted) {
                    grants++;
                    String earlier = winners.put(key, child.name());
                    if (earlier != null) {
                        fail(key + " was granted to both " + earlier + " and " + child.name());
                    }
                }
            }
            assertEquals(KEYS, grants, "exactly one grant per key across the two processes");
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < KEYS; i++) {
                expected.add("race-" + i);
            }
            assertEquals(expected, new TreeSet<>(winners.keySet()), "every key granted");
            for (Map.Entry<String, String> w : winners.entrySet()) {
                assertEquals(w.getValue(), journal.find("race/example", w.getKey()).orElseThrow().owner(), "the record of " + w.getKey());
            }
            // how the keys split is up to the race (one process may win them all); it is shown, not checked
            System.out.println("grants: " + grantsBy);
        }
    }

    /** A child JVM running {@link RaceChild}; the journal's keys in its environment, not on its command line. */
    private ChildJvm child(String name, Map<String, String> keys) throws IOException {
        Map<String, String> environment = new HashMap<>();
        keys.forEach((k, v) -> environment.put("RACE_JOURNAL_" + k.toUpperCase(Locale.ROOT), v));
        return ChildJvm.start(name, RaceChild.class, List.of(name, Integer.toString(KEYS), Integer.toString(THREADS)), environment, dir);
    }

    /** The keys a child was granted ({@code GRANTED <key>} lines up to {@code DONE}); it must then end with status 0. */
    private static List<String> granted(ChildJvm child) throws InterruptedException {
        List<String> keys = new ArrayList<>();
        for (String line = child.nextLine(TIMEOUT); !line.equals("DONE"); line = child.nextLine(TIMEOUT)) {
            if (!line.startsWith("GRANTED ")) {
                fail(child.name() + " printed '" + line + "'; " + child.describe());
            }
            keys.add(line.substring("GRANTED ".length()));
        }
        child.awaitSuccess(TIMEOUT);
        return keys;
    }
}
