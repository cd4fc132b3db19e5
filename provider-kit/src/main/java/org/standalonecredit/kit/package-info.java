/**
 * What every provider builds on: {@link org.standalonecredit.kit.AbstractCreditGateway} (the rules all providers share, the
 * lifecycle, {@code settle}), {@link org.standalonecredit.kit.AttemptLoop} (the one place the library decides to send again),
 * {@link org.standalonecredit.kit.GatewayExchange} (every request and answer masked for events and logs) and the status rules of
 * {@link org.standalonecredit.kit.HttpStatuses}.
 */
package org.standalonecredit.kit;
