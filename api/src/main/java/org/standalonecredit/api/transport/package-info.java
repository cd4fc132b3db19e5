/**
 * The transport interface: one request, one answer or a {@link org.standalonecredit.api.transport.TransportFailure} that says whether the
 * request may have reached the gateway. Implementations are found with {@link java.util.ServiceLoader} as an
 * {@link org.standalonecredit.api.transport.HttpTransportFactory}; the library's is in {@code standalone-credit-transport-apache}.
 */
package org.standalonecredit.api.transport;
