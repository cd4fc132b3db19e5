/**
 * The Apache HttpClient 5 transport: no automatic retries or redirects, a request that never left told apart from one
 * that may have, a deadline per exchange, a capped answer. {@link org.standalonecredit.transport.apache.ApacheClientCustomizer} adjusts the client.
 */
package org.standalonecredit.transport.apache;
