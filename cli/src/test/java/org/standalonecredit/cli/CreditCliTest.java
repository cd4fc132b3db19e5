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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.standalonecredit.simulator.fixtures.TestCards;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

class CreditCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAN = TestCards.VISA;

    @TempDir
    Path dir;
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

    private Path writeConfig(String baseUrl) throws IOException {
        Path file = dir.resolve("credit-" + System.nanoTime() + ".properties");
        Files.writeString(file, String.join("\n",
                "credit.gateway=cybersource",
                "credit.cybersource.base-url=" + baseUrl,
                "credit.cybersource.merchant-id=" + CybersourceSimulator.DEFAULT_MERCHANT_ID,
                "credit.cybersource.key-id=" + CybersourceSimulator.DEFAULT_KEY_ID,
                "credit.cybersource.secret-key=" + CybersourceSimulator.DEFAULT_SHARED_SECRET,
                "credit.http.response-timeout=500ms",
                "credit.retry.backoff=1ms",
                "cli.max-amount.USD=100.00",
                "cli.audit-log=" + audit.toString().replace("\\", "/")));
        return file;
    }

    private static Run run(String stdin, String... args) {
        return run(AuditLog.FILES, stdin, args);
    }

    private static Run run(AuditLog.Opener auditOpener, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CreditCli cli = new CreditCli(new BufferedReader(new StringReader(stdin)), new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of(), Clock.systemUTC(), auditOpener);
        int exit = cli.run(args);
        return new Run(exit, out.toString(), err.toString());
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
                Run r = json ? run("", command, "--config", config.toString(), "--gateway-transaction-id", "123", "--json")
                        : run("", command, "--config", config.toString(), "--gateway-transaction-id", "123");
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
        assertEquals("error: --operator is required: who is making this credit", r.err().strip());
        assertEquals(0, sim.journal().size());
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
        assertTrue(unknown.out().contains("To reconcile:"), unknown.out());
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
        assertTrue(r.err().contains("Missing required option: '--amount=DECIMAL'"), r.err());
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
        Files.writeString(bad, "credit.gateway=cybersource\ncli.max-amount.USD=10\n");
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
        Run voided = run("", "void", "--config", config.toString(), "--gateway-transaction-id", id);
        assertEquals(ExitCodes.SUCCESS, voided.exit(), voided.all());
        assertTrue(voided.out().contains("DONE"), voided.out());
        Run none = run("", "status", "--config", config.toString(), "--reference", "NO-SUCH-REF");
        assertEquals(ExitCodes.NOT_FOUND, none.exit(), none.all());
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
    @ValueSource(strings = {"demo", "credit", "void", "status", "simulator", "providers"})
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
}
