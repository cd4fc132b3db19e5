package org.standalonecredit.api;

import java.util.Set;
import java.util.TreeSet;

/** No installed provider has the requested id; the message lists the ids that are installed. */
public final class UnknownProviderException extends CreditException {
    private static final long serialVersionUID = 1L;
    private final String requested;
    private final transient Set<String> installed;

    public UnknownProviderException(String requested, Set<String> installed) {
        super("No credit provider with id '" + requested + "'; installed: " + new TreeSet<>(installed));
        this.requested = requested;
        this.installed = Set.copyOf(installed);
    }

    public String requested() {
        return requested;
    }

    public Set<String> installed() {
        return installed;
    }
}
