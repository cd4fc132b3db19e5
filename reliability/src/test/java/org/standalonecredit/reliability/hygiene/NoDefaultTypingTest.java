package org.standalonecredit.reliability.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.commercehub.CommerceHubProvider;
import org.standalonecredit.cybersource.CybersourceProvider;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.visaacceptance.VisaAcceptanceProvider;

/**
 * No Jackson mapper in main code may read type names from a gateway's answer: polymorphic
 * ("default") typing lets a body choose which class to instantiate, the classic deserialisation
 * hole. The main sources of every module, and the compiled classes of the modules on this test's
 * class path, are searched for any way to turn it on.
 */
class NoDefaultTypingTest {
    /** As they appear in source. */
    private static final List<String> IN_SOURCE = List.of("activateDefaultTyping", "enableDefaultTyping", "setDefaultTyping",
            "DefaultTyping.", "@JsonTypeInfo", "JsonTypeInfo");
    /** As they appear in a class file's constant pool. */
    private static final List<String> IN_CLASSES = List.of("activateDefaultTyping", "enableDefaultTyping", "setDefaultTyping",
            "com/fasterxml/jackson/annotation/JsonTypeInfo", "ObjectMapper$DefaultTyping");

    @Test
    void noMainSourceTurnsOnPolymorphicTyping() throws IOException {
        Path root = repositoryRoot();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*"))
                    .toList();
        }
        List<String> found = new ArrayList<>();
        int jacksonUsers = 0;
        for (Path p : sources) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (text.contains("ObjectMapper") || text.contains("JsonMapper")) {
                jacksonUsers++;
            }
            for (String s : IN_SOURCE) {
                if (text.contains(s)) {
                    found.add(root.relativize(p) + ": " + s);
                }
            }
        }
        assertTrue(sources.size() > 100, "the scan must cover every module's main sources, found " + sources.size());
        assertTrue(jacksonUsers >= 4, "the scan must include the code that configures Jackson, found " + jacksonUsers);
        assertEquals(List.of(), found, "polymorphic typing in main code");
    }

    @Test
    void noMainClassTurnsOnPolymorphicTyping() throws Exception {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Class<?> module : List.of(CreditGateway.class, CybersourceProvider.class, VisaAcceptanceProvider.class,
                CommerceHubProvider.class, GatewaySimulator.class)) {
            Path location = Path.of(module.getProtectionDomain().getCodeSource().getLocation().toURI());
            scanned += Files.isDirectory(location) ? scanDirectory(location, found) : scanJar(location, found);
        }
        assertTrue(scanned > 100, "the scan must cover the modules' classes, found " + scanned);
        assertEquals(List.of(), found, "polymorphic typing in compiled main code");
    }

    private static int scanDirectory(Path dir, List<String> found) throws IOException {
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(dir)) {
            classes = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path c : classes) {
            check(c.toString(), Files.readAllBytes(c), found);
        }
        return classes.size();
    }

    private static int scanJar(Path jar, List<String> found) throws IOException {
        int n = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : java.util.Collections.list(file.entries())) {
                if (e.getName().startsWith("org/standalonecredit/") && e.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(e)) {
                        check(jar.getFileName() + "!" + e.getName(), in.readAllBytes(), found);
                    }
                    n++;
                }
            }
        }
        return n;
    }

    private static void check(String where, byte[] classFile, List<String> found) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        for (String s : IN_CLASSES) {
            if (text.contains(s)) {
                found.add(where + ": " + s);
            }
        }
    }

    /** The directory holding the parent pom (surefire runs in this module's directory). */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("api/src/main/java"))) {
                return p;
            }
        }
        throw new AssertionError("the repository root was not found above " + dir);
    }
}
