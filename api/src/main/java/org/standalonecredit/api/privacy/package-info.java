/**
 * What must never be shown: card numbers (first six and last four at most), security codes, secrets and
 * signatures, masked in text and headers; control characters escaped for display.
 */
package org.standalonecredit.api.privacy;
