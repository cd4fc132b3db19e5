/** The neutral stand-alone credit API, its provider SPI and the HTTP transport. Knows no gateway. */
module org.standalonecredit.api {
    requires com.fasterxml.jackson.databind;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires org.slf4j;

    exports org.standalonecredit.api;
    exports org.standalonecredit.api.config;
    exports org.standalonecredit.api.json;
    exports org.standalonecredit.api.observe;
    exports org.standalonecredit.api.privacy;
    exports org.standalonecredit.api.spi;
    exports org.standalonecredit.api.transport;

    uses org.standalonecredit.api.spi.CreditProvider;
}
