package org.standalonecredit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.api.journal.RequestFingerprint;
import org.standalonecredit.journal.jdbc.JdbcJournalFactory;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.fixtures.TestCards;

class BatchCommandTest {
    /** The outcome of one command line, as {@link CreditCliTest} runs it. */
    private record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "amount,currency,customer_token,reference,transaction_id";

    @TempDir
    Path dir;
    private CybersourceSimulator sim;
    private Path config;
    private Path audit;

    @BeforeEach
    void start() throws IOException {
        sim = CybersourceSimulator.builder().start();
        audit = dir.resolve("audit.jsonl");
        config = dir.resolve("credit.properties");
        Files.writeString(config, String.join("\n",
                "credit.gateway=cybersource",
                "credit.cybersource.base-url=" + sim.baseUrl(),
                "credit.cybersource.merchant-id=" + CybersourceSimulator.DEFAULT_MERCHANT_ID,
                "credit.cybersource.key-id=" + CybersourceSimulator.DEFAULT_KEY_ID,
                "credit.cybersource.secret-key=" + CybersourceSimulator.DEFAULT_SHARED_SECRET,
                // a loaded machine answers slowly; only the scripted rows lose their answer
                "credit.http.response-timeout=10s",
                "credit.retry.backoff=1ms",
                "cli.max-amount.USD=100.00",
                "cli.max-batch-total.USD=1000.00",
                "cli.audit-log=" + audit.toString().replace("\\", "/")));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CreditCli cli = new CreditCli(new BufferedReader(new StringReader(stdin)), new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of(), Clock.systemUTC());
        return new Run(cli.run(args), out.toString(), err.toString());
    }

    private Run batch(Path file, String... more) {
        return batchAnswering("", file, more);
    }

