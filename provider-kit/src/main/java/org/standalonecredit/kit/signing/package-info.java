/**
 * Signing helpers: an HMAC-SHA256 keyed once and cloned per signature.
 */
package org.standalonecredit.kit.signing;
