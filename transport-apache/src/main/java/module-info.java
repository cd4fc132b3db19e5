/** The Apache HttpClient 5 transport, found with ServiceLoader; {@code ApacheClientCustomizer} adjusts its client. */
module org.standalonecredit.transport.apache {
    requires transitive org.standalonecredit.api;
    requires transitive org.apache.httpcomponents.client5.httpclient5;
    requires transitive org.apache.httpcomponents.core5.httpcore5;

    exports org.standalonecredit.transport.apache;

    uses org.standalonecredit.transport.apache.ApacheClientCustomizer;
    provides org.standalonecredit.api.transport.HttpTransportFactory with org.standalonecredit.transport.apache.ApacheTransportFactory;
}
