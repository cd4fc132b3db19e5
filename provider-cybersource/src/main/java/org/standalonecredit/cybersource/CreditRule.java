package org.standalonecredit.cybersource;

import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.Validation;

/**
 * A local rule a Cybersource-family gateway checks before sending a credit (e.g. the Visa Acceptance
 * mass-transit required fields). Adds one error per broken rule, naming the request field.
 */
@FunctionalInterface
public interface CreditRule {
    CreditRule NONE = (request, v) -> { };

    void check(CreditRequest request, Validation v);

    /** This rule, then {@code next}. */
    default CreditRule and(CreditRule next) {
        return (request, v) -> {
            check(request, v);
            next.check(request, v);
        };
    }
}
