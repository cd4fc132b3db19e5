package org.standalonecredit.testkit.footprint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What an application puts on its class path to use one provider: the provider's own jar and every jar of its
 * runtime dependencies, with their sizes (issue 15: "api + one provider at runtime"). The list is the one
 * Maven resolves for the provider module in runtime scope, which the build writes to
 * {@code target/runtime-class-path.txt} (the {@code runtime-class-path} execution of maven-dependency-plugin
 * in the parent pom); a provider lists that plugin in its pom and calls {@link #of(Class)} in a test.
 *
 * <p>The provider's test dependencies are not on it: an application does not get them. So a provider must
 * not declare a runtime library with test scope itself (a direct declaration decides the scope, and would
 * hide the same library coming in at run time through another dependency); the testkit brings databind to
 * the tests.
 *
 * <p>A module not yet packaged (a reactor build before {@code package}, and the provider itself, whose jar is
 * made after its tests) is a classes folder: it counts as the jar it becomes, its files deflated as the jar
 * plugin does, give or take the manifest.
 */
public final class RuntimeFootprint {
    /** One entry of the class path: a jar's file name (a folder's module name) and its size in bytes. */
    public record Entry(String name, long bytes) {
    }

    private final List<Entry> entries;

    private RuntimeFootprint(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The footprint of the provider whose class this is: its classes, and the runtime class path the build
     * wrote into its module's {@code target} folder.
     *
     * @throws IllegalStateException when the build did not write the class path (a test run outside Maven)
     */
    public static RuntimeFootprint of(Class<?> providerClass) {
        Path own = location(providerClass);
        Path listed = own.getParent().resolve("runtime-class-path.txt");
        if (!Files.isRegularFile(listed)) {
            throw new IllegalStateException(listed + " is not there: the build writes it (mvn verify, or mvn test) before the tests");
        }
        try {
            List<Entry> entries = new ArrayList<>();
            entries.add(entry(own));
            String classPath = Files.readString(listed, StandardCharsets.UTF_8).trim();
            for (String element : classPath.isEmpty() ? new String[0] : classPath.split(java.io.File.pathSeparator)) {
                entries.add(entry(Path.of(element)));
            }
            return new RuntimeFootprint(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** How many jars an application adds. */
    public int jars() {
        return entries.size();
    }

    public long bytes() {
        return entries.stream().mapToLong(Entry::bytes).sum();
    }

    /** True when a jar of this artifact (its file name up to the version: {@code "jackson-databind"}) is on the path. */
    public boolean contains(String artifactId) {
        return entries.stream().anyMatch(e -> e.name().startsWith(artifactId + "-") || e.name().equals(artifactId));
    }

    /** One line per jar and a total, for a test's output. */
    public String describe() {
        return entries.stream().map(e -> String.format(Locale.ROOT, "  %-58s %,11d", e.name(), e.bytes()))
                .collect(Collectors.joining("\n", "", String.format(Locale.ROOT, "\n  %d jars, %,d bytes (%.2f MiB)", jars(), bytes(),
                        bytes() / (1024.0 * 1024.0))));
    }

    /**
     * Prints the footprint and fails unless it is lean: neither jackson-databind nor jackson-annotations (the
     * providers read and write JSON with the kit's JsonValue on jackson-core), at most so many jars and bytes.
     */
    public void assertLean(String provider, int maxJars, long maxBytes) {
        String described = provider + " at run time, as an application gets it:\n" + describe();
        System.out.println(described);
        for (String banned : List.of("jackson-databind", "jackson-annotations")) {
            if (contains(banned)) {
                throw new AssertionError(banned + " is on the runtime class path\n" + described);
            }
        }
        if (jars() > maxJars || bytes() > maxBytes) {
            throw new AssertionError("more than " + maxJars + " jars or " + maxBytes + " bytes\n" + described);
        }
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Entry entry(Path element) throws IOException {
        if (Files.isDirectory(element)) {
            // .../<module>/target/classes: named after the module
            Path module = element.getParent() != null && element.getParent().getParent() != null
                    ? element.getParent().getParent().getFileName() : element.getFileName();
            return new Entry(module + " (classes, as a jar)", deflatedSize(element));
        }
        return new Entry(element.getFileName().toString(), Files.size(element));
    }

    /** The size of a jar of this folder's files: what the jar plugin writes, give or take the manifest. */
    private static long deflatedSize(Path folder) throws IOException {
        CountingStream counted = new CountingStream();
        try (ZipOutputStream zip = new ZipOutputStream(counted); Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return counted.count;
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
