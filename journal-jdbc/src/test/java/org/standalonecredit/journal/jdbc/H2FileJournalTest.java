package org.standalonecredit.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.testkit.journal.CreditJournalContract;

/**
 * The contract on an H2 database file, each check in a table of its own; the shared-store checks open a second
 * journal (its own pool) on the same file and table. {@code AUTO_SERVER=TRUE}: the first process to open the file
 * serves it to the others, as {@link TwoProcessRaceTest} has two JVMs do.
 */
class H2FileJournalTest {
    @TempDir
    static Path dir;
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static Map<String, String> keys;

    @BeforeAll
    static void database() {
        keys = Map.of("url", "jdbc:h2:file:" + dir.resolve("journal") + ";AUTO_SERVER=TRUE", "user", "sa", "password", "h2-Secret-Pw");
    }

    private static JdbcCreditJournal fresh() {
        return Journals.open(Journals.with(keys, "table", "contract_" + TABLES.incrementAndGet()));
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        return CreditJournalContract.of(H2FileJournalTest::fresh)
                .withSecondView(first -> Journals.open(Journals.with(keys, "table", ((JdbcCreditJournal) first).table()))).tests();
    }

    @Test
    void recordsOutliveTheJournalThatWroteThem() {
        JournalRecord attempt = record("survivor");
        String table;
        try (JdbcCreditJournal journal = fresh()) {
            table = journal.table();
            assertTrue(journal.claim(attempt).isGranted());
        }
        try (JdbcCreditJournal reopened = Journals.open(Journals.with(keys, "table", table))) {
            CreditJournalContract.assertSameRecord(attempt, reopened.find("credit/example", "survivor").orElseThrow(), "after reopening");
            assertTrue(!reopened.claim(record("survivor")).isGranted(), "the key is still held after a restart");
        }
    }

    @Test
    void amountsAreDecimalTextAndInstantsEpochMilliseconds() throws Exception {
        try (JdbcCreditJournal journal = fresh()) {
            assertTrue(journal.claim(record("stored")).isGranted());
            try (Connection c = DriverManager.getConnection(keys.get("url"), "sa", keys.get("password"));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT amount, attempted_at FROM " + journal.table())) {
                assertTrue(rs.next());
                assertEquals("10.50", rs.getString(1));
                assertEquals(Instant.parse("2026-03-01T12:00:00.123Z").toEpochMilli(), rs.getLong(2));
            }
        }
    }

    static JournalRecord record(String key) {
        Instant t = Instant.parse("2026-03-01T12:00:00.123Z");
        return JournalRecord.builder().scope("credit/example").idempotencyKey(key).fingerprint("f".repeat(64)).state(JournalRecord.State.ATTEMPTED)
                .providerId("example").amount(new BigDecimal("10.50")).currency("USD").attemptedAt(t).updatedAt(t).owner("test").build();
    }
}
