/**
 * Listening to a gateway: one masked {@link org.standalonecredit.api.observe.ExchangeEvent} per request, answer or failure.
 */
package org.standalonecredit.api.observe;
