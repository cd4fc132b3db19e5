/**
 * Cybersource REST stand-alone credits ({@code POST /pts/v2/credits}), voids, status and search; reused with other hosts
 * and rules by the Visa Acceptance provider. Cybersource does not deduplicate credits, so a sent credit is never sent again.
 */
package org.standalonecredit.cybersource;
