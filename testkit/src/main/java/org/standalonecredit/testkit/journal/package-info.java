/**
 * The contract any {@link org.standalonecredit.api.journal.CreditJournal} keeps, ours or an application's own:
 * return {@code CreditJournalContract.of(() -> freshJournal()).tests()} from a {@code @TestFactory}.
 */
package org.standalonecredit.testkit.journal;
