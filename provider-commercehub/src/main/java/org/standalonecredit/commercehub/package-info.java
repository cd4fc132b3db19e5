/**
 * Fiserv Commerce Hub stand-alone credits ({@code POST /payments/v1/credits}, or open refunds), cancels and transaction
 * inquiry. Commerce Hub deduplicates a {@code Client-Request-Id}, so a lost answer is re-sent with identical bytes.
 */
package org.standalonecredit.commercehub;
