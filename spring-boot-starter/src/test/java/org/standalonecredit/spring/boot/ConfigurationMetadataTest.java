package org.standalonecredit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metadata an IDE completes from: written by spring-boot-configuration-processor from {@link StandaloneCreditProperties}
 * and merged with additional-spring-configuration-metadata.json (the health switch, whose key no class declares).
 */
class ConfigurationMetadataTest {

    @Test
    void theStartersKeysAreDescribed() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        metadata.get("properties").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).contains("standalone-credit.enabled", "standalone-credit.primary", "standalone-credit.gateways",
                "management.health.standalone-credit.enabled");
        metadata.get("properties").forEach(p -> assertThat(p.path("description").asText()).as(p.get("name").asText()).isNotBlank());
        assertThat(metadata.toString()).contains("StandaloneCreditProperties$Gateway"); // the map's value type, for an IDE to descend into
    }
}
