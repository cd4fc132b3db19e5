package org.standalonecredit.readmecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.simulator.Gateway;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * The README's quick start, as pasted and built by Maven (see {@link ReadmeProject}), run in its own JVM against the
 * simulators on every gateway the README says it runs on, with each gateway's {@code credit.properties} as pasted.
 * The test supplies only what the README tells a user to supply: every {@code ${NAME}} credential as an environment
 * variable, and the simulator's address as the {@code CREDIT_<PROVIDER>_BASE_URL} environment override. The credit must
 * be in the simulator's ledger.
 */
class ReadmeQuickStartIT {
    private static final Path OUT = Path.of(System.getProperty("readme.project", "target/readme-project"));
    private static final Path PROJECT = OUT.resolve("quickstart");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern CARD_LITERAL = Pattern.compile("card\\(\\s*\"(\\d{12,19})\"");
    private static final Pattern AMOUNT = Pattern.compile("\\.amount\\(\\s*\"([0-9.]+)\"\\s*,\\s*\"([A-Z]{3})\"");

    @ParameterizedTest(name = "the README quick start credits through {0}")
    @ValueSource(strings = {"cybersource", "visa-acceptance", "commerce-hub"})
    void theQuickStartAsPastedCreditsThroughEveryGateway(String gateway) throws Exception {
        Path runDirectory = OUT.resolve("gateways").resolve(gateway);
        Path propertiesFile = runDirectory.resolve("credit.properties");
        assertTrue(Files.isRegularFile(propertiesFile), "the README has no credit.properties for " + gateway
                + " (a block marked <!-- readme-check: quickstart-properties-" + gateway + " -->), yet says the quick start runs on it");
        Properties pasted = new Properties();
        try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            pasted.load(reader);
        }
        String java = Files.readString(javaFile(), StandardCharsets.UTF_8);

