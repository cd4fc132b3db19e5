package org.standalonecredit.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.standalonecredit.api.config.ConfigurationException;

/**
 * Turns a gateway that cannot be opened at start-up into Boot's "APPLICATION FAILED TO START" report: one line per
 * problem, each naming its {@code standalone-credit.*} key, instead of a stack trace. The problems never hold a secret.
 */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        StringBuilder description = new StringBuilder("A stand-alone credit gateway could not be opened:");
        cause.problems().forEach(p -> description.append(System.lineSeparator()).append("    ").append(p));
        return new FailureAnalysis(description.toString(),
                "Correct the standalone-credit.* properties named above (see the README's \"Spring Boot\" and \"Configuration keys\").",
                cause);
    }
}
