package org.standalonecredit.journal.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.CreditJournalFactory;
import org.standalonecredit.api.journal.JournalException;

/**
 * Opens the {@link JdbcCreditJournal} configured under {@code <name>.journal.} ({@code type=jdbc}), over a HikariCP
 * pool it owns:
 *
 * <table>
 *   <caption>Keys under {@code <name>.journal.}</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code url}</td><td>JDBC URL: {@code jdbc:postgresql://host/db} or {@code jdbc:h2:file:/path/journal}; the
 *       application adds the driver</td><td>required</td></tr>
 *   <tr><td>{@code user}</td><td>database user</td><td>none (the URL's or the driver's)</td></tr>
 *   <tr><td>{@code password}</td><td>database password, a secret: never shown</td><td>none</td></tr>
 *   <tr><td>{@code table}</td><td>the table, a plain SQL identifier; created with its index if missing</td>
 *       <td>{@value JdbcCreditJournal#DEFAULT_TABLE}</td></tr>
 *   <tr><td>{@code pool-size}</td><td>connections, 1 to {@value #MAX_POOL_SIZE}</td><td>{@value #DEFAULT_POOL_SIZE}</td></tr>
 *   <tr><td>{@code connect-timeout}</td><td>how long to wait for a connection (250ms to 60s)</td><td>5s</td></tr>
 *   <tr><td>{@code statement-timeout}</td><td>how long one statement may take, in whole seconds (1s to 5m)</td><td>10s</td></tr>
 * </table>
 *
 * A database that cannot be reached at open is a problem on {@code url} and no journal is opened. Neither the
 * problems nor {@link JdbcCreditJournal#toString()} show the password or credentials written into the URL.
 */
public final class JdbcJournalFactory implements CreditJournalFactory {
    public static final String TYPE = "jdbc";
    public static final int DEFAULT_POOL_SIZE = 4;
    public static final int MAX_POOL_SIZE = 64;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final AtomicInteger POOLS = new AtomicInteger();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CreditJournal open(GatewaySettings settings) {
        int problemsBefore = settings.problems().size();
        String url = JdbcUrls.durable(settings.required("url"));
        String user = settings.optional("user").orElse(null);
        Secret password = settings.optional("password").isPresent() ? settings.secret("password") : null;
        String table = settings.optional("table").orElse(JdbcCreditJournal.DEFAULT_TABLE);
        if (!JdbcCreditJournal.isPlainIdentifier(table)) {
            settings.problem("table", "must be a plain SQL identifier (" + JdbcCreditJournal.IDENTIFIER_RULE + ") but was '" + table + "'");
        }
        int poolSize = settings.integer("pool-size", DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE);
        Duration connectTimeout = settings.duration("connect-timeout", DEFAULT_CONNECT_TIMEOUT, Duration.ofMillis(250), Duration.ofSeconds(60));
        Duration statementTimeout = settings.duration("statement-timeout", JdbcCreditJournal.DEFAULT_STATEMENT_TIMEOUT, Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        if (url != null && !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            settings.problem("url", "must be a JDBC URL such as jdbc:postgresql://host/database or jdbc:h2:file:/path/journal but was '"
                    + JdbcUrls.mask(url) + "'");
        } else if (url != null && JdbcUrls.hasUserInfo(url)) {
            // no driver reads user:password@ (PostgreSQL's takes it for a host name and says so); the keys are for that
            settings.problem("url", "must not carry credentials before the host (user:password@): use the user and password keys; was '"
                    + JdbcUrls.mask(url) + "'");
        }
        if (settings.problems().size() > problemsBefore) {
            return null; // nothing is opened with a configuration known to be wrong
        }

        List<String> credentials = new ArrayList<>(JdbcUrls.credentialsIn(url));
        if (password != null) {
            credentials.add(password.reveal());
        }
        UnaryOperator<String> scrub = text -> JdbcUrls.scrub(text, url, credentials);
        String masked = JdbcUrls.mask(url);
        Driver driver;
        try {
            driver = DriverManager.getDriver(url);
        } catch (SQLException e) {
            settings.problem("url", "has no JDBC driver on the class path that accepts it (add the H2 or PostgreSQL driver): " + masked);
            return null;
        }

        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(new UrlDataSource(driver, url, driverProperties(url, user, password, connectTimeout,
                    statementTimeout)), table, poolSize, connectTimeout));
        } catch (RuntimeException e) { // PoolInitializationException: the first connection failed
            settings.problem("url", "cannot be reached: " + masked + ": " + JdbcCreditJournal.describe(rootSqlFailure(e), scrub));
            return null;
        }
        try {
            return JdbcCreditJournal.open(pool, table, statementTimeout, pool, "url=" + masked, scrub);
        } catch (JournalException e) {
            pool.close();
            settings.problem("table", "cannot be created or read in " + masked + ": " + e.getMessage());
            return null;
        }
    }

    /** The user and password, and for PostgreSQL the driver's own bounds on connecting and on a read that never returns. */
    private static Properties driverProperties(String url, String user, Secret password, Duration connectTimeout, Duration statementTimeout) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password.reveal());
        }
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) { // settings in the URL win over these
            long connectSeconds = Math.max(1, (connectTimeout.toMillis() + 999) / 1000);
            long statementSeconds = Math.max(1, (statementTimeout.toMillis() + 999) / 1000);
            properties.setProperty("connectTimeout", Long.toString(connectSeconds));
            properties.setProperty("loginTimeout", Long.toString(connectSeconds));
            properties.setProperty("socketTimeout", Long.toString(statementSeconds + connectSeconds));
        }
        return properties;
    }

    private static HikariConfig poolConfig(UrlDataSource dataSource, String table, int poolSize, Duration connectTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("credit-journal-" + table + "-" + POOLS.incrementAndGet());
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(poolSize, 1));
        config.setAutoCommit(true);
        config.setConnectionTimeout(connectTimeout.toMillis());
        config.setValidationTimeout(Math.min(connectTimeout.toMillis(), Duration.ofSeconds(5).toMillis()));
        config.setInitializationFailTimeout(1); // try once at open: an unreachable database is a configuration problem
        return config;
    }

    /** The driver's failure under the pool's wrapper, if any. */
    private static Throwable rootSqlFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return t;
            }
        }
        return e;
    }
}
