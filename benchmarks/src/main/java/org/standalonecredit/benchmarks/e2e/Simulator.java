package org.standalonecredit.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * The server the harness talks to: the testkit's Cybersource simulator (verifies every request, keeps a
 * ledger) in a separate JVM (preferred) or in this one, or the {@link LightStub} (answers without looking)
 * in a separate JVM.
 */
public interface Simulator extends AutoCloseable {

    /** {@code http://127.0.0.1:port}, or {@code https://} */
    String baseUrl();

    /** A trust store (password {@code changeit}) holding the certificate of an https simulator; empty for http. */
    default Optional<Path> trustStore() {
        return Optional.empty();
    }

    /** Credits accepted (the light stub: requests answered) since the last call; clears the server's state. Call with nothing in flight. */
    int drain();

    /** The simulator's own process CPU time, or -1 when it runs in this JVM (then it is in the client figure). */
    long cpuNanos();

    boolean separateProcess();

    @Override
    void close();

    /** Starts {@link SimulatorProcess} with this JVM's java and class path. */
    static Simulator separateJvm(int workers) {
        return new Remote(SimulatorProcess.class, workers, false);
    }

    /** As {@link #separateJvm(int)}, answering over https with a certificate made for the run. */
    static Simulator separateJvmHttps(int workers) {
        return new Remote(SimulatorProcess.class, workers, true);
    }

    /** Starts {@link LightStub} (the seed answer, no verification) in its own JVM, over https or http. */
    static Simulator lightStub(int workers, boolean https) {
        return new Remote(LightStub.class, workers, https);
    }

    /** "light stub" or "simulator". */
    default String kind() {
        return "simulator";
    }

    /** Client connections the last {@link #drain()} saw used (distinct client ports), or -1 when not counted. */
    default long connectionsAtLastDrain() {
        return -1;
    }

    /**
     * The JDK HTTP server writes a response's headers and body in two segments without TCP_NODELAY: with
     * Nagle's algorithm and the client's delayed ACK, every keep-alive answer then waits ~40 ms. A real
     * gateway does not, and the stall would hide every client cost, so the simulator runs with
     * {@code sun.net.httpserver.nodelay=true} (read once, when the JDK server first starts).
     */
    String NODELAY = "sun.net.httpserver.nodelay";

    static Simulator inProcess(int workers) {
        System.setProperty(NODELAY, "true");
        CybersourceSimulator sim = CybersourceSimulator.builder().workerThreads(workers).start();
        return new Simulator() {
            @Override
            public String baseUrl() {
                return sim.baseUrl();
            }

            @Override
            public int drain() {
                int n = sim.ledger().size();
                sim.reset();
                return n;
            }

            @Override
            public long cpuNanos() {
                return -1;
            }

            @Override
            public boolean separateProcess() {
                return false;
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    /** The java launcher of this JVM. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A server JVM of its own (512 MB) speaking the {@link SimulatorProcess} commands. Besides
     * {@link #NODELAY}, the JDK server keeps up to 1024 idle connections (default 200, fewer than four
     * clients' pools of 64) for 5 minutes (default 30 s, shorter than a round with long phases), so a
     * client's kept-alive connections are still there at its next phase, as a gateway's would be.
     */
    final class Remote implements Simulator {
        private final Process process;
        private final String kind;
        private volatile long connectionsAtLastDrain = -1;
        private final BufferedReader in;
        private final Writer out;
        private final String baseUrl;
        private final Path trustStore;

        Remote(Class<?> main, int workers, boolean https) {
            kind = main == LightStub.class ? "light stub" : "simulator";
            try {
                process = new ProcessBuilder(List.of(javaBinary(), "-Xms512m", "-Xmx512m", "-D" + NODELAY + "=true",
                        "-Dsun.net.httpserver.maxIdleConnections=1024", "-Dsun.net.httpserver.idleInterval=300",
                        "-cp", System.getProperty("java.class.path"), main.getName(), Integer.toString(workers), https ? "https" : "http"))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                out = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                String first = in.readLine();
                trustStore = first != null && first.startsWith("TRUST ") ? Path.of(first.substring(6).trim()) : null;
                if (trustStore != null) {
                    first = in.readLine();
                }
                if (first == null || !first.startsWith("PORT ")) {
                    process.destroyForcibly();
                    throw new IllegalStateException(kind + " process did not start: " + first);
                }
                baseUrl = (trustStore != null ? "https" : "http") + "://127.0.0.1:" + first.substring(5).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private synchronized String ask(String command, String prefix) {
            try {
                out.write(command + "\n");
                out.flush();
                String answer = in.readLine();
                if (answer == null || !answer.startsWith(prefix + " ")) {
                    throw new IllegalStateException(kind + " answered '" + answer + "' to " + command);
                }
                return answer.substring(prefix.length() + 1).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String baseUrl() {
            return baseUrl;
        }

        @Override
        public Optional<Path> trustStore() {
            return Optional.ofNullable(trustStore);
        }

        /** {@code LEDGER n} from the simulator, {@code LEDGER n connections} from the light stub. */
        @Override
        public int drain() {
            String[] answer = ask("drain", "LEDGER").split(" ");
            connectionsAtLastDrain = answer.length > 1 ? Long.parseLong(answer[1]) : -1;
            return Integer.parseInt(answer[0]);
        }

        @Override
        public long connectionsAtLastDrain() {
            return connectionsAtLastDrain;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public long cpuNanos() {
            return Long.parseLong(ask("cpu", "CPU"));
        }

        @Override
        public boolean separateProcess() {
            return true;
        }

        @Override
        public void close() {
            try {
                out.write("quit\n");
                out.flush();
            } catch (IOException ignored) {
                // already gone
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
