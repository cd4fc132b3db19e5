package org.standalonecredit.testkit.reliability.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code STANDALONE_CREDIT_PG_URL} (a JDBC URL), with
 * {@code STANDALONE_CREDIT_PG_USER} and {@code STANDALONE_CREDIT_PG_PASSWORD} when the URL does not carry them.
 * Without it the tests are skipped, except on CI ({@code CI=true}) where they fail: CI must test PostgreSQL.
 * {@code .ci/run} starts a throw-away server and exports the three. The journal-jdbc module's tests and the
 * reliability module's journal proofs share it; the caller brings the driver.
 */
public final class PostgresEnv {
    public static final String URL = "STANDALONE_CREDIT_PG_URL";
    public static final String USER = "STANDALONE_CREDIT_PG_USER";
    public static final String PASSWORD = "STANDALONE_CREDIT_PG_PASSWORD";
    public static final String NOT_CONFIGURED = "PostgreSQL not configured: set " + URL + ", or run .ci/run";

    private PostgresEnv() {
    }

    /** Whether a server is configured; a test that needs one calls {@link #require()}, which skips or fails without. */
    public static boolean configured() {
        String url = System.getenv(URL);
        return url != null && !url.isBlank();
    }

    /** The journal keys (url, user, password) of the configured server; skips or fails the test when there is none. */
    public static Map<String, String> require() {
        String url = System.getenv(URL);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(NOT_CONFIGURED + " (CI=true: on CI the PostgreSQL tests must run, not be skipped)");
            }
            Assumptions.abort(NOT_CONFIGURED);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("url", url.trim());
        String user = System.getenv(USER);
        if (user != null && !user.isBlank()) {
            keys.put("user", user);
        }
        String password = System.getenv(PASSWORD);
        if (password != null && !password.isEmpty()) {
            keys.put("password", password);
        }
        return keys;
    }

    /** A table-name prefix of this run's own ({@code cj_<random>_}), so that runs sharing a database never collide. */
    public static String runPrefix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder("cj_");
        for (int i = 0; i < 8; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.append('_').toString();
    }

    /** A connection of the test's own, outside any journal. */
    public static Connection connect(Map<String, String> keys) throws SQLException {
        Properties info = new Properties();
        if (keys.containsKey("user")) {
            info.setProperty("user", keys.get("user"));
        }
        if (keys.containsKey("password")) {
            info.setProperty("password", keys.get("password"));
        }
        return DriverManager.getConnection(keys.get("url"), info);
    }

    public static void dropTables(Map<String, String> keys, Collection<String> tables) throws SQLException {
        try (Connection c = connect(keys); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
