/** Visa Acceptance stand-alone credits: the Cybersource REST API on Visa Acceptance hosts, with the mass-transit rules. */
module org.standalonecredit.visaacceptance {
    requires transitive org.standalonecredit.api;
    requires transitive org.standalonecredit.cybersource;

    exports org.standalonecredit.visaacceptance;

    provides org.standalonecredit.api.spi.CreditProvider with org.standalonecredit.visaacceptance.VisaAcceptanceProvider;
}
