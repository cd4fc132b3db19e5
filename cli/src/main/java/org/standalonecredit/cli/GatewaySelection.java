package org.standalonecredit.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.journal.JournalSelection;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.journal.jdbc.JdbcJournalFactory;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to a gateway: configuration file, gateway name, base-URL override, journal file. */
final class GatewaySelection {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with the library's keys (credit.gateway=..., credit.<provider>.*); required unless the environment"
                    + " sets CREDIT_GATEWAY and the provider's variables, which override the file.")
    Path configFile;

    @Option(names = "--name", defaultValue = "credit", paramLabel = "NAME",
            description = "Configuration prefix of the gateway to use (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--provider", paramLabel = "ID", description = "Provider id, overriding <name>.gateway.")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL", description = "Send to this base URL instead of the configured environment (https, or http to loopback).")
    String baseUrl;

    @Option(names = "--journal", paramLabel = "FILE",
            description = {"Keep the credit journal in this embedded H2 file (created if missing), instead of the configured journal.",
                    "Without this option and without <name>.journal.type, the journal is " + JournalFile.DEFAULT_NAME + JournalFile.H2_SUFFIX
                            + " in the audit log's directory."})
    Path journalFile;

    /** The configuration: environment over file, with command-line overrides on top. */
    ConfigSource config(Map<String, String> environment) {
        Properties file = new Properties();
        if (configFile != null) {
            try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new UsageException("cannot read configuration file " + configFile + ": " + e.getClass().getSimpleName(), ExitCodes.CONFIGURATION,
                        CliError.CONFIGURATION, "--config");
            }
        }
        ConfigSource layered = ConfigSource.layered(ConfigSource.fromEnvironment(environment), ConfigSource.fromProperties(file));
        Map<String, String> overrides = new HashMap<>();
        String providerId = provider != null ? provider : layered.get(name + ".gateway").orElse(null);
        if (providerId == null && configFile == null) {
            throw new UsageException("no configuration was given: pass --config FILE (a properties file with " + name
                    + ".gateway=<provider> and the provider's keys), or set " + ConfigSource.environmentName(name + ".gateway")
                    + " and the provider's variables", ExitCodes.CONFIGURATION, CliError.CONFIGURATION, "--config");
        }
        if (provider != null) {
            overrides.put(name + ".gateway", provider);
        }
        if (baseUrl != null) {
            if (providerId == null) {
                throw new UsageException("--base-url needs a provider: set " + name + ".gateway or --provider", ExitCodes.CONFIGURATION,
                        CliError.CONFIGURATION, name + ".gateway");
            }
            overrides.put(name + "." + providerId + ".base-url", baseUrl);
        }
        // the journal: --journal FILE over the configuration, which is over the H2 file beside the audit log
        Map<String, String> defaults = new HashMap<>();
        String journal = name + ".journal.";
        if (journalFile != null) {
            overrides.put(journal + JournalSelection.TYPE, JdbcJournalFactory.TYPE);
            overrides.put(journal + "url", JournalFile.url(journalFile, "--journal", ExitCodes.INVALID_INPUT));
        } else {
            Optional<String> type = layered.get(journal + JournalSelection.TYPE);
            if (type.isEmpty() || type.get().equals(JdbcJournalFactory.TYPE)) {
                defaults.put(journal + JournalSelection.TYPE, JdbcJournalFactory.TYPE);
                if (layered.get(journal + "url").isEmpty()) {
                    defaults.put(journal + "url", JournalFile.url(JournalFile.besideAuditLog(new Guardrails(layered).auditLog()),
                            "beside the audit log", ExitCodes.CONFIGURATION));
                }
            }
        }
        return ConfigSource.layered(ConfigSource.fromMap(overrides), layered, ConfigSource.fromMap(defaults));
    }

    CreditGateway open(ConfigSource config, GatewayOptions options) {
        return ProviderRegistry.load().create(config, name, options);
    }

    String providerId(ConfigSource config) {
        return Optional.ofNullable(provider).or(() -> config.get(name + ".gateway")).orElse("?");
    }
}
