package org.standalonecredit.journal.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.journal.Claim;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.JournalException;
import org.standalonecredit.api.journal.JournalRecord;

/**
 * The durable credit journal: one table in a database reached through JDBC (H2 2.x and PostgreSQL 15 are tested),
 * created with its index when missing. Every write is one auto-committed statement, so it is durable as the database
 * makes commits durable (H2 writes commits to its file up to 500 ms late unless the URL says {@code ;WRITE_DELAY=0}),
 * and a claim is atomic across every process sharing the table:
 *
 * <ol>
 *   <li>{@code INSERT} the attempt; the primary key (scope, idempotency_key) lets one insert win;
 *   <li>on a unique violation (SQLState class 23), {@code UPDATE} the row only {@code WHERE state = 'RELEASED'}: the
 *       database re-checks the condition on the row it locks, so one re-claim wins;
 *   <li>else {@code SELECT} the holder.
 * </ol>
 *
 * (PostgreSQL writes each refused insert to its server log as an error: a key claimed twice, as intended.)
 *
 * Amounts are stored as decimal text, so {@code 10.50} stays {@code 10.50}; instants as epoch milliseconds (the
 * journal keeps millisecond precision); a note beyond {@value #MAX_NOTE_LENGTH} characters is cut there. Every
 * statement has a query timeout, so a hung database fails a claim ({@link JournalException}: the credit is not sent)
 * instead of holding it forever.
 *
 * <p>Opened by configuration with {@code <name>.journal.type=jdbc} (see {@link JdbcJournalFactory}), or over the
 * application's own pool with {@link #over}.
 */
public final class JdbcCreditJournal implements CreditJournal {
    public static final String DEFAULT_TABLE = "credit_journal";
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    /** A note is for people; a longer one is cut so that it cannot make a claim fail. */
    public static final int MAX_NOTE_LENGTH = 4000;
    /** At most 48 characters, so that the index name ({@code <table>_in_doubt}) fits PostgreSQL's 63. */
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");
    static final String IDENTIFIER_RULE = "a letter or '_', then letters, digits or '_', at most 48 characters";
    private static final int CLAIM_ROUNDS = 5;

    private static final String KEY_COLUMNS = "scope, idempotency_key";
    /** Every column but the key, in the order {@link #bindValues} binds them. */
    private static final List<String> VALUE_COLUMNS = List.of("fingerprint", "state", "provider_id", "amount", "currency", "merchant_reference",
            "transaction_id", "outcome", "detail", "gateway_transaction_id", "gateway_request_id", "attempted_at", "updated_at", "checks",
            "next_check_at", "owner", "note");

    private final DataSource dataSource;
    private final String table;
    private final int timeoutSeconds;
    private final AutoCloseable owned;
    private final String where;
    private final UnaryOperator<String> scrub;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String insertSql;
    private final String updateSql;
    private final String reclaimSql;
    private final String selectSql;
    private final String inDoubtSql;
    private final String inDoubtOrder;

    private JdbcCreditJournal(DataSource dataSource, String table, Duration statementTimeout, AutoCloseable owned, String where,
            UnaryOperator<String> scrub) {
        this.dataSource = dataSource;
        this.table = table;
        this.timeoutSeconds = timeoutSeconds(statementTimeout);
        this.owned = owned;
        this.where = where;
        this.scrub = scrub;
        String columns = KEY_COLUMNS + ", " + String.join(", ", VALUE_COLUMNS);
        String assignments = String.join(" = ?, ", VALUE_COLUMNS) + " = ?";
        insertSql = "INSERT INTO " + table + " (" + columns + ") VALUES (?, ?" + ", ?".repeat(VALUE_COLUMNS.size()) + ")";
        updateSql = "UPDATE " + table + " SET " + assignments + " WHERE scope = ? AND idempotency_key = ?";
        reclaimSql = updateSql + " AND state = ?";
        selectSql = "SELECT " + columns + " FROM " + table + " WHERE scope = ? AND idempotency_key = ?";
        inDoubtSql = "SELECT " + columns + " FROM " + table
                + " WHERE ((state = 'ATTEMPTED' AND attempted_at < ?) OR (state = 'COMPLETED' AND outcome = 'UNKNOWN'))";
        inDoubtOrder = " ORDER BY attempted_at, scope, idempotency_key FETCH FIRST ? ROWS ONLY";
    }

