/**
 * The durable credit journal ({@code <name>.journal.type=jdbc}): {@link org.standalonecredit.journal.jdbc.JdbcCreditJournal}
 * keeps one table in H2 or PostgreSQL, its claims atomic across processes;
 * {@link org.standalonecredit.journal.jdbc.JdbcJournalFactory} opens it from configuration over a HikariCP pool.
 * No JDBC driver is bundled.
 */
package org.standalonecredit.journal.jdbc;
