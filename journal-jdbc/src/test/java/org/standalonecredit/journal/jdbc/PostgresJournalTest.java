package org.standalonecredit.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.api.journal.JournalException;
import org.standalonecredit.testkit.journal.CreditJournalContract;
import org.standalonecredit.testkit.reliability.support.PostgresEnv;

/**
 * The contract on a real PostgreSQL ({@code STANDALONE_CREDIT_PG_URL}; {@code .ci/run} starts one), each check in a
 * table of this run's own, dropped after; and what only a server shows: a lock that would hang a claim, a wrong
 * password, two processes creating the table at once.
 */
class PostgresJournalTest {
    private static final String RUN = PostgresEnv.runPrefix();
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static volatile Map<String, String> pg;

    /** The server's keys; each test asks, so that a skip (or a failure on CI) is reported per test with its reason. */
    private static Map<String, String> pg() {
        if (pg == null) {
            pg = PostgresEnv.require();
        }
        return pg;
    }

    @AfterAll
    static void dropTables() throws Exception {
        if (pg != null && !CREATED.isEmpty()) {
            PostgresEnv.dropTables(pg, CREATED);
        }
    }

    private static String newTable() {
        String table = RUN + TABLES.incrementAndGet();
        CREATED.add(table);
        return table;
    }

    private static JdbcCreditJournal open(String table, String... more) {
        return Journals.open(Journals.with(Journals.with(pg(), "table", table), more));
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        pg();
        return CreditJournalContract.of(() -> open(newTable())).withSecondView(first -> open(((JdbcCreditJournal) first).table())).tests();
    }

    @Test
    void aLockedTableFailsAClaimWithinTheStatementTimeoutNotForever() throws Exception {
        pg();
        String table = newTable();
        try (JdbcCreditJournal journal = open(table, "statement-timeout", "1s"); Connection locker = PostgresEnv.connect(pg)) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            }
            long start = System.nanoTime();
            JournalException e = assertThrows(JournalException.class, () -> journal.claim(H2FileJournalTest.record("locked")));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "a hung statement must be cancelled after its timeout, took " + took);
            assertTrue(e.getMessage().startsWith("credit journal table " + table + ": claim of locked in credit/example failed: SQLState 57014"),
                    e.getMessage());
            locker.rollback();
            assertTrue(journal.claim(H2FileJournalTest.record("locked")).isGranted(), "the journal works again once the lock is gone");
        }
    }

    @Test
    void aWrongPasswordIsAProblemOnUrlThatNeverShowsIt() {
        String wrong = "Wr0ng-Pa55word-for-test";
        List<String> problems = Journals.problems(Journals.with(pg(), "password", wrong, "user", pg.getOrDefault("user", "credit")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("credit.journal.url cannot be reached: " + JdbcUrls.mask(pg.get("url")) + ": SQLState 28P01"),
                problems.get(0));
        assertFalse(problems.get(0).contains(wrong), problems.get(0));
        if (pg.containsKey("password")) {
            assertFalse(problems.get(0).contains(pg.get("password")), problems.get(0));
        }
    }

    @Test
    void theTableKeepsAmountsAsTextInstantsAsMillisecondsAndHasTheInDoubtIndex() throws Exception {
        pg();
        String table = newTable();
        try (JdbcCreditJournal journal = open(table); Connection c = PostgresEnv.connect(pg)) {
            assertTrue(journal.claim(H2FileJournalTest.record("stored")).isGranted());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT amount, attempted_at FROM " + table)) {
                assertTrue(rs.next());
                assertEquals("10.50", rs.getString(1));
                assertEquals(Instant.parse("2026-03-01T12:00:00.123Z").toEpochMilli(), rs.getLong(2));
            }
            Set<String> indexes = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT indexname FROM pg_indexes WHERE tablename = ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        indexes.add(rs.getString(1));
                    }
                }
            }
            assertEquals(Set.of(table + "_pkey", table + "_in_doubt"), indexes);
        }
    }

    @Test
    void journalsOpeningTheSameNewTableAtOnceAllOpen() throws Exception {
        pg();
        String table = newTable();
        int openers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        CountDownLatch go = new CountDownLatch(1);
        List<JdbcCreditJournal> opened = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    opened.add(open(table, "pool-size", "1"));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(openers, opened.size());
            assertTrue(opened.get(0).claim(H2FileJournalTest.record("k")).isGranted());
            assertFalse(opened.get(openers - 1).claim(H2FileJournalTest.record("k")).isGranted());
        } finally {
            pool.shutdownNow();
            opened.forEach(JdbcCreditJournal::close);
        }
    }
}
