package org.standalonecredit.api.config;

import java.util.List;
import org.standalonecredit.api.CreditException;

/** Configuration is missing or wrong; every problem is listed with its full key. Secrets are never echoed. */
public final class ConfigurationException extends CreditException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public ConfigurationException(List<String> problems) {
        super("Invalid gateway configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
