/**
 * The Commerce Hub simulator: HMAC checked as the gateway does, Client-Request-Id replays, encrypted cards, cancels, inquiry.
 */
package org.standalonecredit.simulator.commercehub;
