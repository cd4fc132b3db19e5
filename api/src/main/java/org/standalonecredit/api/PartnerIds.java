package org.standalonecredit.api;

import java.util.Optional;

/** Identifiers of the software vendor or solution making the request (certification number, solution id). */
public record PartnerIds(String thirdPartyCertificationNumber, String solutionId) {

    public static PartnerIds certification(String thirdPartyCertificationNumber) {
        return new PartnerIds(thirdPartyCertificationNumber, null);
    }

    public Optional<String> certificationNumber() {
        return Optional.ofNullable(thirdPartyCertificationNumber);
    }

    public Optional<String> solution() {
        return Optional.ofNullable(solutionId);
    }

    void validate(String field, Validation v) {
        v.maxLength(field + ".thirdPartyCertificationNumber", thirdPartyCertificationNumber, 32);
        v.maxLength(field + ".solutionId", solutionId, 32);
        v.plainText(field + ".thirdPartyCertificationNumber", thirdPartyCertificationNumber);
        v.plainText(field + ".solutionId", solutionId);
    }
}
