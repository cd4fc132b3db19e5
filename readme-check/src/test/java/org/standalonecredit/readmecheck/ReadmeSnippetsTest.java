package org.standalonecredit.readmecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the README's marked blocks are found, and that the README has every block the check pastes. */
class ReadmeSnippetsTest {
    private static final Path README = Path.of(System.getProperty("readme.file", "../README.md"));

    @Test
    void aMarkedBlockIsTakenExactlyAsWritten() {
        ReadmeSnippets snippets = ReadmeSnippets.parse("""
                text
                <!-- readme-check: one -->
                ```properties
                a=${A}
                  indented
                ```
                ```java
                not marked
                ```
                """);
        assertEquals("a=${A}\n  indented\n", snippets.get("one"));
        assertEquals(1, snippets.all().size());
    }

    @Test
    void aMarkerWithoutABlockRightAfterItIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReadmeSnippets.parse("<!-- readme-check: one -->\n\n```xml\n<a/>\n```\n"));
        assertTrue(e.getMessage().contains("'one'"), e.getMessage());
    }

    @Test
    void anUnclosedBlockOrANameUsedTwiceIsAnError() {
        assertThrows(IllegalStateException.class, () -> ReadmeSnippets.parse("<!-- readme-check: one -->\n```xml\n<a/>\n"));
        assertThrows(IllegalStateException.class,
                () -> ReadmeSnippets.parse("<!-- readme-check: one -->\n```\nx\n```\n<!-- readme-check: one -->\n```\ny\n```\n"));
    }

    @Test
    void aMissingBlockIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadmeSnippets.parse("no markers").get("pom-bom"));
        assertTrue(e.getMessage().contains("<!-- readme-check: pom-bom -->"), e.getMessage());
    }

    @Test
    void aPropertiesBlockMarkedForOneGatewayMustConfigureIt() {
        assertThrows(IllegalStateException.class,
                () -> ReadmeProject.gatewayOf("quickstart-properties-commerce-hub", "credit.gateway=cybersource\n"));
        assertThrows(IllegalStateException.class, () -> ReadmeProject.gatewayOf("quickstart-properties", "x=y\n"));
    }

    @Test
    void theReadmePastesIntoAProjectWithEveryPart(@TempDir Path out) throws IOException {
        ReadmeSnippets snippets = ReadmeSnippets.parse(Files.readString(README, StandardCharsets.UTF_8));
        ReadmeProject.write(snippets, out);
        assertTrue(Files.readString(out.resolve("quickstart/pom.xml")).contains("<artifactId>standalone-credit-bom</artifactId>"));
        String mainClass = Files.readString(out.resolve("quickstart").resolve(ReadmeProject.MAIN_CLASS_FILE)).trim();
        assertTrue(Files.isRegularFile(out.resolve("quickstart/src/main/java").resolve(mainClass.replace('.', '/') + ".java")), mainClass);
        try (var tests = Files.list(out.resolve("quickstart/src/test/java"))) {
            assertEquals(1, tests.filter(p -> p.toString().endsWith("Test.java")).count(), "the simulator test, saved as a *Test.java");
        }
        for (String gateway : new String[] {"cybersource", "visa-acceptance", "commerce-hub"}) {
            assertTrue(Files.isRegularFile(out.resolve("gateways").resolve(gateway).resolve("credit.properties")), gateway);
        }
    }
}
