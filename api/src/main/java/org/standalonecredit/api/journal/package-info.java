/**
 * The credit journal: a record per idempotency key, claimed before a credit is sent and completed after, so that no
 * key is sent twice across threads, processes and restarts; and the {@link org.standalonecredit.api.journal.Reconciler}
 * that settles the records left in doubt through the provider's follow-ups.
 */
package org.standalonecredit.api.journal;
