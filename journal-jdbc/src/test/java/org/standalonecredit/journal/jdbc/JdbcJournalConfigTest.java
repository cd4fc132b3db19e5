package org.standalonecredit.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.CreditJournalFactory;
import org.standalonecredit.api.journal.JournalException;

/** Configuration problems name their key and never show a password; SQL failures name the operation and table. */
class JdbcJournalConfigTest {
    private static final String SECRET = "Sup3rSecret-pw";
    private static final String URL_SECRET = "Url5ecret-pw";

    @Test
    void theFactoryIsFoundByItsType() {
        List<String> types = ServiceLoader.load(CreditJournalFactory.class).stream().map(p -> p.get().type()).collect(Collectors.toList());
        assertEquals(List.of("jdbc"), types);
    }

    @Test
    void aMissingUrlIsAProblemOnUrl() {
        assertEquals(List.of("credit.journal.url is required"), Journals.problems(Map.of("password", SECRET)));
    }

    @Test
    void anUnreachableDatabaseIsAProblemOnUrlWithoutItsCredentials() throws IOException {
        int port = closedPort();
        long start = System.nanoTime();
        List<String> problems = Journals.problems(Map.of("url", "jdbc:postgresql://127.0.0.1:" + port + "/credit?user=alice&password=" + URL_SECRET
                + "&ApplicationName=journal", "user", "alice", "password", SECRET));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "a refused connection is told at once");
        assertEquals(1, problems.size(), problems.toString());
        String problem = problems.get(0);
        assertTrue(problem.startsWith("credit.journal.url cannot be reached: jdbc:postgresql://127.0.0.1:" + port
                + "/credit?user=alice&password=****&ApplicationName=journal: "), problem);
        assertNoSecret(problem);
    }

    @Test
    void credentialsWrittenBeforeTheHostAreNeverShown() throws IOException {
        int port = closedPort();
        List<String> problems = Journals.problems(Map.of("url", "jdbc:postgresql://alice:" + URL_SECRET + "@127.0.0.1:" + port + "/credit"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("credit.journal.url must not carry credentials before the host (user:password@): use the user and password keys; was "
                + "'jdbc:postgresql://****@127.0.0.1:" + port + "/credit'", problems.get(0));
        assertNoSecret(problems.get(0));
    }

    @Test
    void aDatabaseThatNeverAnswersFailsOpenWithinTheConnectTimeout() throws IOException {
        // a listener that takes connections into its backlog and never says a word: the driver waits for the server's first reply
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            List<String> problems = Journals.problems(Map.of("url", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/credit", "password",
                    SECRET, "connect-timeout", "1s"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.toSeconds() < 15, "open must give up after the connect timeout, took " + took);
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("credit.journal.url cannot be reached: "), problems.get(0));
            assertNoSecret(problems.get(0));
        }
    }

    @Test
    void aUrlNoDriverAcceptsIsAProblemOnUrl() {
        List<String> problems = Journals.problems(Map.of("url", "jdbc:nosuchdb://127.0.0.1/credit;password=" + URL_SECRET));
        assertEquals(List.of("credit.journal.url has no JDBC driver on the class path that accepts it (add the H2 or PostgreSQL driver): "
                + "jdbc:nosuchdb://127.0.0.1/credit;password=****"), problems);
    }

    @Test
    void aUrlThatIsNotJdbcIsAProblemOnUrl() {
        List<String> problems = Journals.problems(Map.of("url", "postgres://bob:" + URL_SECRET + "@db/credit"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("credit.journal.url must be a JDBC URL"), problems.get(0));
        assertNoSecret(problems.get(0));
    }

    @Test
    void aTableThatIsNotAPlainIdentifierIsAProblemOnTableBeforeAnyConnection() throws IOException {
        String unreachable = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/credit";
        for (String table : List.of("credit journal", "journal; DROP TABLE x", "1journal", "\"quoted\"", "public.journal", "j".repeat(49))) {
            List<String> problems = Journals.problems(Map.of("url", unreachable, "password", SECRET, "table", table));
            assertEquals(List.of("credit.journal.table must be a plain SQL identifier (a letter or '_', then letters, digits or '_', at most 48 "
                    + "characters) but was '" + table + "'"), problems, table);
        }
    }

    @Test
    void boundsOnPoolSizeAndTimeouts() {
        String url = "jdbc:h2:mem:bounds";
        assertEquals(List.of("credit.journal.pool-size must be between 1 and 64 but was 0"), Journals.problems(Map.of("url", url, "pool-size", "0")));
        assertEquals(List.of("credit.journal.pool-size must be between 1 and 64 but was 65"),
                Journals.problems(Map.of("url", url, "pool-size", "65")));
        assertEquals(List.of("credit.journal.connect-timeout must be a duration between 250ms and 1m but was '2m'"),
                Journals.problems(Map.of("url", url, "connect-timeout", "2m")));
        assertEquals(List.of("credit.journal.statement-timeout must be a duration between 1s and 5m but was '500ms'"),
                Journals.problems(Map.of("url", url, "statement-timeout", "500ms")));
    }

    @Test
    void toStringShowsTheTableAndTheMaskedUrl() {
        try (JdbcCreditJournal journal = Journals.open(Map.of("url", "jdbc:h2:mem:tostring;DB_CLOSE_DELAY=-1", "user", "sa", "password", SECRET,
                "table", "shown", "pool-size", "2"))) {
            assertEquals("JdbcCreditJournal[table=shown, url=jdbc:h2:mem:tostring;DB_CLOSE_DELAY=-1]", journal.toString());
            assertEquals("shown", journal.table());
        }
        try (JdbcCreditJournal journal = Journals.open(Map.of("url", "jdbc:h2:mem:tostring2;USER=sa;PASSWORD=" + URL_SECRET))) {
            assertEquals("JdbcCreditJournal[table=credit_journal, url=jdbc:h2:mem:tostring2;USER=sa;PASSWORD=****]", journal.toString());
        }
    }

    @Test
    void aFailedStatementIsAJournalExceptionNamingTheOperationAndTable() throws Exception {
        String url = "jdbc:h2:mem:failures;DB_CLOSE_DELAY=-1";
        try (JdbcCreditJournal journal = Journals.open(Map.of("url", url, "user", "sa", "password", SECRET, "table", "vanishing"))) {
            try (Connection c = DriverManager.getConnection(url, "sa", SECRET); Statement s = c.createStatement()) {
                s.execute("DROP TABLE vanishing");
            }
            JournalException claim = assertThrows(JournalException.class, () -> journal.claim(H2FileJournalTest.record("k1")));
            assertTrue(claim.getMessage().startsWith("credit journal table vanishing: claim of k1 in credit/example failed: SQLState 42"),
                    claim.getMessage());
            JournalException find = assertThrows(JournalException.class, () -> journal.find("credit/example", "k1"));
            assertTrue(find.getMessage().startsWith("credit journal table vanishing: find of k1 in credit/example failed: "), find.getMessage());
            JournalException update = assertThrows(JournalException.class, () -> journal.update(H2FileJournalTest.record("k1")));
            assertTrue(update.getMessage().startsWith("credit journal table vanishing: update of k1 in credit/example failed: "), update.getMessage());
            JournalException list = assertThrows(JournalException.class, () -> journal.inDoubt(null, java.time.Instant.now(), null, 10));
            assertTrue(list.getMessage().startsWith("credit journal table vanishing: in-doubt listing failed: "), list.getMessage());
            for (JournalException e : List.of(claim, find, update, list)) {
                assertNoSecret(e.getMessage());
                assertNoSecret(String.valueOf(e.getCause()));
            }
        }
    }

    @Test
    void aClosedJournalRefusesToClaim() {
        JdbcCreditJournal journal = Journals.open(Map.of("url", "jdbc:h2:mem:closed;DB_CLOSE_DELAY=-1"));
        journal.close();
        journal.close();
        JournalException e = assertThrows(JournalException.class, () -> journal.claim(H2FileJournalTest.record("k1")));
        assertEquals("credit journal table credit_journal: claim of k1 in credit/example failed: the journal is closed", e.getMessage());
        assertTrue(journal.toString().endsWith(", closed]"), journal.toString());
    }

    @Test
    void aTableOfAnotherShapeIsAProblemOnTableAtOpen() throws Exception {
        String url = "jdbc:h2:mem:othershape;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE credit_journal (id INTEGER PRIMARY KEY)");
            GatewaySettings settings = Journals.settings(Map.of("url", url, "user", "sa"));
            assertNull(new JdbcJournalFactory().open(settings));
            assertEquals(1, settings.problems().size(), settings.problems().toString());
            assertTrue(settings.problems().get(0).startsWith("credit.journal.table cannot be created or read in " + url + ": "),
                    settings.problems().get(0));
        }
    }

    @Test
    void anApplicationsDataSourceStaysOpenAfterClose() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:own;DB_CLOSE_DELAY=-1");
        assertThrows(IllegalArgumentException.class, () -> JdbcCreditJournal.over(h2, "bad name", Duration.ofSeconds(5)));
        try (JdbcCreditJournal journal = JdbcCreditJournal.over(h2, "own_journal", Duration.ofSeconds(5))) {
            assertTrue(journal.claim(H2FileJournalTest.record("k1")).isGranted());
            assertEquals("JdbcCreditJournal[table=own_journal, data source JdbcDataSource]", journal.toString());
        }
        try (Connection c = h2.getConnection()) {
            assertFalse(c.isClosed());
        }
    }

    @Test
    void masking() {
        assertEquals("jdbc:postgresql://db:5432/credit?user=app&password=****&ssl=true",
                JdbcUrls.mask("jdbc:postgresql://db:5432/credit?user=app&password=" + SECRET + "&ssl=true"));
        assertEquals("jdbc:postgresql://****@db/credit", JdbcUrls.mask("jdbc:postgresql://app:" + SECRET + "@db/credit"));
        assertEquals("jdbc:postgresql://db/credit?sslpassword=****", JdbcUrls.mask("jdbc:postgresql://db/credit?sslpassword=" + SECRET));
        assertEquals("jdbc:h2:tcp://h/journal;USER=sa;PASSWORD=****;AUTO_SERVER=TRUE",
                JdbcUrls.mask("jdbc:h2:tcp://h/journal;USER=sa;PASSWORD=" + SECRET + ";AUTO_SERVER=TRUE"));
        assertEquals("jdbc:h2:file:/var/journal", JdbcUrls.mask("jdbc:h2:file:/var/journal"));
        String url = "jdbc:postgresql://app:" + URL_SECRET + "@db/credit?password=" + SECRET;
        assertEquals("failed for jdbc:postgresql://****@db/credit?password=**** and ****",
                JdbcUrls.scrub("failed for " + url + " and " + SECRET, url, JdbcUrls.credentialsIn(url)));
    }

    @Test
    void amountsAndNotesAsStored() {
        assertEquals("10.50", JdbcCreditJournal.amountText(new java.math.BigDecimal("10.50")));
        assertEquals("1E+3", JdbcCreditJournal.amountText(new java.math.BigDecimal("1E+3")));
        assertEquals("0.0000001", JdbcCreditJournal.amountText(new java.math.BigDecimal("1E-7")));
        String cut = JdbcCreditJournal.cutNote("n".repeat(5000));
        assertEquals(JdbcCreditJournal.MAX_NOTE_LENGTH, cut.length());
        assertTrue(cut.endsWith("\u2026"));
        assertEquals("short", JdbcCreditJournal.cutNote("short"));
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(SECRET), "the password must never be shown: " + text);
        assertFalse(text.contains(URL_SECRET), "the URL's credentials must never be shown: " + text);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
