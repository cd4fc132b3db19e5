/**
 * The neutral stand-alone credit model: an immutable {@link org.standalonecredit.api.CreditRequest} built and validated before any I/O,
 * a neutral {@link org.standalonecredit.api.CreditResult} (UNKNOWN with a {@link org.standalonecredit.api.Reconciliation} when money may have
 * moved), follow-ups (voids, status look-ups), typed exceptions, and {@link org.standalonecredit.api.StandaloneCredit}, which opens the
 * gateway that configuration names. Money is {@code BigDecimal} at the currency's minor units.
 */
package org.standalonecredit.api;