    private Run batchAnswering(String stdin, Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("batch", "--config", config.toString(), "--file", file.toString(),
                "--operator", "alice", "--approval", "APR-9"));
        args.addAll(List.of(more));
        return run(stdin, args.toArray(String[]::new));
    }

    private Path csv(int rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= rows; i++) {
            lines.add("10.00,USD,F45FB3E443AC3C57E053A2598D0A9CFF,R-" + i + ",T-" + i);
        }
        Path file = dir.resolve("credits.csv");
        Files.write(file, lines);
        return file;
    }

    private static List<JsonNode> rows(String out) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            JsonNode n = JSON.readTree(line);
            if (n.get("type").asText().equals("row")) {
                rows.add(n);
            }
        }
        return rows;
    }

    @Test
    void fiveRowsAreCreditedOnceAndARerunReportsThemAsAlreadyDone() throws IOException {
        Path file = csv(5);
        Run first = batch(file, "--yes");
        assertEquals(ExitCodes.SUCCESS, first.exit(), first.all());
        assertEquals(5, sim.ledger().size());
        List<JsonNode> results = rows(first.out());
        assertEquals(5, results.size(), first.out());
        Set<String> keys = new HashSet<>();
        for (JsonNode r : results) {
            assertEquals("credited", r.get("result").asText(), r.toString());
            assertTrue(r.get("sent").asBoolean());
            assertTrue(r.get("gatewayTransactionId").asText().length() > 0, r.toString());
            assertEquals("customer token F45F…9CFF", r.get("source").asText());
            keys.add(r.get("idempotencyKey").asText());
        }
        assertEquals(5, keys.size(), "one key per row");
        assertTrue(first.err().contains("credited") && first.err().contains("50.00 USD"), "the summary table: " + first.err());
        List<String> audited = Files.readAllLines(audit);
        assertEquals(10, audited.size(), "an attempt and an outcome per row");
        int requests = sim.journal().size();

        Run again = batch(file, "--yes");
        assertEquals(ExitCodes.SUCCESS, again.exit(), again.all());
        assertEquals(5, sim.ledger().size(), "nothing credited twice");
        assertEquals(requests, sim.journal().size(), "nothing sent again");
        Set<String> keysAgain = new HashSet<>();
        for (JsonNode r : rows(again.out())) {
            assertEquals("already done", r.get("result").asText(), r.toString());
            assertFalse(r.get("sent").asBoolean());
            keysAgain.add(r.get("idempotencyKey").asText());
        }
        assertEquals(keys, keysAgain, "a re-run finds the same keys");
        assertTrue(again.err().contains("already done") && again.err().contains("50.00 USD"), again.err());
        assertEquals(10, Files.readAllLines(audit).size(), "nothing attempted, nothing audited");
    }

    @Test
    void aRowWhoseAnswerIsLostIsInDoubtAndARerunLooksItUpInsteadOfSendingIt() throws IOException {
        Path file = csv(3);
        sim.script().whenReference("R-2").respond(Behaviour.GATEWAY_TIMEOUT);
        Run first = batch(file, "--yes");
        assertEquals(ExitCodes.UNKNOWN, first.exit(), first.all());
        JsonNode lost = rows(first.out()).stream().filter(r -> r.get("line").asInt() == 3).findFirst().orElseThrow();
        assertEquals("in doubt: run reconcile", lost.get("result").asText(), lost.toString());
        assertEquals("UNKNOWN", lost.get("outcome").asText());
        assertEquals(3, sim.ledger().size(), "the gateway made the credit whose answer was lost");

        // the re-run looks the row in doubt up (the gateway made it), and sends nothing
        sim.script().reset();
        Run again = batch(file, "--yes", "--json");
        assertEquals(ExitCodes.SUCCESS, again.exit(), again.all());
        assertEquals(3, sim.creditRequests().size(), "no row was sent again");
        JsonNode found = rows(again.out()).stream().filter(r -> r.get("line").asInt() == 3).findFirst().orElseThrow();
        assertEquals("already done", found.get("result").asText(), found.toString());
        assertFalse(found.get("sent").asBoolean());
        assertTrue(found.get("note").asText().contains("looked up now: the look-up by transaction id T-2 found"), found.toString());
        assertTrue(again.err().contains("Looked up 1 row(s) an earlier run left in doubt: 1 credited, 0 not credited"), again.err());
        JsonNode summary = JSON.readTree(again.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(3, summary.path("credited").path("rows").asInt(), summary.toString());
        assertEquals(3, summary.path("credited").path("before").asInt(), summary.toString());
        assertEquals("30.00", summary.path("credited").path("amount").path("USD").asText(), summary.toString());
    }

    @Test
    void aRowWhoseProcessDiedBeforeSendingItIsSentByARerunOnlyOnceItsLookUpIsAuthoritative() throws IOException {
        String token = "F45FB3E443AC3C57E053A2598D0A9CFF";
        Path file = dir.resolve("crashed.csv");
        Files.write(file, List.of(HEADER + ",idempotency_key", "10.00,USD," + token + ",R-1,T-1,key-crashed", "10.00,USD," + token + ",R-2,T-2,key-2"));
        CreditRequest crashed = CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.customerToken(token)).merchantReference("R-1")
                .transactionId("T-1").idempotencyKey("key-crashed").build();
        String url = JournalFile.url(JournalFile.besideAuditLog(audit), "test", ExitCodes.CONFIGURATION);
        GatewaySettings settings = GatewaySettings.of(ConfigSource.fromMap(Map.of("credit.journal.url", url)), "credit").scope("journal");
        Instant now = Instant.now();
        try (CreditJournal journal = new JdbcJournalFactory().open(settings)) { // a run that claimed the row's key, then died
            assertTrue(journal.claim(JournalRecord.builder().scope("credit/cybersource").idempotencyKey("key-crashed")
                    .fingerprint(RequestFingerprint.of(crashed)).state(JournalRecord.State.ATTEMPTED).providerId("cybersource")
                    .amount(new BigDecimal("10.00")).currency("USD").merchantReference("R-1").transactionId("T-1").attemptedAt(now).updatedAt(now)
                    .owner("pid 1 (ended)").build()).isGranted());
        }

        // the default ages: the attempt may still be under way elsewhere, and a look-up that finds nothing is not trusted yet
        Run young = batch(file, "--yes", "--json");
        assertEquals(ExitCodes.UNKNOWN, young.exit(), young.all());
        JsonNode held = rows(young.out()).stream().filter(r -> r.get("line").asInt() == 2).findFirst().orElseThrow();
        assertEquals("in doubt: run reconcile", held.get("result").asText(), held.toString());
        assertEquals(1, sim.creditRequests().size(), "only the other row was sent");

        // a gateway whose look-ups are immediate (the simulator): the re-run looks the row up, finds nothing, and sends it
        Files.writeString(config, "\ncli.reconcile.stale-after=1ms\ncli.reconcile.not-found-after=1ms\n", StandardOpenOption.APPEND);
        Run again = batch(file, "--yes", "--json");
        assertEquals(ExitCodes.SUCCESS, again.exit(), again.all());
        assertTrue(again.err().contains("Looked up 1 row(s) an earlier run left in doubt: 0 credited, 1 not credited"), again.err());
        JsonNode sent = rows(again.out()).stream().filter(r -> r.get("line").asInt() == 2).findFirst().orElseThrow();
        assertEquals("credited", sent.get("result").asText(), sent.toString());
        assertEquals(2, sim.creditRequests().size());
        assertEquals(2, sim.ledger().size());

        Files.writeString(config, "\ncli.reconcile.stale-after=soon\n", StandardOpenOption.APPEND);
        Run wrong = batch(file, "--yes");
        assertEquals(ExitCodes.CONFIGURATION, wrong.exit(), wrong.all());
        assertTrue(wrong.err().contains("cli.reconcile.stale-after must be a positive duration such as 5m or 30s"), wrong.err());
    }

    @Test
    void aRowWithACardNumberIsRefusedByItsLineNumberAndNothingOfItIsShown() throws IOException {
        Path file = dir.resolve("cards.csv");
        String spaced = TestCards.VISA.replaceAll("(\\d{4})", "$1 ").trim();
        Files.write(file, List.of(HEADER, "10.00,USD,C1,R-1,T-1", "10.00,USD,C2,\"" + spaced + "\",T-2", "10.00,USD," + TestCards.VISA + ",R-3,T-3"));
        Run r = batch(file, "--yes");
        assertEquals(ExitCodes.INVALID_INPUT, r.exit(), r.all());
        assertTrue(r.err().contains("line 3: a card number is not accepted"), r.err());
        assertTrue(r.err().contains("line 4: a card number is not accepted"), r.err());
        assertTrue(r.err().contains("nothing was sent"), r.err());
        String digitsShown = r.all().replaceAll("[^0-9]", "");
        assertFalse(digitsShown.contains(TestCards.VISA.substring(0, 6)), r.all());
        assertFalse(r.all().contains(TestCards.VISA.substring(12)), r.all());
        assertEquals(0, sim.journal().size());
    }

    @Test
    void twentyRowsFourAtATimeAreTwentyCredits() throws IOException {
        Path file = csv(20);
        Run r = batch(file, "--yes", "--parallel", "4", "--json");
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        assertEquals(20, sim.ledger().size());
        List<JsonNode> results = rows(r.out());
        assertEquals(20, results.size());
        assertEquals(20, results.stream().map(n -> n.get("line").asInt()).distinct().count());
        String[] lines = r.out().strip().split("\n");
        JsonNode summary = JSON.readTree(lines[lines.length - 1]);
        assertEquals("summary", summary.get("type").asText());
        assertEquals(20, summary.get("results").get("credited").get("rows").asInt());
        assertEquals("200.00", summary.get("results").get("credited").get("amount").get("USD").asText());
        assertTrue(r.err().contains("progress: 20 of 20 credit(s) sent"), "plain progress lines when not a terminal: " + r.err());
    }

    @Test
    void theWholeBatchIsConfirmedOnceAndItsTotalIsCapped() throws IOException {
        Path file = csv(5);
        Run refused = batchAnswering("no\n", file);
        assertEquals(ExitCodes.INVALID_INPUT, refused.exit(), refused.all());
        assertTrue(refused.err().contains("About to send 5 credit(s) from credits.csv through cybersource, in all 50.00 USD"), refused.err());
        assertEquals(0, sim.journal().size());

        Files.writeString(config, Files.readString(config).replace("cli.max-batch-total.USD=1000.00", "cli.max-batch-total.USD=40.00"));
        Run over = batch(file, "--yes");
        assertEquals(ExitCodes.INVALID_INPUT, over.exit(), over.all());
        assertTrue(over.err().contains("total of 50.00 USD is over the maximum of 40.00 USD (cli.max-batch-total.USD)"), over.err());
        assertEquals(0, sim.journal().size());

        Files.writeString(config, Files.readString(config).replace("cli.max-batch-total.USD=40.00", "cli.max-batch-total.USD=50.00"));
        Run sent = batchAnswering("yes\n", file, "--out", dir.resolve("results.jsonl").toString());
        assertEquals(ExitCodes.SUCCESS, sent.exit(), sent.all());
        assertEquals(5, rows(Files.readString(dir.resolve("results.jsonl"))).size());
        assertTrue(sent.out().contains("credited") && sent.out().contains("50.00 USD"), "the table on stdout with --out: " + sent.out());
    }

    @Test
    void aJsonLinesFileWithABadRowSendsNothingAndNamesTheLine() throws IOException {
        Path file = dir.resolve("credits.jsonl");
        Files.write(file, List.of("{\"amount\":\"10.00\",\"currency\":\"USD\",\"customerToken\":\"C1\",\"reference\":\"J-1\"}",
                "{\"amount\":\"500.00\",\"currency\":\"USD\",\"customerToken\":\"C2\",\"reference\":\"J-2\"}"));
        Run r = batch(file, "--yes");
        assertEquals(ExitCodes.INVALID_INPUT, r.exit(), r.all());
        assertTrue(r.err().contains("line 2: amount 500.00 USD is over the maximum of 100.00 USD"), r.err());
        assertEquals(0, sim.journal().size());

        Files.write(file, List.of("{\"amount\":\"10.00\",\"currency\":\"USD\",\"customerToken\":\"C1\",\"reference\":\"J-1\"}",
                "{\"amount\":\"20.00\",\"currency\":\"USD\",\"payment_instrument\":\"PI-2\",\"reference\":\"J-2\",\"idempotency_key\":\"own-key-2\"}"));
        Run ok = batch(file, "--yes");
        assertEquals(ExitCodes.SUCCESS, ok.exit(), ok.all());
        List<JsonNode> results = rows(ok.out());
        assertEquals("own-key-2", results.stream().filter(n -> n.get("line").asInt() == 2).findFirst().orElseThrow().get("idempotencyKey").asText());
        assertNotEquals("own-key-2", results.stream().filter(n -> n.get("line").asInt() == 1).findFirst().orElseThrow().get("idempotencyKey").asText());
        assertEquals(2, sim.ledger().size());
    }

    @Test
    void aDefaultKeyDependsOnTheFileAndTheRowsContentNotItsLine() {
        String a = BatchFile.defaultKey("/x/credits.csv", "{amount=10.00}", 1);
        assertEquals(a, BatchFile.defaultKey("/x/credits.csv", "{amount=10.00}", 1));
        assertNotEquals(a, BatchFile.defaultKey("/x/credits.csv", "{amount=10.00}", 2), "two identical rows are two credits");
        assertNotEquals(a, BatchFile.defaultKey("/y/credits.csv", "{amount=10.00}", 1));
        assertTrue(a.length() <= 64, a);
    }
}