        Map<String, String> environment = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        try (GatewaySimulator simulator = start(gateway, pasted, environment, secrets)) {
            environment.put(ConfigSource.environmentName("credit." + gateway + ".base-url"), simulator.baseUrl());
            Run run = runQuickStart(runDirectory, environment, entry -> true, "output.txt");
            String output = masked(run.output, java, secrets);

            assertEquals(0, run.exitCode, "the quick start failed on " + gateway + ":\n" + output);
            assertTrue(output.contains("credited: "), "the quick start did not report a credit on " + gateway + ":\n" + output);
            assertEquals(1, simulator.ledger().size(), "the simulator's ledger for " + gateway + ": " + simulator.ledger() + "\n" + output);
            LedgerEntry credit = simulator.ledger().entries().get(0);
            Matcher amount = AMOUNT.matcher(java);
            assertTrue(amount.find(), "the quick start sends no .amount(\"…\", \"…\")");
            assertEquals(0, new BigDecimal(amount.group(1)).compareTo(credit.amount()), credit.toString());
            assertEquals(amount.group(2), credit.currency(), credit.toString());

            assertFalse(output.contains("No SLF4J providers"), "the README's dependencies leave SLF4J without a binding:\n" + output);
            assertTrue(run.output.equals(output), "the child's output shows a card number or a secret:\n" + output);
        }
    }

    /**
     * The README says what happens without an SLF4J binding: SLF4J's no-provider warning, and the credit goes through all
     * the same. The Cybersource run again, with the pasted binding left off the class path.
     */
    @Test
    void withoutTheBindingSlf4jWarnsAsTheReadmeSaysAndTheCreditStillGoes() throws Exception {
        String warning = "No SLF4J providers were found.";
        String readme = Files.readString(Path.of(System.getProperty("readme.file", "../README.md")), StandardCharsets.UTF_8);
        assertTrue(readme.contains(warning), "the README no longer quotes SLF4J's warning: " + warning);
        Path runDirectory = OUT.resolve("gateways").resolve("cybersource");
        Properties pasted = new Properties();
        try (Reader reader = Files.newBufferedReader(runDirectory.resolve("credit.properties"), StandardCharsets.UTF_8)) {
            pasted.load(reader);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        try (GatewaySimulator simulator = start("cybersource", pasted, environment, secrets)) {
            environment.put(ConfigSource.environmentName("credit.cybersource.base-url"), simulator.baseUrl());
            Run run = runQuickStart(runDirectory, environment, entry -> !entry.contains("slf4j-simple"), "output-without-binding.txt");
            String output = masked(run.output, Files.readString(javaFile(), StandardCharsets.UTF_8), secrets);
            assertEquals(0, run.exitCode, output);
            assertTrue(output.contains(warning), output);
            assertEquals(1, simulator.ledger().size(), output);
        }
    }

    /** The simulator for the gateway, taking the README's non-secret ids as they are and giving its secrets through ${NAME}. */
    private static GatewaySimulator start(String gateway, Properties pasted, Map<String, String> environment, List<String> secrets) {
        String prefix = "credit." + gateway + ".";
        switch (gateway) {
            case "cybersource", "visa-acceptance" -> {
                CybersourceSimulator.Builder builder = CybersourceSimulator.builder()
                        .merchantId(required(pasted, prefix + "merchant-id"))
                        .keyId(required(pasted, prefix + "key-id"));
                if (gateway.equals("visa-acceptance")) {
                    builder.gateway(Gateway.VISA_ACCEPTANCE);
                }
                supplySecret(pasted, prefix + "secret-key", CybersourceSimulator.DEFAULT_SHARED_SECRET, environment, secrets);
                return builder.magicAmounts(false).start();
            }
            case "commerce-hub" -> {
                supplySecret(pasted, prefix + "api-key", CommerceHubSimulator.DEFAULT_API_KEY, environment, secrets);
                supplySecret(pasted, prefix + "api-secret", CommerceHubSimulator.DEFAULT_API_SECRET, environment, secrets);
                return CommerceHubSimulator.builder().magicAmounts(false).start();
            }
            default -> throw new IllegalArgumentException(gateway);
        }
    }

    private static String required(Properties pasted, String key) {
        String value = pasted.getProperty(key);
        assertTrue(value != null && !value.isBlank(), "the README's credit.properties has no " + key);
        return value;
    }

    /** A credential in the README must be a ${NAME} placeholder (never a literal secret); the test sets NAME. */
    private static void supplySecret(Properties pasted, String key, String value, Map<String, String> environment, List<String> secrets) {
        Matcher placeholder = PLACEHOLDER.matcher(required(pasted, key));
        assertTrue(placeholder.matches(), key + " in the README must be a ${NAME} placeholder, as the README tells users to write it");
        environment.put(placeholder.group(1), value);
        secrets.add(value);
    }

    private record Run(int exitCode, String output) {
    }

    /** {@code java -cp <the project's classes and run-time class path> <its main class>}, in the directory of credit.properties. */
    private static Run runQuickStart(Path directory, Map<String, String> environment, Predicate<String> keep, String logName)
            throws IOException, InterruptedException {
        Path classes = PROJECT.resolve("target/classes");
        Path classPathFile = PROJECT.resolve("target/runtime-class-path.txt");
        assertTrue(Files.isDirectory(classes) && Files.isRegularFile(classPathFile),
                "the pasted project was not built (invoker:run); see " + PROJECT.resolve("build.log"));
        String classPath = Stream.concat(Stream.of(classes.toAbsolutePath().toString()),
                Arrays.stream(Files.readString(classPathFile, StandardCharsets.UTF_8).trim().split(File.pathSeparator)).filter(keep))
                .collect(Collectors.joining(File.pathSeparator));
        String mainClass = Files.readString(PROJECT.resolve(ReadmeProject.MAIN_CLASS_FILE), StandardCharsets.UTF_8).trim();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = directory.resolve(logName);

        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", classPath, mainClass)
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();   // nothing from this machine's environment: only what the README names
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {   // a hang guard, not a timing check
            process.destroyForcibly().waitFor();
            fail("the quick start did not end within 5 minutes:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Path javaFile() throws IOException {
        try (var files = Files.walk(PROJECT.resolve("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).findFirst().orElseThrow();
        }
    }

    /** The output with the quick start's card number and the secrets given blanked, so that a failure never shows them. */
    private static String masked(String output, String java, List<String> secrets) {
        String masked = output;
        Matcher card = CARD_LITERAL.matcher(java);
        while (card.find()) {
            masked = masked.replace(card.group(1), "[card number]");
        }
        for (String secret : secrets) {
            masked = masked.replace(secret, "[secret]");
        }
        return masked;
    }
}
