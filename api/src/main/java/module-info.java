/**
 * The neutral stand-alone credit API and its provider SPI: the model, configuration, masking of text, the
 * transport interface. Knows no gateway and no third-party library; providers and the transport are found
 * with {@link java.util.ServiceLoader}.
 */
module org.standalonecredit.api {
    exports org.standalonecredit.api;
    exports org.standalonecredit.api.config;
    exports org.standalonecredit.api.journal;
    exports org.standalonecredit.api.observe;
    exports org.standalonecredit.api.privacy;
    exports org.standalonecredit.api.spi;
    exports org.standalonecredit.api.transport;

    uses org.standalonecredit.api.spi.CreditProvider;
    uses org.standalonecredit.api.transport.HttpTransportFactory;
    uses org.standalonecredit.api.journal.CreditJournalFactory;
}
