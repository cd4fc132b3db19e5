/**
 * Listening to a gateway: one masked {@link org.standalonecredit.api.observe.ExchangeEvent} per request, answer or failure,
 * and one {@link org.standalonecredit.api.observe.CreditEvent} per credit, void or status look-up when it ends (fired by
 * the journaled gateway the registry puts around every provider), with outcome, detail, attempts and elapsed time.
 */
package org.standalonecredit.api.observe;
