/** Cybersource REST stand-alone credits ({@code POST /pts/v2/credits}), reused by the Visa Acceptance provider. */
module org.standalonecredit.cybersource {
    requires transitive org.standalonecredit.api;
    requires transitive org.standalonecredit.kit;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports org.standalonecredit.cybersource;

    provides org.standalonecredit.api.spi.CreditProvider with org.standalonecredit.cybersource.CybersourceProvider;
}
