package org.standalonecredit.api.transport;

import java.util.ServiceLoader;
import org.standalonecredit.api.config.ConfigurationException;

/**
 * Makes the HTTP transport a gateway sends through. Found with {@link ServiceLoader}: the library's own is
 * {@code standalone-credit-transport-apache} (Apache HttpClient 5); an application may register another, or
 * pass one in {@code GatewayOptions.transportFactory}. A transport must never re-send a request on its own,
 * must tell a request that never left from one that may have ({@link TransportFailure.Delivery}), and must
 * never throw anything but {@link TransportFailure} from {@link HttpTransport#execute}.
 */
public interface HttpTransportFactory {

    /** A new transport with these timeouts, limits, proxy and TLS; the caller owns it and closes it. */
    HttpTransport create(TransportSettings settings);

    /**
     * The factory found on the class or module path of {@code loader}. None is a configuration error naming
     * the artifact to add; several: the first found.
     */
    static HttpTransportFactory discover(ClassLoader loader) {
        for (HttpTransportFactory factory : ServiceLoader.load(HttpTransportFactory.class, loader)) {
            return factory;
        }
        for (HttpTransportFactory factory : ServiceLoader.load(HttpTransportFactory.class, HttpTransportFactory.class.getClassLoader())) {
            return factory;
        }
        throw new ConfigurationException(java.util.List.of("no HTTP transport was found: add org.standalonecredit:"
                + "standalone-credit-transport-apache (or another " + HttpTransportFactory.class.getName() + ") to the class path"));
    }
}
