/**
 * What the fault matrix, the soak and the library's own reliability tests share: a provider built from its subject,
 * a gateway opened on the production transport, the canaries and their scanner, raw loopback servers. Public for
 * the library's {@code reliability} module; a provider author needs only {@link org.standalonecredit.testkit.reliability}.
 */
package org.standalonecredit.testkit.reliability.support;
