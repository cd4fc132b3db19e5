package org.standalonecredit.readmecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.SourceKind;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;

/**
 * The README's table of which payment source each gateway accepts (marked {@code sources-table}) against what each
 * gateway opened from configuration declares: a table that drifts from the providers' capabilities fails here.
 */
class ReadmeSourcesTableTest {
    private static final Path README = Path.of(System.getProperty("readme.file", "../README.md"));
    private static final Pattern FACTORY = Pattern.compile("`(\\w+)\\(");
    private static final Map<String, SourceKind> FACTORIES = Map.of("card", SourceKind.CARD, "customerToken", SourceKind.CUSTOMER_TOKEN,
            "paymentInstrument", SourceKind.PAYMENT_INSTRUMENT_TOKEN, "instrumentIdentifier", SourceKind.INSTRUMENT_IDENTIFIER_TOKEN,
            "gatewayToken", SourceKind.GATEWAY_TOKEN);

    /** The table's gateway columns, in order, as the configuration that opens each. */
    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("credit.gateway", "cybersource", "credit.cybersource.merchant-id", "m", "credit.cybersource.key-id", "k",
                    "credit.cybersource.secret-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
            Map.of("credit.gateway", "visa-acceptance", "credit.visa-acceptance.merchant-id", "m", "credit.visa-acceptance.key-id", "k",
                    "credit.visa-acceptance.secret-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
            Map.of("credit.gateway", "visa-acceptance", "credit.visa-acceptance.merchant-id", "m", "credit.visa-acceptance.key-id", "k",
                    "credit.visa-acceptance.secret-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                    "credit.visa-acceptance.mass-transit", "false"),
            Map.of("credit.gateway", "commerce-hub", "credit.commerce-hub.api-key", "k", "credit.commerce-hub.api-secret", "s",
                    "credit.commerce-hub.merchant-id", "m", "credit.commerce-hub.terminal-id", "t"));

    @Test
    void theTableSaysWhatEachGatewayDeclares() throws IOException {
        String table = ReadmeSnippets.parse(Files.readString(README, StandardCharsets.UTF_8)).get("sources-table");
        List<Set<SourceKind>> documented = new ArrayList<>();
        COLUMNS.forEach(c -> documented.add(EnumSet.noneOf(SourceKind.class)));
        Set<SourceKind> rows = EnumSet.noneOf(SourceKind.class);
        for (String row : table.lines().skip(2).toList()) {
            String[] cells = row.split("\\|", -1);
            assertEquals(2 + 2 + COLUMNS.size(), cells.length, "a row of the sources table: " + row);
            Matcher factory = FACTORY.matcher(cells[2]);
            assertTrue(factory.find() && FACTORIES.containsKey(factory.group(1)), "the second column names a PaymentSource factory: " + row);
            SourceKind kind = FACTORIES.get(factory.group(1));
            rows.add(kind);
            for (int column = 0; column < COLUMNS.size(); column++) {
                String cell = cells[3 + column].trim();
                assertTrue(cell.startsWith("yes") || cell.equals("no"), "each gateway cell is yes… or no: " + row);
                if (cell.startsWith("yes")) {
                    documented.get(column).add(kind);
                }
            }
        }
        assertEquals(EnumSet.allOf(SourceKind.class), rows, "the table has a row for every kind of source");
        for (int column = 0; column < COLUMNS.size(); column++) {
            Map<String, String> config = new java.util.HashMap<>(COLUMNS.get(column));
            String provider = config.get("credit.gateway");
            config.put("credit." + provider + ".base-url", "http://127.0.0.1:9");   // opened, never sent to
            try (CreditGateway gateway = StandaloneCredit.open(ConfigSource.fromMap(config))) {
                assertEquals(gateway.capabilities().sources(), documented.get(column), "expected: what " + provider
                        + (config.containsKey("credit.visa-acceptance.mass-transit") ? " with mass-transit=false" : "")
                        + " declares; was: column " + (column + 1) + " of the README's sources table");
            }
        }
    }
}
