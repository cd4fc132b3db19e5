package org.standalonecredit.transport.apache;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.HttpTransportFactory;
import org.standalonecredit.api.transport.TransportSettings;

/**
 * The library's transport, found with {@link ServiceLoader} as an {@link HttpTransportFactory}. Every
 * {@link ApacheClientCustomizer} found the same way (or given here) may adjust the client before it is built.
 */
public final class ApacheTransportFactory implements HttpTransportFactory {
    private final List<ApacheClientCustomizer> customizers;

    /** The factory ServiceLoader makes: with the customizers registered on the class or module path. */
    public ApacheTransportFactory() {
        this(discovered());
    }

    public ApacheTransportFactory(List<ApacheClientCustomizer> customizers) {
        this.customizers = List.copyOf(customizers);
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        return new ApacheHttpTransport(settings, Clock.systemUTC(), customizers);
    }

    private static List<ApacheClientCustomizer> discovered() {
        List<ApacheClientCustomizer> found = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(ApacheClientCustomizer.class, loader != null ? loader : ApacheTransportFactory.class.getClassLoader())
                .forEach(found::add);
        return found;
    }
}
