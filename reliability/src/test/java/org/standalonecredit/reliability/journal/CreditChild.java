package org.standalonecredit.reliability.journal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.cybersource.CybersourceSubject;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.reliability.support.ChildJvm;

/**
 * The application process of the journal proofs, run in a JVM of its own ({@link ChildJvm}):
 * opens the gateway named {@value JournalDatabases#GATEWAY} from the configuration in its environment
 * ({@value #CONFIG}, properties text: the simulator's address and credentials, the JDBC journal's keys), exactly
 * as an application does, prints {@code READY}, and then:
 *
 * <ul>
 *   <li>{@code one <key> <reference> <amount>}: sends that one credit and prints its {@code RESULT} line (the
 *       kill-and-restart proof kills it before);</li>
 *   <li>{@code race <prefix> <count> <threads> <seed>}: waits for {@code GO <epoch millis>} on its input and that
 *       moment, sends credits {@code 0} to {@code count - 1} ({@link #request(String, int)}) from {@code threads}
 *       threads in an order {@code seed} shuffles, prints a {@code RESULT} line for each, then {@code DONE}.</li>
 * </ul>
 *
 * A {@code RESULT} line is {@code RESULT <key> <outcome> <detail> <attempts> <gateway id or ->}.
 */
public final class CreditChild {
    static final String CONFIG = "CREDIT_CHILD_CONFIG";
    /** Cybersource: a gateway that does not deduplicate a credit sent twice, so only the journal stands in the way. */
    static final ConformanceSubject SUBJECT = new CybersourceSubject();

    private CreditChild() {
    }

    /**
     * The one credit of a key, the same in every process: the provider's valid request, the reference as merchant
     * reference and transactionId (Cybersource looks a credit up by it).
     */
    static CreditRequest request(String key, String reference, String amount) {
        return SUBJECT.validRequest(amount, "USD").idempotencyKey(key).merchantReference(reference)
                .transactionId(reference).build();
    }

    /** Credit {@code i} of a race: key {@code <prefix>-<i>}, reference {@code <prefix><i>}, an amount of its own. */
    static CreditRequest request(String prefix, int i) {
        return request(prefix + "-" + i, prefix + i, BigDecimal.valueOf(1000 + i, 2).toPlainString());
    }

    /**
     * The gateway's configuration: the simulator at {@code baseUrl}, the journal of {@code journalKeys}, and an answer
     * awaited for minutes, so that a process is killed while it waits, never timed out first.
     */
    static Map<String, String> config(String baseUrl, Map<String, String> journalKeys) {
        Map<String, String> config = new HashMap<>(SUBJECT.configuration(baseUrl));
        config.put(JournalDatabases.GATEWAY + ".gateway", SUBJECT.providerId());
        config.put(JournalDatabases.GATEWAY + ".http.response-timeout", "5m");
        config.put(JournalDatabases.GATEWAY + ".http.deadline", "10m");
        config.putAll(JournalDatabases.gatewayKeys(journalKeys));
        return config;
    }

    static String resultLine(String key, CreditResult r) {
        return "RESULT " + key + " " + r.outcome() + " " + r.detail() + " " + r.attempts() + " " + r.gatewayTransactionId().orElse("-");
    }

    public static void main(String[] args) throws Exception {
        // what the child logs goes to a file nobody reads unless it fails: the library's warnings are enough
        System.setProperty("org.slf4j.simpleLogger.log.org.standalonecredit", "warn");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // the background warm-up of a gateway's first credit would only compete with the proof for the CPU
        System.setProperty("standalone-credit.warmup", "false");
        Properties properties = new Properties();
        properties.load(new StringReader(System.getenv(CONFIG)));
        Map<String, String> config = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> config.put(k, properties.getProperty(k)));
        try (CreditGateway gateway = StandaloneCredit.open(ConfigSource.fromMap(config), JournalDatabases.GATEWAY)) {
            ChildJvm.ready();
            switch (args[0]) {
                case "one" -> {
                    CreditRequest request = request(args[1], args[2], args[3]);
                    System.out.println(resultLine(request.idempotencyKey(), gateway.credit(request)));
                }
                case "race" -> race(gateway, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
                default -> throw new IllegalArgumentException("mode " + args[0]);
            }
        }
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    private static void race(CreditGateway gateway, String prefix, int count, int threads, long seed) throws Exception {
        // both processes start at the same moment of the machine's clock, so that they meet on the keys all along
        ChildJvm.awaitGo();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<Integer, Future<CreditResult>> results = new HashMap<>();
            for (int i : order) {
                CreditRequest request = request(prefix, i);
                results.put(i, pool.submit(() -> gateway.credit(request)));
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                out.append(resultLine(prefix + "-" + i, results.get(i).get())).append('\n');
            }
            System.out.print(out);
        } finally {
            pool.shutdown();
        }
    }
}
