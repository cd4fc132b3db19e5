package org.standalonecredit.reliability.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tests run on the class path, where discovery goes through META-INF/services. This one runs the library on
 * the module path, in a child JVM, so the {@code provides} and {@code uses} lines of every module-info are what
 * ServiceLoader reads: a provider, or the transport, missing from them fails here.
 */
class ModulePathTest {
    /**
     * The library's runtime modules and their third-party dependencies; nothing of the test framework, and no
     * jackson-databind: no runtime module requires it (a module-info that did would fail to resolve here).
     */
    private static final Pattern RUNTIME = Pattern.compile(
            "standalone-credit-(api|provider-kit|transport-apache|provider-cybersource|provider-visaacceptance|provider-commercehub)"
                    + "|/(api|provider-kit|transport-apache|provider-cybersource|provider-visaacceptance|provider-commercehub)/target/classes"
                    + "|jackson-core-|httpclient5-|httpcore5-|slf4j-api-");

    @Test
    void everyProviderAndTheTransportAreFoundThroughModuleInfo() throws Exception {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String modulePath = classPath.stream().filter(e -> RUNTIME.matcher(e.replace('\\', '/')).find())
                .filter(e -> !e.endsWith("-tests.jar") && !e.replace('\\', '/').endsWith("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        String probeClasses = Path.of(ModulePathProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH",
                "-cp", probeClasses, "-Dstandalone-credit.warmup=false", ModulePathProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not end");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("provider cybersource in module org.standalonecredit.cybersource"), out);
        assertTrue(out.contains("provider visa-acceptance in module org.standalonecredit.visaacceptance"), out);
        assertTrue(out.contains("provider commerce-hub in module org.standalonecredit.commercehub"), out);
        assertTrue(out.contains("opened commerce-hub in module org.standalonecredit.commercehub, journaled in module org.standalonecredit.api"), out);
    }
}
