package org.standalonecredit.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs claim the same {@value #KEYS} keys at once, each from {@value #THREADS} threads, through journals on one
 * database: exactly {@value #KEYS} grants in all, each key granted once, and the record of each key is its winner's.
 */
class TwoProcessRaceTest {
    private static final int KEYS = 100;
    private static final int THREADS = 8;
    private static final long TIMEOUT_SECONDS = 120;

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
        try (JdbcCreditJournal journal = Journals.open(keys)) { // creates the table before the race
            List<Child> children = List.of(new Child("child-a", keys), new Child("child-b", keys));
            try {
                for (Child child : children) {
                    child.await("READY");
                }
                long startAt = System.currentTimeMillis() + 500;
                for (Child child : children) {
                    child.say("GO " + startAt);
                }
                Map<String, String> winners = new HashMap<>();
                int grants = 0;
                for (Child child : children) {
                    for (String key : child.granted()) {
                        grants++;
                        String earlier = winners.put(key, child.name);
                        if (earlier != null) {
                            fail(key + " was granted to both " + earlier + " and " + child.name);
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
                System.out.println("grants: " + children.stream().map(c -> c.name + "=" + c.granted().size()).toList());
            } finally {
                children.forEach(Child::stop);
            }
        }
    }

    /** A child JVM running {@link RaceChild}, its output read line by line. */
    private final class Child {
        final String name;
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Path errors;
        private List<String> granted;

        Child(String name, Map<String, String> keys) throws IOException {
            this.name = name;
            this.errors = dir.resolve(name + ".err");
            String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder builder = new ProcessBuilder(javaBinary, "-cp", classPath, RaceChild.class.getName(), name, Integer.toString(KEYS),
                    Integer.toString(THREADS));
            builder.redirectError(errors.toFile());
            keys.forEach((k, v) -> builder.environment().put("RACE_JOURNAL_" + k.toUpperCase(Locale.ROOT), v));
            process = builder.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("READ FAILED " + e);
                }
                lines.add("EOF");
            }, name + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        void await(String expected) throws Exception {
            String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!expected.equals(line)) {
                fail(name + " said " + line + " instead of " + expected + "; its errors: " + errors());
            }
        }

        void say(String line) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        List<String> granted() {
            if (granted != null) {
                return granted;
            }
            List<String> keys = new ArrayList<>();
            try {
                while (true) {
                    String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    if (line == null || line.equals("EOF")) {
                        fail(name + " stopped before DONE; its errors: " + errors());
                    }
                    if (line.equals("DONE")) {
                        break;
                    }
                    if (!line.startsWith("GRANTED ")) {
                        fail(name + " said " + line + "; its errors: " + errors());
                    }
                    keys.add(line.substring("GRANTED ".length()));
                }
                assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), name + " did not exit");
                assertEquals(0, process.exitValue(), name + " exit status; its errors: " + errors());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            granted = keys;
            return keys;
        }

        String errors() {
            try {
                return Files.exists(errors) ? Files.readString(errors) : "";
            } catch (IOException e) {
                return e.toString();
            }
        }

        void stop() {
            process.destroyForcibly();
        }
    }
}
