package org.standalonecredit.reliability.journal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.journal.jdbc.JdbcJournalFactory;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;
import org.standalonecredit.testkit.reliability.support.PostgresEnv;

/**
 * The databases the journal proofs run on, as the journal's keys ({@code url}, {@code user}, {@code password},
 * {@code table}, as under {@code <name>.journal.}): an H2 file of the test's own, or a table of its own on the
 * PostgreSQL server of {@link PostgresEnv}.
 */
final class JournalDatabases {
    static final String GATEWAY = "credit";
    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
            Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);

    private JournalDatabases() {
    }

    /** An H2 file in {@code dir}; {@code urlOptions} such as {@code ;AUTO_SERVER=TRUE} are added to the URL. */
    static Map<String, String> h2File(Path dir, String name, String urlOptions) {
        return Map.of("url", "jdbc:h2:file:" + dir.resolve(name) + urlOptions, "user", "sa", "password", "journal-Pw-" + name,
                "table", name + "_journal");
    }

    /** A table of this run's own on the configured PostgreSQL; skips the test, or fails it on CI, without one. */
    static Map<String, String> postgresql(String name) {
        Map<String, String> keys = new LinkedHashMap<>(PostgresEnv.require());
        keys.put("table", PostgresEnv.runPrefix() + name);
        return keys;
    }

    /** Drops the table of {@link #postgresql} keys; an H2 file goes with its temporary directory. */
    static void dropIfPostgresql(Map<String, String> keys) throws SQLException {
        if (keys.get("url").startsWith("jdbc:postgresql:")) {
            PostgresEnv.dropTables(keys, List.of(keys.get("table")));
        }
    }

    /** Opens the journal the keys configure, through the factory {@code journal.type=jdbc} uses; creates its table. */
    static CreditJournal open(Map<String, String> keys) {
        GatewaySettings settings = GatewaySettings.of(ConfigSource.fromMap(gatewayKeys(keys)), GATEWAY + ".journal");
        CreditJournal journal = new JdbcJournalFactory().open(settings);
        assertNotNull(journal, () -> "the journal did not open: " + settings.problems());
        return journal;
    }

    /** The keys under {@code credit.journal.} that make a gateway named {@value #GATEWAY} open this journal itself. */
    static Map<String, String> gatewayKeys(Map<String, String> keys) {
        Map<String, String> config = new HashMap<>();
        config.put(GATEWAY + ".journal.type", JdbcJournalFactory.TYPE);
        keys.forEach((k, v) -> config.put(GATEWAY + ".journal." + k, v));
        return config;
    }

    /** A configuration as properties text: how it reaches a child JVM, in its environment and never on its command line. */
    static String asProperties(Map<String, String> config) {
        Properties properties = new Properties();
        properties.putAll(config);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Reads every row of the journal's table as the database holds it and hands every text column's value to
     * {@code scanner}, outside the journal (whose reads map columns to a record).
     *
     * @return the number of rows and of text values scanned
     */
    static int[] scanTable(Map<String, String> keys, CanaryScanner scanner) throws SQLException {
        int rows = 0;
        int values = 0;
        try (Connection c = PostgresEnv.connect(keys); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + keys.get("table"))) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                rows++;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (TEXT.contains(meta.getColumnType(i))) {
                        values++;
                        scanner.scan("column " + meta.getColumnName(i) + " of the journal table", r.getString(i));
                    }
                }
            }
        }
        return new int[] {rows, values};
    }
}
