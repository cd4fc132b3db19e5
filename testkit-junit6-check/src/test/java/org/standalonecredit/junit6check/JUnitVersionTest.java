package org.standalonecredit.junit6check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What makes the other tests of this module a proof: they ran on JUnit 6, and no JUnit 5 jar (Jupiter 5.x, Platform
 * 1.x) came onto the class path with the testkit.
 */
class JUnitVersionTest {
    private static final Pattern JUNIT_JAR = Pattern.compile("(junit-(jupiter|platform)[a-z-]*)-([0-9][^/]*)\\.jar");

    @Test
    void jupiterAndThePlatformAreJUnit6() {
        String expected = System.getProperty("expected.junit.version");
        assertNotNull(expected, "surefire sets expected.junit.version");
        assertTrue(expected.startsWith("6."), expected);
        assertEquals(expected, org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion(), "Jupiter API");
        assertEquals(expected, org.junit.jupiter.engine.JupiterTestEngine.class.getPackage().getImplementationVersion(), "Jupiter engine");
        assertEquals(expected, org.junit.platform.engine.TestEngine.class.getPackage().getImplementationVersion(), "Platform engine");
        assertEquals(expected, org.junit.platform.launcher.Launcher.class.getPackage().getImplementationVersion(), "Platform launcher");
    }

    @Test
    void everyJUnitJarOnTheClassPathIsJUnit6() {
        String expected = System.getProperty("expected.junit.version");
        List<String> junitJars = Arrays.stream(testClassPath().split(File.pathSeparator))
                .map(entry -> new File(entry).getName())
                .filter(name -> JUNIT_JAR.matcher(name).matches())
                .collect(Collectors.toList());
        assertTrue(junitJars.stream().anyMatch(name -> name.startsWith("junit-jupiter-api-")), "Jupiter API on the class path: " + junitJars);
        List<String> others = junitJars.stream().filter(name -> !name.endsWith("-" + expected + ".jar")).collect(Collectors.toList());
        assertEquals(List.of(), others, "JUnit jars of another version: " + junitJars);
    }

    /** The test class path as surefire gives it (java.class.path is only its booter jar). */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
