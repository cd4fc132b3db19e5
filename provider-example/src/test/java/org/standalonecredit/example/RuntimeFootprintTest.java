package org.standalonecredit.example;

import org.junit.jupiter.api.Test;
import org.standalonecredit.testkit.footprint.RuntimeFootprint;

/**
 * Issue 15: what an application adds to use this provider, printed, without jackson-databind, and within 9
 * jars (the provider, api, provider-kit, transport-apache, httpclient5, httpcore5, httpcore5-h2, jackson-core,
 * slf4j-api; httpcore5-h2 because the classic client's TLS set-up loads a class of it) and 5 MiB.
 */
class RuntimeFootprintTest {
    @Test
    void anApplicationGetsNoDatabindAndFewJars() {
        RuntimeFootprint.of(ExampleProvider.class).assertLean("provider-example", 9, 5L * 1024 * 1024);
    }
}
