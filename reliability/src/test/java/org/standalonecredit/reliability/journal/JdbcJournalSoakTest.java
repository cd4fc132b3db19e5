package org.standalonecredit.reliability.journal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.standalonecredit.testkit.reliability.Soak;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;
import org.standalonecredit.testkit.reliability.support.Canaries;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * The short soak (300 credits from 8 callers, ~5 % seeded faults) through each provider with the JDBC journal, on an
 * H2 file and, when one is configured, on PostgreSQL: the soak's own checks (no credit twice, every UNKNOWN resolved by
 * the follow-up, no leaked connection, thread or canary; every journal record says what its caller was told, none
 * left ATTEMPTED or claiming a credit the ledger lacks, and the reconciler settles those in doubt as the ledger says),
 * then a leak scan of the journal's table as the database holds it: no text column of any row holds the canary card
 * number, its security code, a SHA-256 of the card number, or a configured secret.
 */
class JdbcJournalSoakTest {
    private static final long SEED = 20_261_223L;
    private static final int CREDITS = 300;

    @ParameterizedTest(name = "{0} on an H2 file")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void h2File(ProviderUnderTest provider, @TempDir Path dir) throws Exception {
        soak(provider, JournalDatabases.h2File(dir, "soak", ""));
    }

    @ParameterizedTest(name = "{0} on PostgreSQL")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void postgresql(ProviderUnderTest provider) throws Exception {
        Map<String, String> keys = JournalDatabases.postgresql("soak");
        try {
            // the driver makes a java.lang.ref.Cleaner on first use, whose thread lives as long as the JVM: before the
            // soak's thread watch, which must see only the journal's own threads end; creates the empty table too
            JournalDatabases.open(keys).close();
            soak(provider, keys);
        } finally {
            JournalDatabases.dropIfPostgresql(keys);
        }
    }

    private static void soak(ProviderUnderTest provider, Map<String, String> journalKeys) throws Exception {
        Soak.of(provider.subject()).credits(CREDITS).callers(8).seed(SEED + provider.index()).withLogScan()
                .journal(() -> JournalDatabases.open(journalKeys)).run();

        List<String> secrets = new ArrayList<>(provider.configuredSecrets());
        secrets.add(sha256(Canaries.PAN)); // a hash of a whole card number can be searched back to it
        CanaryScanner scanner = new CanaryScanner(secrets);
        int[] scanned = JournalDatabases.scanTable(journalKeys, scanner);
        assertAll("the journal table after the soak of " + provider,
                () -> assertEquals(CREDITS, scanned[0], "rows: one record per credit"),
                () -> assertTrue(scanned[1] >= CREDITS * 5, "text values scanned: " + scanned[1]),
                () -> assertEquals(0, scanner.hits(), "canaries in the journal table: " + scanner.describeHits()));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
