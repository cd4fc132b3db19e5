package org.standalonecredit.junit6check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.example.ExampleSubject;

/**
 * The testkit's command-line runner (ConformanceMain, on the JUnit Platform launcher) against provider-example, in a
 * JVM whose class path holds JUnit 6 only: what {@code java -cp ... ConformanceMain com.acme.MySubject} does.
 */
class ConformanceMainOnJUnit6Test {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed, (\\d+) skipped$");

    @Test
    void theCommandLineRunPassesEveryCheck(@TempDir Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("conformance.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", testClassPath(),
                "org.standalonecredit.testkit.conformance.ConformanceMain", ExampleSubject.class.getName()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(ended, "ConformanceMain did not end within 5 minutes:\n" + printed);
        assertEquals(0, process.exitValue(), printed);
        Matcher summary = SUMMARY.matcher(printed);
        assertTrue(summary.find(), "no summary line:\n" + printed);
        assertTrue(Integer.parseInt(summary.group(1)) > 0, printed);
        assertEquals("0", summary.group(2), printed);
    }

    private static String testClassPath() {
        return JUnitVersionTest.testClassPath();
    }
}
