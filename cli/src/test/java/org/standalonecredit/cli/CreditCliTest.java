package org.standalonecredit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.standalonecredit.simulator.fixtures.TestCards;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.api.journal.Reconciler;
import org.standalonecredit.journal.jdbc.JdbcJournalFactory;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.MutableClock;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

class CreditCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAN = TestCards.VISA;

    @TempDir
    Path dir;
    private Clock clock = Clock.systemUTC();
    private CybersourceSimulator sim;
    private Path config;
    private Path audit;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void start() throws IOException {
        sim = CybersourceSimulator.builder().start();
        audit = dir.resolve("audit.jsonl");
        config = writeConfig(sim.baseUrl());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Path writeConfig(String baseUrl, String... more) throws IOException {
        Path file = dir.resolve("credit-" + System.nanoTime() + ".properties");
        List<String> lines = new ArrayList<>(List.of(
                "credit.gateway=cybersource",
                "credit.cybersource.base-url=" + baseUrl,
                "credit.cybersource.merchant-id=" + CybersourceSimulator.DEFAULT_MERCHANT_ID,
                "credit.cybersource.key-id=" + CybersourceSimulator.DEFAULT_KEY_ID,
                "credit.cybersource.secret-key=" + CybersourceSimulator.DEFAULT_SHARED_SECRET,
                "credit.retry.backoff=1ms",
                "cli.max-amount.USD=100.00",
                "cli.audit-log=" + audit.toString().replace("\\", "/")));
        lines.addAll(List.of(more));
        Files.writeString(file, String.join("\n", lines));
        return file;
    }

    private Run run(String stdin, String... args) {
        return run(AuditLog.FILES, stdin, args);
    }

    private Run run(AuditLog.Opener auditOpener, String stdin, String... args) {
        return run(auditOpener, null, stdin, args);
    }

    private Run run(AuditLog.Opener auditOpener, HiddenPrompt terminal, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CreditCli cli = new CreditCli(new BufferedReader(new StringReader(stdin)), new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of(), clock, auditOpener);
        cli.hidden = terminal;
        int exit = cli.run(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A terminal whose unechoed answers are {@code typed}, in order; it records the prompts and keeps the arrays it gave. */
    private static final class TypedAtTerminal implements HiddenPrompt {
        final List<String> prompts = new java.util.ArrayList<>();
        final List<char[]> given = new java.util.ArrayList<>();
        private final java.util.Iterator<String> typed;

        TypedAtTerminal(String... typed) {
            this.typed = List.of(typed).iterator();
        }

        @Override
        public char[] read(String prompt) {
            prompts.add(prompt);
            char[] answer = typed.hasNext() ? typed.next().toCharArray() : null;
            given.add(answer);
            return answer;
        }
    }

    /** How the audit file misbehaves on one open. */
    enum Fault {
        CANNOT_OPEN,
        /** A full disk: part of the record is written, then the write fails. */
        DISK_FULL_MID_RECORD,
        /** Part of the record is written, then writes take nothing (a short write). */
        SHORT_WRITE,
        /** Every write takes at most 7 bytes, as a channel may: the record must still be complete. */
        SMALL_WRITES
    }

    /** The real audit file, except that its {@code nthOpen} open (1: the attempt record, 2: the outcome) has {@code fault}. */
    private static AuditLog.Opener faultOn(int nthOpen, Fault fault) {
        java.util.concurrent.atomic.AtomicInteger opens = new java.util.concurrent.atomic.AtomicInteger();
        return file -> {
            java.nio.channels.WritableByteChannel real = AuditLog.FILES.open(file);
            if (opens.incrementAndGet() != nthOpen) {
                return real;
            }
            if (fault == Fault.CANNOT_OPEN) {
                real.close();
                throw new java.nio.file.AccessDeniedException(file.toString());
            }
            return new java.nio.channels.WritableByteChannel() {
                private int calls;

                @Override
                public int write(java.nio.ByteBuffer src) throws IOException {
                    calls++;
                    if (calls > 1 && fault != Fault.SMALL_WRITES) {
                        if (fault == Fault.DISK_FULL_MID_RECORD) {
                            throw new IOException("No space left on device");
                        }
                        return 0;
                    }
                    int n = fault == Fault.SMALL_WRITES ? Math.min(7, src.remaining()) : src.remaining() / 2;
                    java.nio.ByteBuffer part = src.duplicate();
                    part.limit(part.position() + n);
                    int written = real.write(part);
                    src.position(src.position() + written);
                    return written;
                }

                @Override
                public boolean isOpen() {
                    return real.isOpen();
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        };
    }

    /** The credit command with default options; {@code extra} adds flags or replaces an option's value. */
    private String[] credit(String... extra) {
        java.util.LinkedHashMap<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--config", config.toString());
        options.put("--customer-token", "F45FB3E443AC3C57E053A2598D0A9CFF");
        options.put("--amount", "10.00");
        options.put("--currency", "USD");
        options.put("--reference", "REF-1");
        options.put("--operator", "alice");
        options.put("--approval", "APR-7");
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < extra.length; i++) {
            if (i + 1 < extra.length && !extra[i + 1].startsWith("--")) {
                options.put(extra[i], extra[++i]);
            } else {
                flags.add(extra[i]);
            }
        }
        List<String> args = new ArrayList<>(List.of("credit"));
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.addAll(flags);
        return args.toArray(String[]::new);
    }

    private List<JsonNode> auditRecords() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(audit)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void aCreditIsSentAuditedInTwoPhasesAndPrinted() throws IOException {
        AtomicReference<List<String>> auditWhenTheRequestArrived = new AtomicReference<>();
        sim.script().when("read the audit log as the request arrives", facts -> {
            try {
                auditWhenTheRequestArrived.set(Files.readAllLines(audit));
            } catch (IOException e) {
                auditWhenTheRequestArrived.set(List.of());
            }
            return false;
        }).respond(Behaviour.PENDING);

        Run r = run("", credit("--yes", "--idempotency-key", "key-123"));

        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        assertTrue(r.out().contains("PENDING_SETTLEMENT"), r.out());
        assertEquals(1, sim.ledger().size());
        assertEquals(1, auditWhenTheRequestArrived.get().size(), "the attempt must be on disk before the request is sent");
        List<JsonNode> records = auditRecords();
        assertEquals(2, records.size());
        assertEquals("attempt", records.get(0).get("phase").asText());
        assertEquals("alice", records.get(0).get("operator").asText());
        assertEquals("APR-7", records.get(0).get("approval").asText());
        assertEquals("10.00", records.get(0).get("amount").asText());
        assertEquals("outcome", records.get(1).get("phase").asText());
        assertEquals("PENDING_SETTLEMENT", records.get(1).get("outcome").asText());
        assertEquals("key-123", records.get(0).get("idempotencyKey").asText());
        assertEquals("key-123", records.get(1).get("idempotencyKey").asText());
    }

    @Test
    void anAttemptThatCannotBeAuditedIsNotSent() {
        for (Fault fault : List.of(Fault.CANNOT_OPEN, Fault.DISK_FULL_MID_RECORD, Fault.SHORT_WRITE)) {
            Run r = run(faultOn(1, fault), "", credit("--yes", "--idempotency-key", "key-123"));
            assertEquals(ExitCodes.CONFIGURATION, r.exit(), fault + ": " + r.all());
            assertTrue(r.err().contains("cannot write the audit log") && r.err().contains("nothing was sent"), r.err());
            assertEquals(0, sim.journal().size(), fault + ": nothing may be sent without an attempt record");
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Fault.class, names = {"CANNOT_OPEN", "DISK_FULL_MID_RECORD", "SHORT_WRITE"})
    void anOutcomeThatCannotBeAuditedIsStillShownWithItsOwnExitCode(Fault fault) throws IOException {
        for (boolean json : List.of(false, true)) {
            // a key of its own per fault: the JVM-wide credit journal would not send a key of an earlier run again
            String key = "key-" + fault + "-" + json;
            Run r = run(faultOn(2, fault), "", json ? credit("--yes", "--json", "--idempotency-key", key)
                    : credit("--yes", "--idempotency-key", key));
            assertEquals(ExitCodes.OUTCOME_NOT_AUDITED, r.exit(), fault + ": " + r.all());
            if (json) {
                assertEquals("PENDING_SETTLEMENT", JSON.readTree(r.out()).get("outcome").asText(), r.out());
            } else {
                assertTrue(r.out().contains("Outcome:          PENDING_SETTLEMENT"), r.out());
            }
            assertTrue(r.err().contains("the credit's outcome is PENDING_SETTLEMENT but was not recorded in the audit log"), r.err());
            assertTrue(r.err().contains(key), "the key to reconcile by: " + r.err());
            assertFalse(r.err().contains("nothing was sent"), r.err());
        }
        assertEquals(2, sim.ledger().size());
    }

    @Test
    void aRecordWrittenInSmallPiecesIsWhole() throws IOException {
        Run r = run(faultOn(1, Fault.SMALL_WRITES), "", credit("--yes", "--idempotency-key", "key-123"));
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        r = run(faultOn(1, Fault.SMALL_WRITES), "", credit("--yes", "--idempotency-key", "key-456"));
        List<JsonNode> records = auditRecords();
        assertEquals(4, records.size());
        assertEquals("attempt", records.get(0).get("phase").asText());
        assertEquals("10.00", records.get(0).get("amount").asText());
        assertEquals("key-456", records.get(2).get("idempotencyKey").asText());
    }

    @Test
    void aProviderRuleRefusalIsNotAnAttempt() {
        // 31 characters: the neutral request allows it, Cybersource's rule (30) refuses it before any I/O
        Run r = run("", credit("--yes", "--transaction-id", "t".repeat(31)));
        assertEquals(ExitCodes.INVALID_INPUT, r.exit(), r.all());
        assertTrue(r.err().contains("transactionId: must be at most 30 characters"), r.err());
        assertEquals(0, sim.journal().size());
        assertFalse(Files.exists(audit), "a request refused before sending is not an attempt");
    }

    /** A gateway that answers every request with one scripted status and body, whatever it was asked. */
    private static final class HostileGateway implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private volatile int status;
        private volatile String body;

        HostileGateway() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        HostileGateway answer(int status, String body) {
            this.status = status;
            this.body = body;
            return this;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Text a hostile gateway puts in every field it echoes: a card number, and a sequence that erases the terminal line. */
    private static final String ECHO = TestCards.VISA + "\\r\\u001b[2K\\u202e";

    static List<String> hostileAnswers() {
        String links = ",\"_links\":{\"void\":{\"href\":\"/pts/v2/credits/" + ECHO + "/voids\"},\"self\":{\"href\":\"/" + ECHO + "\"}}";
        String tokens = ",\"paymentInformation\":{\"customer\":{\"id\":\"" + ECHO + "\"},\"card\":{\"type\":\"" + ECHO + "\"}}";
        String processor = ",\"processorInformation\":{\"approvalCode\":\"" + ECHO + "\",\"responseCode\":\"" + ECHO + "\"}";
        String error = "\"errorInformation\":{\"reason\":\"" + ECHO + "\",\"message\":\"" + ECHO + "\",\"details\":[{\"field\":\""
                + ECHO + "\",\"reason\":\"" + ECHO + "\"}]}";
        return List.of(
                "201 {\"id\":\"" + ECHO + "\",\"status\":\"PENDING\",\"reconciliationId\":\"" + ECHO + "\"" + processor + tokens + links
                        + ",\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"}}",
                "201 {\"id\":\"" + ECHO + "\",\"status\":\"" + ECHO + "\",\"reconciliationId\":\"" + ECHO + "\"" + processor + tokens + links + "}",
                "201 {\"id\":\"" + ECHO + "\",\"status\":\"DECLINED\"," + error + processor + "}",
                "400 {\"status\":\"INVALID_REQUEST\",\"reason\":\"" + ECHO + "\",\"message\":\"" + ECHO + "\",\"details\":[{\"field\":\""
                        + ECHO + "\",\"reason\":\"" + ECHO + "\"}]}",
                "502 {\"id\":\"" + ECHO + "\",\"status\":\"SERVER_ERROR\",\"reason\":\"" + ECHO + "\",\"message\":\"" + ECHO + "\"}");
    }

    private void assertShownSafely(Run r, String... more) throws IOException {
        List<String> texts = new ArrayList<>(List.of(r.out(), r.err(), Files.exists(audit) ? Files.readString(audit) : ""));
        texts.addAll(List.of(more));
        for (String text : texts) {
            assertFalse(text.contains(TestCards.VISA), "a card number was shown: " + text);
            assertFalse(text.chars().anyMatch(c -> c == '\r' || c == 0x1b || c == 0x202e), "an unescaped control character was shown: " + text);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("hostileAnswers")
    void whatAHostileGatewayEchoesIsMaskedAndEscapedEverywhere(String answer) throws IOException {
        try (HostileGateway hostile = new HostileGateway().answer(Integer.parseInt(answer.substring(0, 3)), answer.substring(4))) {
            config = writeConfig(hostile.baseUrl());
            Run table = run("", credit("--yes", "--idempotency-key", "key-table"));
            Run json = run("", credit("--yes", "--json", "--idempotency-key", "key-json"));
            assertTrue(table.out().contains("Outcome:"), table.all());
            assertTrue(table.out().contains("411111******1111"), "shown masked: " + table.out());
            assertTrue(table.out().contains("\\u001B[2K"), "shown escaped: " + table.out());
            JsonNode parsed = JSON.readTree(json.out());
            assertTrue(parsed.toString().contains("411111******1111"), parsed.toString());
            assertEquals(4, auditRecords().size());
            assertShownSafely(table, json.out());
            assertShownSafely(json);
        }
    }

    @Test
    void whatAHostileGatewayEchoesToAVoidIsMaskedAndEscaped() throws IOException {
        assertFollowUpShownSafely("void", 201, "{\"id\":\"" + ECHO + "\",\"status\":\"VOIDED\"}");
    }

    @Test
    void whatAHostileGatewayAnswersToAStatusLookUpIsMaskedAndEscaped() throws IOException {
        assertFollowUpShownSafely("status", 200, "{\"id\":\"" + ECHO + "\",\"status\":\"" + ECHO + "\","
                + "\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"10.00\",\"currency\":\"" + ECHO + "\"}},"
                + "\"clientReferenceInformation\":{\"code\":\"" + ECHO + "\",\"transactionId\":\"" + ECHO + "\"}}");
    }

    private void assertFollowUpShownSafely(String command, int status, String answer) throws IOException {
        try (HostileGateway hostile = new HostileGateway().answer(status, answer)) {
            config = writeConfig(hostile.baseUrl());
            for (boolean json : List.of(false, true)) {
                List<String> args = new ArrayList<>(List.of(command, "--config", config.toString(), "--gateway-transaction-id", "123"));
                if (command.equals("void")) {
                    args.addAll(List.of("--operator", "alice", "--approval", "APR-7", "--yes"));
                }
                if (json) {
                    args.add("--json");
                }
                Run r = run("", args.toArray(String[]::new));
                assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
                assertTrue(r.out().contains("411111******1111"), r.out());
                assertShownSafely(r);
            }
        }
    }

    @Test
    void aCardNumberTypedAsAReferenceIsMaskedInThePromptTheOutputAndTheAudit() throws IOException {
        Run r = run("yes\n", credit("--reference", TestCards.VISA));
        Run json = run("", credit("--yes", "--json", "--reference", TestCards.VISA));
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        assertTrue(r.err().contains("reference 411111******1111"), r.err());
        assertEquals(2, sim.ledger().size());
        assertEquals(4, auditRecords().size());
        assertShownSafely(r);
        assertShownSafely(json);
    }

    @Test
    void anOperatorsTextInAnErrorIsMaskedAndEscaped() throws IOException {
        Run unknownOption = run("", credit("--yes", "--card", TestCards.VISA));
        assertEquals(ExitCodes.INVALID_INPUT, unknownOption.exit(), unknownOption.all());
        assertTrue(unknownOption.err().contains("411111******1111"), unknownOption.err());
        Run unmatched = run("", "status", "--config", config.toString(), "--reference", "R", TestCards.VISA + "\u001b[2K");
        assertEquals(ExitCodes.INVALID_INPUT, unmatched.exit(), unmatched.all());
        Run unknownProvider = run("", credit("--yes", "--provider", TestCards.VISA + "\r\u202e"));
        assertEquals(ExitCodes.CONFIGURATION, unknownProvider.exit(), unknownProvider.all());
        assertTrue(unknownProvider.err().contains("\\u000D\\u202E"), unknownProvider.err());
        for (Run r : List.of(unknownOption, unmatched, unknownProvider)) {
            assertShownSafely(r);
        }
        assertEquals(0, sim.journal().size());
    }

    @Test
    void aCardNumberReadFromStdinAppearsNowhere() throws IOException {
        Run r = run(PAN + "\n737\n", "credit", "--config", config.toString(), "--card-from-stdin", "--expiry", "12/2031", "--brand", "VISA",
                "--amount", "10.00", "--currency", "USD", "--operator", "alice", "--approval", "APR-7", "--yes", "--json");
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        assertEquals(1, sim.ledger().size());
        String auditText = Files.readString(audit);
        for (String text : List.of(r.out(), r.err(), auditText)) {
            assertFalse(text.contains(PAN), text);
            assertFalse(text.contains("737\""), text);
        }
        assertTrue(auditText.contains("****1111"), auditText);
        assertEquals("PENDING_SETTLEMENT", JSON.readTree(r.out()).get("outcome").asText());
    }

    @Test
    void atATerminalTheCardIsAskedForUnechoedAndClearedOnceRead() throws IOException {
        TypedAtTerminal terminal = new TypedAtTerminal(PAN, "737");
        Run r = run(AuditLog.FILES, terminal, "", "credit", "--config", config.toString(), "--card-from-stdin", "--expiry", "12/2031",
                "--brand", "VISA", "--amount", "10.00", "--currency", "USD", "--operator", "alice", "--approval", "APR-7", "--yes", "--json");
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        assertEquals(1, sim.ledger().size());
        assertEquals(List.of("Card number (not shown): ", "Security code, or Enter for none (not shown): "), terminal.prompts);
        for (char[] typed : terminal.given) {
            assertEquals(typed.length, new String(typed).chars().filter(c -> c == 0).count(), "what was typed is cleared once read");
        }
        String auditText = Files.readString(audit);
        for (String text : List.of(r.out(), r.err(), auditText)) {
            assertFalse(text.contains(PAN), text);
        }
        assertEquals("PENDING_SETTLEMENT", JSON.readTree(r.out()).get("outcome").asText());
    }

    @Test
    void atATerminalWhatIsNotACardIsRefusedUnshownAndNothingIsSent() throws IOException {
        for (String[] typed : List.of(new String[] {"4111-1111-oops"}, new String[] {PAN, "73x"}, new String[] {""}, new String[0])) {
            Run r = run(AuditLog.FILES, new TypedAtTerminal(typed), "", "credit", "--config", config.toString(), "--card-from-stdin",
                    "--expiry", "12/2031", "--brand", "VISA", "--amount", "10.00", "--currency", "USD", "--operator", "alice",
                    "--approval", "APR-7", "--yes");
            assertEquals(ExitCodes.INVALID_INPUT, r.exit(), r.all());
            assertTrue(r.err().contains("--card-from-stdin:"), r.err());
            assertTrue(r.err().contains("Nothing was sent."), r.err());
            for (String t : typed) {
                assertFalse(!t.isEmpty() && r.all().contains(t), r.all());
            }
        }
        assertEquals(0, sim.journal().size());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void anOperatorNotAllowedHasItsOwnExitCodeAndNothingIsSent() throws IOException {
        Path allowList = writeConfig(sim.baseUrl(), "cli.operators=bob, carol");
        Run r = run("", credit("--config", allowList.toString(), "--yes"));
        assertEquals(ExitCodes.OPERATOR_NOT_ALLOWED, r.exit(), r.all());
        assertTrue(r.err().contains("operator 'alice' is not in cli.operators"), r.err());
        assertEquals(0, sim.journal().size());
    }

    @Test
    void aSimulatorPortInUseIsAOneLineErrorWithItsOwnCode() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run r = run("", "simulator", "--cybersource-port", Integer.toString(taken.getLocalPort()), "--commercehub-port", "0", "--for", "1s");
            assertEquals(ExitCodes.PORT_IN_USE, r.exit(), r.all());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("already in use"), r.err());
        }
    }

    @Test
    void withoutAnyConfigurationTheToolSaysSo() {
        Run r = run("", "credit", "--customer-token", "C1", "--amount", "10.00", "--currency", "USD", "--operator", "alice",
                "--approval", "APR-7", "--yes");
        assertEquals(ExitCodes.CONFIGURATION, r.exit(), r.all());
        assertTrue(r.err().contains("no configuration was given: pass --config FILE"), r.err());
        assertEquals(0, sim.journal().size());
    }

    @Test
    void providersAsJsonLines() throws IOException {
        Run r = run("", "providers", "--json");
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        List<String> ids = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            ids.add(JSON.readTree(line).get("id").asText());
        }
        assertTrue(ids.containsAll(List.of("cybersource", "visa-acceptance", "commerce-hub")), ids.toString());
        assertTrue(r.out().contains("\"credit.cybersource.authentication\""), r.out());
    }

    @Test
    void aLowerCaseCurrencyIsTakenAsTheIsoCode() {
        Run r = run("", credit("--currency", "usd", "--yes", "--json"));
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void withoutYesTheOperatorMustConfirm() {
        Run refused = run("no\n", credit());
        assertEquals(ExitCodes.INVALID_INPUT, refused.exit());
        assertTrue(refused.err().contains("About to credit 10.00 USD to customer token F45F…9CFF through cybersource"), refused.err());
        assertTrue(refused.err().contains("not confirmed: nothing was sent"), refused.err());
        assertEquals(0, sim.journal().size());
        assertFalse(Files.exists(audit), "nothing is audited when nothing is attempted");

        Run confirmed = run("yes\n", credit());
        assertEquals(ExitCodes.SUCCESS, confirmed.exit(), confirmed.all());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aReferenceThatWouldRewriteThePromptIsRefusedBeforeAsking() {
        Run r = run("yes\n", credit("--amount", "90.00", "--reference", "R\r\u001b[2KAbout to credit 1.00 USD"));
        assertEquals(ExitCodes.INVALID_INPUT, r.exit(), r.all());
        assertTrue(r.err().contains("merchantReference: must not contain control characters"), r.err());
        assertFalse(r.err().contains("About to credit 90.00"), "no prompt for a refused request: " + r.err());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertEquals(0, sim.journal().size());
    }

    @Test
    void operatorAndApprovalAreRequired() {
        Run r = run("", "credit", "--config", config.toString(), "--customer-token", "C1", "--amount", "10.00", "--currency", "USD", "--yes");
        assertEquals(ExitCodes.INVALID_INPUT, r.exit());
        assertTrue(r.err().startsWith("error: Missing required options: '--operator=ID', '--approval=REF'"), r.err());
        Run blank = run("", credit("--yes", "--approval", " "));
        assertEquals(ExitCodes.INVALID_INPUT, blank.exit());
        assertEquals("error: --approval is required: the reference of the reviewed approval for this credit", blank.err().strip());
        assertEquals(0, sim.journal().size());
    }

    // --- card and confirmation on standard input ---------------------------------------------------------------------

    private static String[] cardFromStdin() {
        return new String[] {"credit", "--config", "CONFIG", "--card-from-stdin", "--expiry", "12/2031", "--brand", "VISA", "--amount", "10.00",
                "--currency", "USD", "--operator", "alice", "--approval", "APR-7"};
    }

    private Run creditWithCardOnStdin(String stdin) {
        String[] args = cardFromStdin();
        args[2] = config.toString();
        return run(stdin, args);
    }

    @Test
    void theCardComesFirstOnStdinAndABlankLineEndsItBeforeTheConfirmation() throws IOException {
        Run confirmed = creditWithCardOnStdin(PAN + "\n737\n\nyes\n");
        assertEquals(ExitCodes.SUCCESS, confirmed.exit(), confirmed.all());
        assertTrue(confirmed.err().contains("About to credit 10.00 USD to card ****1111"), confirmed.err());
        Run withoutCode = creditWithCardOnStdin(PAN + "\n\ny\n");
        assertEquals(ExitCodes.SUCCESS, withoutCode.exit(), withoutCode.all());
        assertEquals(2, sim.ledger().size());

        // the answer before the card, or no blank line between them: refused before the prompt, nothing read is shown
        Run answerFirst = creditWithCardOnStdin("y\n" + PAN + "\n");
        assertEquals(ExitCodes.INVALID_INPUT, answerFirst.exit(), answerFirst.all());
        assertTrue(answerFirst.err().contains("--card-from-stdin: the first line of standard input is not a card number"), answerFirst.err());
        Run noBlankLine = creditWithCardOnStdin(PAN + "\ny\n");
        assertEquals(ExitCodes.INVALID_INPUT, noBlankLine.exit(), noBlankLine.all());
        assertTrue(noBlankLine.err().contains("neither its security code (3 or 4 digits) nor the blank line that ends the card"), noBlankLine.err());
        Run codeThenAnswer = creditWithCardOnStdin(PAN + "\n737\nyes\n");
        assertEquals(ExitCodes.INVALID_INPUT, codeThenAnswer.exit(), codeThenAnswer.all());
        assertTrue(codeThenAnswer.err().contains("the security code is not followed by the blank line that ends the card"), codeThenAnswer.err());
        for (Run refused : List.of(answerFirst, noBlankLine, codeThenAnswer)) {
            assertTrue(refused.err().contains(SourceOptions.STDIN_RULE + " Nothing was sent."), refused.err());
            assertFalse(refused.err().contains("About to"), "no prompt: " + refused.err());
            assertFalse(refused.all().contains("737"), refused.all());
            assertShownSafely(refused);
        }
        assertShownSafely(confirmed);
        assertEquals(2, sim.ledger().size(), "nothing more was credited");
    }

    // --- errors as JSON ------------------------------------------------------------------------------------------------

    /** One error case: the command line, and what its error must say. */
    private record ErrorCase(String name, String stdin, String[] args, int exit, String kind, String field) {
    }

    private List<ErrorCase> errorCases() throws IOException {
        Path allowList = writeConfig(sim.baseUrl(), "cli.operators=bob");
        Path batchFile = dir.resolve("refused.csv");
        Files.write(batchFile, List.of("amount,currency,customer_token,reference", "10.00,USD,C1,R-1", "10.00,USD," + PAN + ",R-2"));
        Path batchConfig = writeConfig(sim.baseUrl(), "cli.max-batch-total.USD=100.00");
        String[] noConfig = {"credit", "--customer-token", "C1", "--amount", "10.00", "--currency", "USD", "--operator", "alice", "--approval",
                "APR-7", "--yes"};
        return List.of(
                new ErrorCase("no configuration", "", noConfig, ExitCodes.CONFIGURATION, CliError.CONFIGURATION, "--config"),
                new ErrorCase("unreadable configuration", "", credit("--yes", "--config", dir.resolve("missing.properties").toString()),
                        ExitCodes.CONFIGURATION, CliError.CONFIGURATION, "--config"),
                new ErrorCase("invalid request field", "", credit("--yes", "--amount", "10.001"), ExitCodes.INVALID_INPUT, CliError.INVALID_REQUEST,
                        "amount.value"),
                new ErrorCase("approval missing", "", java.util.Arrays.stream(credit("--yes")).filter(a -> !a.equals("--approval") && !a.equals("APR-7"))
                        .toArray(String[]::new), ExitCodes.INVALID_INPUT, CliError.INVALID_OPTION, "--approval"),
                new ErrorCase("unknown option holding a card", "", credit("--yes", "--card", PAN), ExitCodes.INVALID_INPUT, CliError.INVALID_OPTION, null),
                new ErrorCase("operator not allowed", "", credit("--yes", "--config", allowList.toString()), ExitCodes.OPERATOR_NOT_ALLOWED,
                        CliError.OPERATOR_NOT_ALLOWED, "--operator"),
                new ErrorCase("not confirmed", "no\n", credit(), ExitCodes.INVALID_INPUT, CliError.NOT_CONFIRMED, null),
                new ErrorCase("over the maximum", "", credit("--yes", "--amount", "100.01"), ExitCodes.INVALID_INPUT, CliError.OVER_LIMIT,
                        "cli.max-amount.USD"),
                new ErrorCase("unknown gateway", "", credit("--yes", "--provider", "stripe"), ExitCodes.CONFIGURATION, CliError.UNKNOWN_PROVIDER, null),
                new ErrorCase("card on stdin after the answer", "y\n" + PAN + "\n", cardFromStdin(), ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT,
                        "--card-from-stdin"),
                new ErrorCase("status of an unknown gateway", "", new String[] {"status", "--config", config.toString(), "--provider", "stripe",
                        "--reference", "R"}, ExitCodes.CONFIGURATION, CliError.UNKNOWN_PROVIDER, null),
                new ErrorCase("void without an operator", "", new String[] {"void", "--config", config.toString(), "--transaction-id", "T-1",
                        "--approval", "A", "--yes"}, ExitCodes.INVALID_INPUT, CliError.INVALID_OPTION, "--operator"),
                new ErrorCase("reconcile with a bad limit", "", new String[] {"reconcile", "--config", config.toString(), "--limit", "0"},
                        ExitCodes.INVALID_INPUT, CliError.INVALID_INPUT, "--limit"),
                new ErrorCase("batch with a card number", "", new String[] {"batch", "--config", batchConfig.toString(), "--file", batchFile.toString(),
                        "--operator", "alice", "--approval", "APR-9", "--yes"}, ExitCodes.INVALID_INPUT, CliError.INVALID_ROWS, "--file"));
    }

    @Test
    void withJsonEveryErrorIsOneJsonObjectOnStdoutWithTheSameExitCode() throws IOException {
        for (ErrorCase c : errorCases()) {
            String[] args = c.args().clone();
            if (args.length > 2 && args[2].equals("CONFIG")) {
                args[2] = config.toString();
            }
            Run people = run(c.stdin(), args);
            assertEquals(c.exit(), people.exit(), c.name() + ": " + people.all());
            assertEquals("", people.out(), c.name() + ": errors go to standard error");
            assertTrue(people.err().contains("error: "), c.name() + ": " + people.err());

            List<String> withJson = new ArrayList<>(List.of(args));
            withJson.add("--json");
            Run machine = run(c.stdin(), withJson.toArray(String[]::new));
            assertEquals(c.exit(), machine.exit(), c.name() + " --json: " + machine.all());
            assertEquals(1, machine.out().strip().lines().count(), c.name() + ": exactly one line on stdout: " + machine.out());
            JsonNode error = JSON.readTree(machine.out());
            assertTrue(error.isObject(), c.name() + ": " + machine.out());
            assertEquals("error", error.path("type").asText(), c.name() + ": " + error);
            assertEquals(args[0], error.path("command").asText(), c.name() + ": " + error);
            assertEquals(c.exit(), error.path("exitCode").asInt(), c.name() + ": " + error);
            assertEquals(c.kind(), error.path("error").asText(), c.name() + ": " + error);
            assertFalse(error.path("message").asText().isBlank(), c.name() + ": " + error);
            if (c.field() != null) {
                assertEquals(c.field(), error.path("field").asText(), c.name() + ": " + error);
            }
            assertTrue(machine.err().contains(error.path("message").asText().substring(0, 20)), c.name() + ": also said to people: " + machine.err());
            assertShownSafely(machine);
            assertShownSafely(people);
        }
        assertEquals(0, sim.journal().size(), "no error sent anything");
    }

    @Test
    void aBatchsRefusedRowsAreListedByLineInTheJsonError() throws IOException {
        ErrorCase batch = errorCases().stream().filter(c -> c.kind().equals(CliError.INVALID_ROWS)).findFirst().orElseThrow();
        List<String> args = new ArrayList<>(List.of(batch.args()));
        args.add("--json");
        JsonNode error = JSON.readTree(run("", args.toArray(String[]::new)).out());
        assertEquals(1, error.path("problemCount").asInt(), error.toString());
        assertEquals(3, error.path("problems").path(0).path("line").asInt(), error.toString());
        assertEquals("refused.csv", error.path("problems").path(0).path("file").asText(), error.toString());
    }

    @Test
    void aSimulatorPortInUseIsAJsonErrorToo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run("", "simulator", "--cybersource-port", Integer.toString(taken.getLocalPort()), "--commercehub-port", "0", "--for", "1s",
                    "--json");
            assertEquals(ExitCodes.PORT_IN_USE, r.exit(), r.all());
            JsonNode error = JSON.readTree(r.out());
            assertEquals(CliError.PORT_IN_USE, error.path("error").asText(), error.toString());
            assertEquals(ExitCodes.PORT_IN_USE, error.path("exitCode").asInt(), error.toString());
        }
        Run started = run("", "simulator", "--cybersource-port", "0", "--commercehub-port", "0", "--for", "100ms", "--json");
        assertEquals(ExitCodes.SUCCESS, started.exit(), started.all());
        assertTrue(JSON.readTree(started.out()).path("cybersource").asText().startsWith("http://127.0.0.1:"), started.out());
    }

    @Test
    void anUnexpectedFailureIsAnErrorOfItsOwnKindThatShowsNothingOfItsMessage() {
        CliError error = CliError.of(new IllegalStateException("card " + PAN));
        assertEquals(ExitCodes.INTERNAL_ERROR, error.exitCode());
        assertEquals(CliError.UNEXPECTED, error.kind());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        error.report("credit", true, new PrintWriter(out), new PrintWriter(err), null);
        assertFalse(out.toString().contains(PAN), out.toString());
        assertTrue(out.toString().contains("unexpected IllegalStateException (no details are printed"), out.toString());
        assertTrue(out.toString().contains("\"error\":\"unexpected\""), out.toString());
        assertFalse(err.toString().contains(PAN), err.toString());
    }

    @Test
    void theMaximumAmountPerCurrencyIsEnforced() {
        Run over = run("", credit("--yes", "--amount", "100.01"));
        assertEquals(ExitCodes.INVALID_INPUT, over.exit());
        assertTrue(over.err().contains("over the maximum of 100.00 USD"), over.err());
        Run noLimit = run("", credit("--yes", "--currency", "EUR"));
        assertEquals(ExitCodes.CONFIGURATION, noLimit.exit());
        assertTrue(noLimit.err().contains("no cli.max-amount.EUR is configured"), noLimit.err());
        assertEquals(0, sim.journal().size());
    }

    @Test
    void exitCodesTellOutcomesApart() throws IOException {
        sim.script().nextRequests(1).respond(Behaviour.DECLINE);
        assertEquals(ExitCodes.DECLINED, run("", credit("--yes")).exit());
        sim.script().nextRequests(1).respond(Behaviour.AUTH_FAILURE);
        assertEquals(ExitCodes.REJECTED, run("", credit("--yes")).exit());
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        Run unknown = run("", credit("--yes"));
        assertEquals(ExitCodes.UNKNOWN, unknown.exit());
        assertTrue(unknown.out().contains("To look it up:    standalone-credit status --idempotency-key "), unknown.out());
        assertTrue(unknown.out().contains("To settle it:     standalone-credit reconcile --config " + shownConfig()), unknown.out());
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertEquals(ExitCodes.NOT_SENT, run("", credit("--yes", "--base-url", "http://127.0.0.1:" + closedPort)).exit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.001", "ten", "-5"})
    void aMalformedAmountIsOneClearLine(String amount) {
        Run r = run("", credit("--yes", "--amount", amount));
        assertEquals(ExitCodes.INVALID_INPUT, r.exit());
        assertTrue(r.err().startsWith("error: Invalid credit request: amount.value"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace");
    }

    @Test
    void aMissingOptionIsNamed() {
        Run r = run("", "credit", "--config", config.toString(), "--customer-token", "C1", "--currency", "USD");
        assertEquals(ExitCodes.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("Missing required options: '--amount=DECIMAL'"), r.err());
    }

    @Test
    void anUnknownProviderListsTheInstalledOnes() {
        Run r = run("", credit("--yes", "--provider", "stripe"));
        assertEquals(ExitCodes.CONFIGURATION, r.exit());
        assertTrue(r.err().contains("No credit provider with id 'stripe'; installed: [commerce-hub, cybersource, visa-acceptance]"), r.err());
    }

    @Test
    void anUnreadableConfigurationIsOneLine() {
        Run r = run("", "credit", "--config", dir.resolve("missing.properties").toString(), "--customer-token", "C1",
                "--amount", "1.00", "--currency", "USD", "--operator", "a", "--approval", "b", "--yes");
        assertEquals(ExitCodes.CONFIGURATION, r.exit());
        assertTrue(r.err().startsWith("error: cannot read configuration file"), r.err());
    }

    @Test
    void missingGatewayKeysAreListed() throws IOException {
        Path bad = dir.resolve("bad.properties");
        // the audit log (and the journal beside it) in the test's directory, not the module's
        Files.writeString(bad, "credit.gateway=cybersource\ncli.max-amount.USD=10\ncli.audit-log=" + audit.toString().replace("\\", "/") + "\n");
        Run r = run("", "credit", "--config", bad.toString(), "--customer-token", "C1", "--amount", "1.00", "--currency", "USD",
                "--operator", "a", "--approval", "b", "--yes");
        assertEquals(ExitCodes.CONFIGURATION, r.exit());
        assertTrue(r.err().contains("credit.cybersource.merchant-id is required"), r.err());
        assertTrue(r.err().contains("credit.cybersource.secret-key is required"), r.err());
    }

    @Test
    void voidAndStatusFollowUps() throws IOException {
        Run credit = run("", credit("--yes", "--json"));
        String id = JSON.readTree(credit.out()).get("gatewayTransactionId").asText();
        Run status = run("", "status", "--config", config.toString(), "--reference", "REF-1");
        assertEquals(ExitCodes.SUCCESS, status.exit(), status.all());
        assertTrue(status.out().contains(id), status.out());
        Run voided = run("", "void", "--config", config.toString(), "--gateway-transaction-id", id, "--operator", "bob", "--approval", "APR-8", "--yes");
        assertEquals(ExitCodes.SUCCESS, voided.exit(), voided.all());
        assertTrue(voided.out().contains("DONE"), voided.out());
        Run none = run("", "status", "--config", config.toString(), "--reference", "NO-SUCH-REF");
        assertEquals(ExitCodes.NOT_FOUND, none.exit(), none.all());
    }

    @Test
    void aVoidHasTheGuardrailsOfACreditAndIsAuditedInTwoPhases() throws IOException {
        Run credit = run("", credit("--yes", "--json"));
        String id = JSON.readTree(credit.out()).get("gatewayTransactionId").asText();
        int records = auditRecords().size();
        int requests = sim.journal().size();

        Run anonymous = run("", "void", "--config", config.toString(), "--gateway-transaction-id", id, "--yes");
        assertEquals(ExitCodes.INVALID_INPUT, anonymous.exit(), anonymous.all());
        assertTrue(anonymous.err().startsWith("error: Missing required options: '--operator=ID', '--approval=REF'"), anonymous.err());
        Run unapproved = run("", "void", "--config", config.toString(), "--gateway-transaction-id", id, "--operator", "bob", "--yes");
        assertEquals(ExitCodes.INVALID_INPUT, unapproved.exit(), unapproved.all());
        assertTrue(unapproved.err().contains("Missing required option: '--approval=REF'"), unapproved.err());
        Run refused = run("no\n", "void", "--config", config.toString(), "--gateway-transaction-id", id, "--operator", "bob", "--approval", "APR-8");
        assertEquals(ExitCodes.INVALID_INPUT, refused.exit(), refused.all());
        assertTrue(refused.err().contains("About to void credit " + id + " through cybersource.") && refused.err().contains("not confirmed"),
                refused.err());
        assertEquals(requests, sim.journal().size(), "nothing sent without operator, approval and confirmation");
        assertEquals(records, auditRecords().size(), "nothing attempted, nothing audited");

        Run confirmed = run("yes\n", "void", "--config", config.toString(), "--gateway-transaction-id", id, "--operator", "bob", "--approval", "APR-8");
        assertEquals(ExitCodes.SUCCESS, confirmed.exit(), confirmed.all());
        List<JsonNode> audited = auditRecords();
        assertEquals(records + 2, audited.size(), audited.toString());
        JsonNode attempt = audited.get(records);
        assertEquals("attempt", attempt.get("phase").asText());
        assertEquals("void", attempt.get("action").asText());
        assertEquals("bob", attempt.get("operator").asText());
        assertEquals("APR-8", attempt.get("approval").asText());
        assertEquals("void:" + id, attempt.get("idempotencyKey").asText());
        JsonNode outcome = audited.get(records + 1);
        assertEquals("outcome", outcome.get("phase").asText());
        assertEquals("DONE", outcome.get("outcome").asText());
        assertEquals("void:" + id, outcome.get("idempotencyKey").asText());

        Run notAudited = run(faultOn(1, Fault.CANNOT_OPEN), "", "void", "--config", config.toString(), "--gateway-transaction-id", id,
                "--operator", "bob", "--approval", "APR-8", "--yes");
        assertEquals(ExitCodes.CONFIGURATION, notAudited.exit(), notAudited.all());
        assertTrue(notAudited.err().contains("cannot write the audit log") && notAudited.err().contains("nothing was sent"), notAudited.err());
    }

    /** The configuration's path as the tool shows it: the temporary directory's long digit runs are masked like any other. */
    private String shownConfig() {
        return Shown.text(config.toString());
    }

    @Test
    void anUnknownOutcomeAdvisesTheToolsOwnCommands() throws IOException {
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        Run text = run("", credit("--yes", "--transaction-id", "T-OPS-2"));
        assertEquals(ExitCodes.UNKNOWN, text.exit(), text.all());
        assertTrue(text.out().contains("To look it up:    standalone-credit status --transaction-id T-OPS-2 --config " + shownConfig()), text.out());
        assertTrue(text.out().contains("To settle it:     standalone-credit reconcile --config " + shownConfig()), text.out());
        assertTrue(text.out().contains("To cancel it:     standalone-credit void --transaction-id T-OPS-2 --operator ID --approval REF --config "
                + shownConfig()), text.out());
        assertFalse(text.out().contains("gateway.status(") || text.out().contains("StatusQuery"), "no Java calls: " + text.out());

        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        Run json = run("", credit("--yes", "--json", "--transaction-id", "T-OPS-3"));
        JsonNode commands = JSON.readTree(json.out()).get("reconciliation").get("commands");
        assertEquals("standalone-credit status --transaction-id T-OPS-3 --config " + shownConfig(), commands.get(0).get("command").asText(), json.out());
        assertFalse(JSON.readTree(json.out()).get("reconciliation").has("advice"), json.out());
    }

    @Test
    void providersAreListedWithCapabilities() {
        Run r = run("", "providers");
        assertEquals(ExitCodes.SUCCESS, r.exit());
        for (String id : List.of("cybersource", "visa-acceptance", "commerce-hub")) {
            assertTrue(r.out().contains(id), r.out());
        }
        assertTrue(r.out().contains("INSTRUMENT_IDENTIFIER_TOKEN"), r.out());
    }

    @Test
    void theDemoRunsEveryFlowAsExpected() {
        Run r = run("", "demo");
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        assertTrue(r.out().contains("All flows behaved as expected."), r.out());
        assertTrue(r.out().contains("Visa Acceptance, mass transit (seed 003)"), r.out());
        assertTrue(r.out().contains("Cybersource, JWT + message-level encryption both ways"), r.out());
    }

    @Test
    void theSimulatorRunsStandaloneForABoundedTime() {
        Run r = run("", "simulator", "--cybersource-port", "0", "--commercehub-port", "0", "--for", "100ms");
        assertEquals(ExitCodes.SUCCESS, r.exit(), r.all());
        assertTrue(r.out().contains("http://127.0.0.1:"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "credit", "batch", "void", "status", "reconcile", "simulator", "providers"})
    void everySubcommandHasHelp(String command) {
        Run r = run("", command, "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Usage: standalone-credit " + command), r.out());
    }

    @Test
    void theTopLevelHelpListsTheExitCodes() {
        Run r = run("", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("12") && r.out().contains("unknown outcome"), r.out());
        assertTrue(r.out().contains("15") && r.out().contains("the outcome is not in the audit log"), r.out());
    }

    // --- the credit journal and reconcile ----------------------------------------------------------------------------

    private Path defaultJournal() {
        return dir.resolve(JournalFile.DEFAULT_NAME + ".mv.db");
    }

    /** The simulator and the tool on one clock that the test moves. */
    private MutableClock clockedSimulator() throws IOException {
        MutableClock moved = MutableClock.at(Instant.now());
        sim.close();
        sim = CybersourceSimulator.builder().clock(moved).start();
        config = writeConfig(sim.baseUrl());
        clock = moved;
        return moved;
    }

    private Run reconcile(String... more) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--config", config.toString()));
        args.addAll(List.of(more));
        return run("", args.toArray(String[]::new));
    }

    private static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void aCreditIsJournaledBesideTheAuditLogAndItsKeyIsNotSentAgain() throws IOException {
        Run first = run("", credit("--yes", "--json", "--idempotency-key", "key-j"));
        assertEquals(ExitCodes.SUCCESS, first.exit(), first.all());
        String id = JSON.readTree(first.out()).get("gatewayTransactionId").asText();
        assertTrue(Files.exists(defaultJournal()), "the H2 file beside the audit log");
        int requests = sim.journal().size();

        Run again = run("", credit("--yes", "--idempotency-key", "key-j"));
        assertEquals(ExitCodes.SUCCESS, again.exit(), again.all());
        assertTrue(again.out().startsWith("Recorded result; nothing was sent: the journal already holds idempotency key key-j"
                + " (PENDING_SETTLEMENT, attempted at "), again.out());
        assertTrue(again.out().contains("Outcome:          PENDING_SETTLEMENT") && again.out().contains(id), again.out());
        Run unconfirmed = run("", credit("--idempotency-key", "key-j"));
        assertEquals(ExitCodes.SUCCESS, unconfirmed.exit(), unconfirmed.all());
        assertFalse(unconfirmed.err().contains("About to credit"), "nothing to confirm when nothing is sent: " + unconfirmed.err());
        Run json = run("", credit("--yes", "--json", "--idempotency-key", "key-j"));
        JsonNode replayed = JSON.readTree(json.out());
        assertTrue(replayed.get("recordedResult").asBoolean(), json.out());
        assertEquals(id, replayed.get("gatewayTransactionId").asText());
        assertEquals(0, replayed.get("attempts").asInt());

        Run different = run("", credit("--yes", "--idempotency-key", "key-j", "--amount", "11.00"));
        assertEquals(ExitCodes.INVALID_INPUT, different.exit(), different.all());
        assertTrue(different.err().contains("idempotencyKey: was already used for a different credit"), different.err());

        assertEquals(requests, sim.journal().size(), "nothing was sent again");
        assertEquals(1, sim.ledger().size());
        assertEquals(2, auditRecords().size(), "nothing attempted, nothing audited: " + auditRecords());
    }

    @Test
    void aCreditWhoseAnswerIsLostIsListedAndReconciledAsCredited() throws IOException {
        clockedSimulator();
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        Run lost = run("", credit("--yes", "--idempotency-key", "key-lost", "--transaction-id", "T-LOST-1"));
        assertEquals(ExitCodes.UNKNOWN, lost.exit(), lost.all());
        assertEquals(1, sim.ledger().size(), "the gateway made it; its answer was lost");
        int requests = sim.journal().size();

        Run listed = reconcile("--list");
        assertEquals(ExitCodes.UNKNOWN, listed.exit(), listed.all());
        assertTrue(listed.out().contains("In doubt in the journal of credit/cybersource: 1 credit"), listed.out());
        assertTrue(listed.out().contains("key-lost  UNKNOWN"), listed.out());
        assertTrue(listed.out().contains("10.00 USD  attempted at "), listed.out());
        assertTrue(listed.out().contains("merchant reference REF-1, transaction id T-LOST-1"), listed.out());
        assertTrue(listed.out().contains("0; next look-up due now"), listed.out());
        Run resent = run("", credit("--yes", "--idempotency-key", "key-lost", "--transaction-id", "T-LOST-1"));
        assertEquals(ExitCodes.UNKNOWN, resent.exit(), resent.all());
        assertTrue(resent.out().contains("Recorded result; nothing was sent") && resent.out().contains("reconcile"), resent.out());
        assertEquals(requests, sim.journal().size(), "neither the listing nor the re-run sent anything");

        Run settled = reconcile();
        assertEquals(ExitCodes.SUCCESS, settled.exit(), settled.all());
        String id = sim.ledger().entries().get(0).gatewayTransactionId();
        assertTrue(settled.out().contains("CREDITED       key-lost  gateway id " + id + "  the look-up by transaction id T-LOST-1 found " + id),
                settled.out());
        assertTrue(settled.out().contains("1 credited, 0 not credited, 0 still unknown") && settled.out().contains("Nothing is left in doubt."),
                settled.out());
        Run none = reconcile("--list");
        assertEquals(ExitCodes.SUCCESS, none.exit(), none.all());
        assertTrue(none.out().contains("Nothing in doubt in the journal of credit/cybersource (an attempt without an outcome counts once it is"
                + " 5 minutes old)."), none.out());
        Run replayed = run("", credit("--yes", "--idempotency-key", "key-lost", "--transaction-id", "T-LOST-1"));
        assertEquals(ExitCodes.SUCCESS, replayed.exit(), replayed.all());
        assertTrue(replayed.out().contains("Recorded result; nothing was sent") && replayed.out().contains(id), replayed.out());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void aCreditTheGatewayNeverMadeIsReleasedOnceItsLookUpIsAuthoritativeAndJsonLinesSayEachStep() throws IOException {
        MutableClock moved = clockedSimulator();
        sim.script().nextRequests(1).processed(false).respond(Behaviour.GATEWAY_TIMEOUT);
        Run lost = run("", credit("--yes", "--idempotency-key", "key-never", "--transaction-id", "T-NEVER-1"));
        assertEquals(ExitCodes.UNKNOWN, lost.exit(), lost.all());
        assertEquals(0, sim.ledger().size());

        List<JsonNode> listed = jsonLines(reconcile("--list", "--json").out());
        assertEquals(2, listed.size(), listed.toString());
        assertEquals("record", listed.get(0).get("type").asText());
        assertEquals("key-never", listed.get(0).get("idempotencyKey").asText());
        assertEquals("UNKNOWN", listed.get(0).get("outcome").asText());
        assertEquals("10.00", listed.get(0).get("amount").asText());
        assertEquals("T-NEVER-1", listed.get(0).get("transactionId").asText());
        assertTrue(listed.get(0).get("due").asBoolean());
        assertEquals("summary", listed.get(1).get("type").asText());
        assertEquals(1, listed.get(1).get("inDoubt").asInt());

        Run early = reconcile();
        assertEquals(ExitCodes.UNKNOWN, early.exit(), early.all());
        assertTrue(early.out().contains("STILL_UNKNOWN  key-never") && early.out().contains("not yet authoritative"), early.out());
        Run notDue = reconcile();
        assertEquals(ExitCodes.UNKNOWN, notDue.exit(), notDue.all());
        assertTrue(notDue.out().contains("No credit in doubt was due for a look-up") && notDue.out().contains("1 credit left in doubt"),
                notDue.out());

        moved.advance(Duration.ofMinutes(ReconcileCommand.NOT_FOUND_MINUTES + 1));
        Run late = reconcile("--json");
        assertEquals(ExitCodes.SUCCESS, late.exit(), late.all());
        List<JsonNode> lines = jsonLines(late.out());
        assertEquals(2, lines.size(), late.out());
        assertEquals("resolution", lines.get(0).get("type").asText());
        assertEquals("NOT_CREDITED", lines.get(0).get("verdict").asText());
        assertEquals("key-never", lines.get(0).get("idempotencyKey").asText());
        assertEquals("RELEASED", lines.get(0).get("record").get("state").asText());
        assertTrue(lines.get(0).get("explanation").asText().contains("not credited"), late.out());
        assertEquals("summary", lines.get(1).get("type").asText());
        assertEquals(1, lines.get(1).get("notCredited").asInt());
        assertEquals(0, lines.get(1).get("leftInDoubt").asInt());

        Run sentAgain = run("", credit("--yes", "--idempotency-key", "key-never", "--transaction-id", "T-NEVER-1"));
        assertEquals(ExitCodes.SUCCESS, sentAgain.exit(), sentAgain.all());
        assertFalse(sentAgain.out().contains("Recorded result"), "a released key is sent: " + sentAgain.out());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void anAttemptWhoseProcessEndedIsInDoubtOnceItIsStale() throws IOException {
        MutableClock moved = clockedSimulator();
        String url = JournalFile.url(JournalFile.besideAuditLog(audit), "test", ExitCodes.CONFIGURATION);
        GatewaySettings settings = GatewaySettings.of(ConfigSource.fromMap(Map.of("credit.journal.url", url)), "credit").scope("journal");
        try (CreditJournal journal = new JdbcJournalFactory().open(settings)) { // a process that claimed the key, then ended
            assertTrue(journal.claim(JournalRecord.builder().scope("credit/cybersource").idempotencyKey("key-crashed").fingerprint("f")
                    .state(JournalRecord.State.ATTEMPTED).providerId("cybersource").amount(new java.math.BigDecimal("10.00")).currency("USD")
                    .transactionId("T-CRASHED-1").attemptedAt(moved.instant()).updatedAt(moved.instant()).owner("pid 1 (ended)").build())
                    .isGranted(), settings.problems().toString());
        }
        moved.advance(Duration.ofMinutes(ReconcileCommand.STALE_MINUTES - 1));
        Run underWay = reconcile("--list");
        assertEquals(ExitCodes.SUCCESS, underWay.exit(), "it may still be under way: " + underWay.all());

        moved.advance(Duration.ofMinutes(2));
        Run listed = reconcile("--list");
        assertEquals(ExitCodes.UNKNOWN, listed.exit(), listed.all());
        assertTrue(listed.out().contains("key-crashed  ATTEMPTED (no outcome recorded)  10.00 USD") && listed.out().contains("pid 1 (ended)"),
                listed.out());
        Run early = reconcile();
        assertEquals(ExitCodes.UNKNOWN, early.exit(), early.all());
        assertTrue(early.out().contains("STILL_UNKNOWN  key-crashed"), early.out());
        moved.advance(Duration.ofMinutes(ReconcileCommand.NOT_FOUND_MINUTES));
        Run late = reconcile();
        assertEquals(ExitCodes.SUCCESS, late.exit(), late.all());
        assertTrue(late.out().contains("NOT_CREDITED   key-crashed"), late.out());
        assertEquals(0, sim.ledger().size());
    }

    @Test
    void aKeyReleasedBetweenTheLookAndTheClaimIsNotSentUnconfirmedAndUnaudited() throws IOException {
        config = writeConfig(sim.baseUrl(), "credit.journal.type=" + ReleasedMeanwhileJournalFactory.TYPE);
        Run r = run("", credit("--idempotency-key", "key-released"));
        assertEquals(ExitCodes.NOT_SENT, r.exit(), r.all());
        assertTrue(r.err().contains("the journal released idempotency key key-released while this command ran")
                && r.err().contains("run the command again to send it"), r.err());
        assertFalse(r.err().contains("About to credit"), r.err());
        assertEquals(0, sim.journal().size());
        assertFalse(Files.exists(audit));
    }

    @Test
    void aJournalThatFailsAfterOpeningSendsNothingAndStopsReconcile() throws IOException {
        config = writeConfig(sim.baseUrl(), "credit.journal.type=" + FailingJournalFactory.TYPE);
        Run credit = run("", credit("--yes", "--idempotency-key", "key-failing"));
        assertEquals(ExitCodes.NOT_SENT, credit.exit(), credit.all());
        assertTrue(credit.out().contains("NOT_SENT (JOURNAL_UNAVAILABLE)"), credit.out());
        assertEquals(0, sim.journal().size());
        for (Run r : List.of(reconcile("--list"), reconcile())) {
            assertEquals(ExitCodes.CONFIGURATION, r.exit(), r.all());
            assertEquals("error: " + FailingJournalFactory.MESSAGE, r.err().strip());
        }
    }

    @Test
    void aJournalPasswordIsShownNowhere() throws IOException {
        String secret = "Journal-S3cret-" + System.nanoTime();
        String url = "jdbc:h2:file:" + dir.resolve("secured").toAbsolutePath().toString().replace("\\", "/") + ";WRITE_DELAY=0";
        config = writeConfig(sim.baseUrl(), "credit.journal.url=" + url, "credit.journal.user=ops", "credit.journal.password=" + secret);
        List<Run> runs = new ArrayList<>();
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        runs.add(run("", credit("--yes", "--idempotency-key", "key-pw")));
        assertEquals(ExitCodes.UNKNOWN, runs.get(0).exit(), runs.get(0).all());
        assertTrue(Files.exists(dir.resolve("secured.mv.db")), "the configured journal");
        assertFalse(Files.exists(defaultJournal()), "the configured journal, not the default one");
        runs.add(reconcile("--list"));
        runs.add(reconcile("--list", "--json"));
        runs.add(reconcile("--json"));
        runs.add(run("", credit("--yes", "--json", "--idempotency-key", "key-pw")));
        assertEquals(ExitCodes.UNKNOWN, runs.get(1).exit(), runs.get(1).all());
        assertEquals(ExitCodes.SUCCESS, runs.get(3).exit(), runs.get(3).all());

        String wrong = "Wrong-S3cret-" + System.nanoTime();
        config = writeConfig(sim.baseUrl(), "credit.journal.url=" + url, "credit.journal.user=ops", "credit.journal.password=" + wrong);
        Run refused = run("", credit("--yes", "--idempotency-key", "key-pw2"));
        assertEquals(ExitCodes.CONFIGURATION, refused.exit(), refused.all());
        assertTrue(refused.err().contains("credit.journal.url cannot be reached"), refused.err());
        runs.add(refused);
        runs.add(reconcile());
        runs.add(run("", "status", "--config", config.toString(), "--reference", "REF-1"));
        for (Run r : runs) {
            for (String text : List.of(r.out(), r.err(), Files.readString(audit))) {
                assertFalse(text.contains(secret) || text.contains(wrong), "a journal password was shown: " + text);
            }
        }
        assertEquals(ExitCodes.CONFIGURATION, runs.get(runs.size() - 1).exit());
        assertEquals(1, sim.ledger().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:PORT/credits?user=ops&password=Url-S3cret-pw", "jdbc:h2:tcp://127.0.0.1:PORT/./journal"})
    void anUnreachableJournalIsAConfigurationErrorNamingTheKeyAndNothingIsSent(String url) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        config = writeConfig(sim.baseUrl(), "credit.journal.type=jdbc", "credit.journal.url=" + url.replace("PORT", Integer.toString(closedPort)),
                "credit.journal.user=ops", "credit.journal.password=Key-S3cret-pw", "credit.journal.connect-timeout=500ms");
        for (Run r : List.of(run("", credit("--yes")), reconcile("--list"), reconcile())) {
            assertEquals(ExitCodes.CONFIGURATION, r.exit(), r.all());
            assertTrue(r.err().startsWith("error: ") && r.err().contains("credit.journal.url cannot be reached"), r.err());
            assertFalse(r.all().contains("S3cret"), "a journal password was shown: " + r.all());
            assertFalse(r.all().contains("at org."), "no stack trace: " + r.all());
        }
        assertEquals(0, sim.journal().size(), "nothing is sent without a journal");
        assertFalse(Files.exists(audit), "nor attempted");
    }

    @Test
    void theJournalFileCanBeChosenAndTheInMemoryJournalConfigured() throws IOException {
        Path chosen = dir.resolve("elsewhere").resolve("journal.mv.db");
        Run credit = run("", credit("--yes", "--idempotency-key", "key-f", "--journal", chosen.toString()));
        assertEquals(ExitCodes.SUCCESS, credit.exit(), credit.all());
        assertTrue(Files.exists(chosen), "H2 adds .mv.db to the name, which the operator may write");
        assertFalse(Files.exists(defaultJournal()));
        Run again = run("", credit("--yes", "--idempotency-key", "key-f", "--journal", chosen.toString()));
        assertTrue(again.out().contains("Recorded result; nothing was sent"), again.out());

        config = writeConfig(sim.baseUrl(), "credit.journal.type=memory");
        Run memory = run("", credit("--yes"));
        assertEquals(ExitCodes.SUCCESS, memory.exit(), memory.all());
        assertFalse(Files.exists(defaultJournal()), "configuration overrides the default journal");
        Run listed = reconcile("--list");
        assertEquals(ExitCodes.SUCCESS, listed.exit(), listed.all());
        assertTrue(listed.err().contains("warning: credit.journal.type is memory"), listed.err());
        assertEquals(2, sim.ledger().size());

        Run badLimit = reconcile("--limit", "0");
        assertEquals(ExitCodes.INVALID_INPUT, badLimit.exit(), badLimit.all());
        assertTrue(badLimit.err().contains("--limit must be between 1 and"), badLimit.err());
    }

    @Test
    void aSecondProcessReachesTheJournalWhileThisOneHoldsIt() throws Exception {
        sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
        assertEquals(ExitCodes.UNKNOWN, run("", credit("--yes", "--idempotency-key", "key-shared")).exit());
        String url = JournalFile.url(JournalFile.besideAuditLog(audit), "test", ExitCodes.CONFIGURATION);
        try (java.sql.Connection held = java.sql.DriverManager.getConnection(url)) {
            assertTrue(held.isValid(5));
            assertEquals("127.0.0.1", System.getProperty("h2.bindAddress"), "H2's server for other processes listens on loopback only");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CreditCli.class.getName()));
            command.addAll(List.of(credit("--yes", "--idempotency-key", "key-shared")));
            Path output = dir.resolve("other-process.txt");
            Process other = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = other.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            if (!ended) {
                other.destroyForcibly().waitFor();
            }
            String printed = Files.readString(output);
            assertTrue(ended, "the other process did not end within 60 s: " + printed);
            assertEquals(ExitCodes.UNKNOWN, other.exitValue(), printed);
            assertTrue(printed.contains("Recorded result; nothing was sent: the journal already holds idempotency key key-shared (UNKNOWN"), printed);
        }
    }

    /** On the PostgreSQL that .ci/run starts ({@code STANDALONE_CREDIT_PG_URL}, as the journal-jdbc tests); skipped without one. */
    @Test
    void theJournalCanBeAPostgreSqlDatabase() throws Exception {
        String url = System.getenv("STANDALONE_CREDIT_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "STANDALONE_CREDIT_PG_URL is not set");
        java.util.Properties credentials = new java.util.Properties();
        List<String> keys = new ArrayList<>(List.of("credit.journal.url=" + url));
        for (String[] key : List.of(new String[] {"user", "STANDALONE_CREDIT_PG_USER"}, new String[] {"password", "STANDALONE_CREDIT_PG_PASSWORD"})) {
            String value = System.getenv(key[1]);
            if (value != null && !value.isEmpty()) {
                credentials.setProperty(key[0], value);
                keys.add("credit.journal." + key[0] + "=" + value);
            }
        }
        String table = "cli_journal_" + Long.toHexString(System.nanoTime());
        keys.add("credit.journal.table=" + table);
        config = writeConfig(sim.baseUrl(), keys.toArray(String[]::new));
        try {
            sim.script().nextRequests(1).respond(Behaviour.GATEWAY_TIMEOUT);
            List<Run> runs = new ArrayList<>();
            runs.add(run("", credit("--yes", "--idempotency-key", "key-pg", "--transaction-id", "T-PG-1")));
            runs.add(reconcile("--list"));
            runs.add(reconcile());
            runs.add(run("", credit("--yes", "--idempotency-key", "key-pg", "--transaction-id", "T-PG-1")));
            assertEquals(List.of(ExitCodes.UNKNOWN, ExitCodes.UNKNOWN, ExitCodes.SUCCESS, ExitCodes.SUCCESS),
                    runs.stream().map(Run::exit).toList(), runs.toString());
            assertTrue(runs.get(1).out().contains("key-pg  UNKNOWN"), runs.get(1).out());
            assertTrue(runs.get(2).out().contains("CREDITED       key-pg"), runs.get(2).out());
            assertTrue(runs.get(3).out().contains("Recorded result; nothing was sent"), runs.get(3).out());
            assertEquals(1, sim.ledger().size());
            assertFalse(Files.exists(defaultJournal()), "the configured journal, not the default one");
            String password = credentials.getProperty("password");
            if (password != null) {
                runs.forEach(r -> assertFalse(r.all().contains(password), r.all()));
            }
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, credentials); java.sql.Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void theHelpStatesTheReconcilersAges() {
        assertEquals(Reconciler.DEFAULT_STALE_AFTER, Duration.ofMinutes(ReconcileCommand.STALE_MINUTES));
        assertEquals(Reconciler.DEFAULT_NOT_FOUND_AFTER, Duration.ofMinutes(ReconcileCommand.NOT_FOUND_MINUTES));
        Run r = run("", "reconcile", "--help");
        assertTrue(r.out().contains("--list") && r.out().contains("--json") && r.out().contains("--limit") && r.out().contains("--journal"),
                r.out());
        assertTrue(r.out().contains("12   some credits are still in doubt"), r.out());
    }
}
