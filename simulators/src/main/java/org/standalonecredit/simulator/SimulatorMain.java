package org.standalonecredit.simulator;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.standalonecredit.simulator.Gateway;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * Runs both simulators stand-alone until the process is killed:
 *
 * <pre>
 * java -cp standalone-credit-testkit.jar:jackson-databind.jar:jackson-core.jar:jackson-annotations.jar \
 *      org.standalonecredit.simulator.SimulatorMain \
 *      --cybersource-port 8081 --commercehub-port 8082
 * </pre>
 *
 * Options (defaults in brackets):
 * <ul>
 *   <li>{@code --cybersource-port N} [8081], {@code --commercehub-port N} [8082] (0 = any free port)</li>
 *   <li>{@code --bind ADDRESS} [127.0.0.1]</li>
 *   <li>{@code --cybersource-merchant-id} [{@value CybersourceSimulator#DEFAULT_MERCHANT_ID}],
 *       {@code --cybersource-key-id} [{@value CybersourceSimulator#DEFAULT_KEY_ID}],
 *       {@code --cybersource-secret BASE64} [the test-vector secret; or env {@code SIM_CYBERSOURCE_SECRET}]</li>
 *   <li>{@code --visa-acceptance-mass-transit}: record as Visa Acceptance and require mass-transit fields</li>
 *   <li>{@code --commercehub-api-key} [{@value CommerceHubSimulator#DEFAULT_API_KEY}],
 *       {@code --commercehub-api-secret} [the test-vector secret; or env {@code SIM_COMMERCEHUB_API_SECRET}]</li>
 *   <li>{@code --commercehub-production}: refuse plain card data</li>
 *   <li>{@code --no-magic-amounts}, {@code --delay-seconds N} [30]</li>
 * </ul>
 * Secrets are never printed.
 */
public final class SimulatorMain {
    private static final Set<String> FLAGS = Set.of("--visa-acceptance-mass-transit", "--commercehub-production",
            "--no-magic-amounts", "--help");
    private static final Set<String> VALUED = Set.of("--cybersource-port", "--commercehub-port", "--bind",
            "--cybersource-merchant-id", "--cybersource-key-id", "--cybersource-secret", "--commercehub-api-key",
            "--commercehub-api-secret", "--delay-seconds");

    private SimulatorMain() {
    }

    /** Both running simulators; closing stops them. */
    public record Running(CybersourceSimulator cybersource, CommerceHubSimulator commerceHub) implements AutoCloseable {
        @Override
        public void close() {
            cybersource.close();
            commerceHub.close();
        }
    }

    /** Entry point: starts both simulators, prints their URLs and waits until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        Running running;
        try {
            running = start(args, System.getenv(), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (running == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
    }

    /**
     * Parses options and starts both simulators.
     *
     * @return the running simulators, or {@code null} after printing help for {@code --help}
     * @throws IllegalArgumentException on a bad option
     */
    public static Running start(String[] args, Map<String, String> env, PrintStream out) {
        Map<String, String> opts = parse(args);
        if (opts.containsKey("--help")) {
            out.println(usage());
            return null;
        }
        InetAddress bind = address(opts.getOrDefault("--bind", "127.0.0.1"));
        Duration delay = Duration.ofSeconds(number(opts.getOrDefault("--delay-seconds", "30")));
        boolean magic = !opts.containsKey("--no-magic-amounts");
        CybersourceSimulator.Builder cs = CybersourceSimulator.builder()
                .port(number(opts.getOrDefault("--cybersource-port", "8081")))
                .bindAddress(bind).defaultDelay(delay).magicAmounts(magic)
                .merchantId(opts.getOrDefault("--cybersource-merchant-id", CybersourceSimulator.DEFAULT_MERCHANT_ID))
                .keyId(opts.getOrDefault("--cybersource-key-id", CybersourceSimulator.DEFAULT_KEY_ID))
                .sharedSecret(opts.getOrDefault("--cybersource-secret",
                        env.getOrDefault("SIM_CYBERSOURCE_SECRET", CybersourceSimulator.DEFAULT_SHARED_SECRET)));
        if (opts.containsKey("--visa-acceptance-mass-transit")) {
            cs.visaAcceptanceMassTransit();
        }
        CommerceHubSimulator.Builder ch = CommerceHubSimulator.builder()
                .port(number(opts.getOrDefault("--commercehub-port", "8082")))
                .bindAddress(bind).defaultDelay(delay).magicAmounts(magic)
                .apiKey(opts.getOrDefault("--commercehub-api-key", CommerceHubSimulator.DEFAULT_API_KEY))
                .apiSecret(opts.getOrDefault("--commercehub-api-secret",
                        env.getOrDefault("SIM_COMMERCEHUB_API_SECRET", CommerceHubSimulator.DEFAULT_API_SECRET)))
                .environment(opts.containsKey("--commercehub-production")
                        ? CommerceHubSimulator.Environment.PRODUCTION : CommerceHubSimulator.Environment.SANDBOX);
        CybersourceSimulator cybersource = cs.start();
        CommerceHubSimulator commerceHub;
        try {
            commerceHub = ch.start();
        } catch (RuntimeException e) {
            cybersource.close();
            throw e;
        }
        out.println((cybersource.gateway() == Gateway.VISA_ACCEPTANCE ? "Visa Acceptance" : "Cybersource")
                + " simulator: " + cybersource.baseUrl() + "  (merchantId=" + cybersource.merchantId()
                + ", keyId=" + cybersource.keyId() + ", mass transit " + cybersource.massTransit() + ")");
        out.println("Commerce Hub simulator: " + commerceHub.baseUrl() + "  (apiKey=" + commerceHub.apiKey()
                + ", " + commerceHub.environment() + ", encryption keyId=" + commerceHub.encryptionKeyId() + ")");
        out.println("Magic amounts " + (magic ? "on" : "off") + ". Stop with Ctrl+C.");
        out.flush();
        return new Running(cybersource, commerceHub);
    }

    static String usage() {
        return "usage: SimulatorMain [--cybersource-port N] [--commercehub-port N] [--bind ADDRESS]\n"
                + "  [--cybersource-merchant-id ID] [--cybersource-key-id ID] [--cybersource-secret BASE64]\n"
                + "  [--visa-acceptance-mass-transit] [--commercehub-api-key KEY] [--commercehub-api-secret SECRET]\n"
                + "  [--commercehub-production] [--no-magic-amounts] [--delay-seconds N] [--help]\n"
                + "Secrets may also come from SIM_CYBERSOURCE_SECRET / SIM_COMMERCEHUB_API_SECRET.";
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (FLAGS.contains(a)) {
                opts.put(a, "true");
            } else if (VALUED.contains(a)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                opts.put(a, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return opts;
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + value);
        }
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown bind address");
        }
    }
}