    /**
     * A journal in {@code table} of the application's data source (its pool, its credentials), created if missing.
     * {@link #close()} leaves the data source open.
     *
     * @throws IllegalArgumentException when {@code table} is not a plain SQL identifier
     * @throws JournalException when the table cannot be created or read
     */
    public static JdbcCreditJournal over(DataSource dataSource, String table, Duration statementTimeout) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (!isPlainIdentifier(table)) {
            throw new IllegalArgumentException("table must be a plain SQL identifier: " + IDENTIFIER_RULE);
        }
        return open(dataSource, table, statementTimeout, null, "data source " + dataSource.getClass().getSimpleName(), UnaryOperator.identity());
    }

    /** A letter or '_', then letters, digits or '_': nothing to quote, nothing to inject. */
    public static boolean isPlainIdentifier(String name) {
        return name != null && PLAIN_IDENTIFIER.matcher(name).matches();
    }

    /** Opens over {@code dataSource}, creating the table; {@code owned} (the pool) is closed with the journal. */
    static JdbcCreditJournal open(DataSource dataSource, String table, Duration statementTimeout, AutoCloseable owned, String where,
            UnaryOperator<String> scrub) {
        JdbcCreditJournal journal = new JdbcCreditJournal(dataSource, table, Objects.requireNonNull(statementTimeout, "statementTimeout"), owned,
                where, scrub);
        journal.createIfMissing();
        return journal;
    }

    /** The table's name. */
    public String table() {
        return table;
    }

    private static int timeoutSeconds(Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    // --- schema -------------------------------------------------------------------------------------------------

    private void createIfMissing() {
        String create = "CREATE TABLE IF NOT EXISTS " + table + " ("
                + "scope VARCHAR(255) NOT NULL, idempotency_key VARCHAR(255) NOT NULL, fingerprint VARCHAR(128) NOT NULL, "
                + "state VARCHAR(16) NOT NULL, provider_id VARCHAR(100) NOT NULL, amount VARCHAR(100) NOT NULL, currency VARCHAR(16) NOT NULL, "
                + "merchant_reference VARCHAR(255), transaction_id VARCHAR(255), outcome VARCHAR(32), detail VARCHAR(64), "
                + "gateway_transaction_id VARCHAR(255), gateway_request_id VARCHAR(255), "
                + "attempted_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, checks INTEGER NOT NULL, next_check_at BIGINT, "
                + "owner VARCHAR(255) NOT NULL, note VARCHAR(" + MAX_NOTE_LENGTH + "), "
                + "PRIMARY KEY (" + KEY_COLUMNS + "))";
        // inDoubt reads the few ATTEMPTED rows, and the COMPLETED ones with outcome UNKNOWN, oldest first
        String index = "CREATE INDEX IF NOT EXISTS " + table + "_in_doubt ON " + table + " (state, outcome, attempted_at)";
        String probe = selectSql.replace("scope = ? AND idempotency_key = ?", "1 = 0");
        SQLException last = null;
        // Two processes creating the table at once may collide (PostgreSQL's IF NOT EXISTS is checked, then acted
        // on): the loser fails once and finds the table on its next round.
        for (int round = 0; round < 3; round++) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.setQueryTimeout(timeoutSeconds);
                s.execute(create);
                s.execute(index);
                s.executeQuery(probe).close(); // every column is there: a table of another shape fails now, not at a credit
                return;
            } catch (SQLException e) {
                last = e;
            }
        }
        throw failure("create or read the table", last);
    }

    // --- operations ---------------------------------------------------------------------------------------------

    @Override
    public Claim claim(JournalRecord attempt) {
        Objects.requireNonNull(attempt, "attempt");
        String op = "claim of " + attempt.idempotencyKey() + " in " + attempt.scope();
        SQLException last = null;
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            try (Connection c = connection(op)) {
                if (insert(c, attempt)) {
                    return Claim.granted();
                }
                if (reclaimReleased(c, attempt)) {
                    return Claim.granted();
                }
                Optional<JournalRecord> holder = select(c, attempt.scope(), attempt.idempotencyKey());
                if (holder.isPresent() && holder.get().state() != JournalRecord.State.RELEASED) {
                    return Claim.heldBy(holder.get());
                }
                // released or gone between our statements: another process is at work on the key; look again
            } catch (SQLException e) {
                if (!isTransactionConflict(e)) {
                    throw failure(op, e);
                }
                last = e;
            }
        }
        throw last != null ? failure(op, last)
                : new JournalException(prefix(op) + "failed: the key kept changing hands during " + CLAIM_ROUNDS + " rounds");
    }

    private boolean insert(Connection c, JournalRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql)) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setString(1, r.scope());
            ps.setString(2, r.idempotencyKey());
            bindValues(ps, 3, r);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isIntegrityViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean reclaimReleased(Connection c, JournalRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(reclaimSql)) {
            ps.setQueryTimeout(timeoutSeconds);
            int next = bindValues(ps, 1, r);
            ps.setString(next, r.scope());
            ps.setString(next + 1, r.idempotencyKey());
            ps.setString(next + 2, JournalRecord.State.RELEASED.name());
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public void update(JournalRecord record) {
        Objects.requireNonNull(record, "record");
        String op = "update of " + record.idempotencyKey() + " in " + record.scope();
        try (Connection c = connection(op); PreparedStatement ps = c.prepareStatement(updateSql)) {
            ps.setQueryTimeout(timeoutSeconds);
            int next = bindValues(ps, 1, record);
            ps.setString(next, record.scope());
            ps.setString(next + 1, record.idempotencyKey());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(op, e);
        }
    }

    @Override
    public Optional<JournalRecord> find(String scope, String idempotencyKey) {
        String op = "find of " + idempotencyKey + " in " + scope;
        try (Connection c = connection(op)) {
            return select(c, scope, idempotencyKey);
        } catch (SQLException e) {
            throw failure(op, e);
        }
    }

    private Optional<JournalRecord> select(Connection c, String scope, String idempotencyKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(selectSql)) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setString(1, scope);
            ps.setString(2, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<JournalRecord> inDoubt(String scope, Instant staleBefore, Instant dueBy, int limit) {
        Objects.requireNonNull(staleBefore, "staleBefore");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        String op = "in-doubt listing";
        String sql = inDoubtSql + (scope != null ? " AND scope = ?" : "")
                + (dueBy != null ? " AND (next_check_at IS NULL OR next_check_at <= ?)" : "") + inDoubtOrder;
        try (Connection c = connection(op); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setMaxRows(limit);
            int i = 1;
            ps.setLong(i++, staleBefore.toEpochMilli());
            if (scope != null) {
                ps.setString(i++, scope);
            }
            if (dueBy != null) {
                ps.setLong(i++, dueBy.toEpochMilli());
            }
            ps.setInt(i, limit);
            List<JournalRecord> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return List.copyOf(found);
        } catch (SQLException e) {
            throw failure(op, e);
        }
    }

    /** Closes the pool the journal opened (not an application's data source); the records stay. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                // nothing to do: the pool's connections are gone with it
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcCreditJournal[table=" + table + ", " + where + (closed.get() ? ", closed" : "") + "]";
    }

    // --- rows ---------------------------------------------------------------------------------------------------

    /** Binds every value column from {@code first}; returns the next parameter index. */
    private static int bindValues(PreparedStatement ps, int first, JournalRecord r) throws SQLException {
        int i = first;
        ps.setString(i++, r.fingerprint());
        ps.setString(i++, r.state().name());
        ps.setString(i++, r.providerId());
        ps.setString(i++, amountText(r.amount()));
        ps.setString(i++, r.currency());
        setText(ps, i++, r.merchantReference());
        setText(ps, i++, r.transactionId());
        setText(ps, i++, r.outcome().map(Enum::name));
        setText(ps, i++, r.detail().map(Enum::name));
        setText(ps, i++, r.gatewayTransactionId());
        setText(ps, i++, r.gatewayRequestId());
        ps.setLong(i++, r.attemptedAt().toEpochMilli());
        ps.setLong(i++, r.updatedAt().toEpochMilli());
        ps.setInt(i++, r.checks());
        if (r.nextCheckAt().isPresent()) {
            ps.setLong(i++, r.nextCheckAt().get().toEpochMilli());
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        ps.setString(i++, r.owner());
        setText(ps, i++, r.note().map(JdbcCreditJournal::cutNote));
        return i;
    }

    private static void setText(PreparedStatement ps, int i, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(i, value.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    /** Exact decimal text: {@code 10.50} stays {@code 10.50}; a negative scale keeps its exponent ({@code 1E+3}). */
    static String amountText(BigDecimal amount) {
        return amount.scale() < 0 ? amount.toString() : amount.toPlainString();
    }

    static String cutNote(String note) {
        if (note.length() <= MAX_NOTE_LENGTH) {
            return note;
        }
        int cut = MAX_NOTE_LENGTH - 1;
        if (Character.isHighSurrogate(note.charAt(cut - 1))) {
            cut--;
        }
        return note.substring(0, cut) + "\u2026";
    }

    private JournalRecord read(ResultSet rs) throws SQLException {
        String scope = rs.getString("scope");
        String key = rs.getString("idempotency_key");
        try {
            long nextCheck = rs.getLong("next_check_at");
            Instant nextCheckAt = rs.wasNull() ? null : Instant.ofEpochMilli(nextCheck);
            String outcome = rs.getString("outcome");
            String detail = rs.getString("detail");
            return JournalRecord.builder().scope(scope).idempotencyKey(key).fingerprint(rs.getString("fingerprint"))
                    .state(JournalRecord.State.valueOf(String.valueOf(rs.getString("state")))).providerId(rs.getString("provider_id"))
                    .amount(new BigDecimal(String.valueOf(rs.getString("amount")))).currency(rs.getString("currency"))
                    .merchantReference(rs.getString("merchant_reference")).transactionId(rs.getString("transaction_id"))
                    .outcome(outcome == null ? null : CreditOutcome.valueOf(outcome)).detail(detail == null ? null : OutcomeDetail.valueOf(detail))
                    .gatewayTransactionId(rs.getString("gateway_transaction_id")).gatewayRequestId(rs.getString("gateway_request_id"))
                    .attemptedAt(Instant.ofEpochMilli(rs.getLong("attempted_at"))).updatedAt(Instant.ofEpochMilli(rs.getLong("updated_at")))
                    .checks(rs.getInt("checks")).nextCheckAt(nextCheckAt).owner(rs.getString("owner")).note(rs.getString("note")).build();
        } catch (IllegalArgumentException e) { // an unknown state or outcome, text that is not an amount, a completed record without outcome
            throw new JournalException(prefix("read") + "the record of " + key + " in " + scope + " cannot be read: " + e.getMessage(), e);
        }
    }

    // --- failures -----------------------------------------------------------------------------------------------

    private Connection connection(String op) throws SQLException {
        if (closed.get()) {
            throw new JournalException(prefix(op) + "failed: the journal is closed");
        }
        return dataSource.getConnection();
    }

    /** SQLState class 23: the primary key already holds the key (H2 and PostgreSQL both say 23505). */
    private static boolean isIntegrityViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /** Class 40 (serialization failure, deadlock), or H2's concurrent update (90131): worth another round. */
    private static boolean isTransactionConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.equals("90131"));
    }

    private String prefix(String op) {
        return "credit journal table " + table + ": " + op + " ";
    }

    /**
     * The failure with the driver's text scrubbed; the driver's exception itself is not kept as the cause (its message
     * may quote the URL), only a scrubbed copy with its SQLState and stack trace.
     */
    private JournalException failure(String op, SQLException e) {
        String description = describe(e, scrub);
        SQLException scrubbed = new SQLException(description, e.getSQLState(), e.getErrorCode());
        scrubbed.setStackTrace(e.getStackTrace());
        return new JournalException(prefix(op) + "failed: " + description, scrubbed);
    }

    /** SQLState and the messages down the cause chain (each once), scrubbed of credentials. */
    static String describe(Throwable e, UnaryOperator<String> scrub) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
        }
        String state = e instanceof SQLException sql && sql.getSQLState() != null ? "SQLState " + sql.getSQLState() + ": " : "";
        return scrub.apply(state + String.join(" <- ", messages));
    }
}
