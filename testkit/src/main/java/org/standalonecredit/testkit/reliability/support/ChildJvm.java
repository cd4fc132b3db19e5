package org.standalonecredit.testkit.reliability.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A process of its own for a test: a JVM on this JVM's test class path running {@code main}, its standard output read
 * line by line, its standard error in a file that a failure shows, lines written to its standard input. Whatever may
 * hold a secret (a database password) goes in its environment, never on its command line, which {@code ps} shows.
 * Every wait is bounded and fails the test with what the child said; {@link #close()} kills it if it still runs.
 */
public final class ChildJvm implements AutoCloseable {
    /** What a child prints once it is ready to start ({@link #ready()}). */
    public static final String READY = "READY";
    /** What {@link #startTogether} tells the children, with the moment to start at in epoch milliseconds. */
    public static final String GO = "GO ";
    /** How far ahead of {@link #startTogether} the children start, so that each has had the line in time. */
    private static final long START_AHEAD_MILLIS = 500;
    /** Not a line a child can print: its output ended. */
    private static final String END = "\u0000end of output";

    private final String name;
    private final Process process;
    private final Path errors;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(String name, Process process, Path errors) {
        this.name = name;
        this.process = process;
        this.errors = errors;
    }

    /**
     * Starts {@code main} with {@code args} in a new JVM.
     *
     * @param dir where its standard error is kept ({@code <name>.err}), a test's temporary directory
     */
    public static ChildJvm start(String name, Class<?> main, List<String> args, Map<String, String> environment, Path dir)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // surefire runs tests from a manifest-only jar; the real class path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // a child lives seconds: the quick-starting compiler and collector, not the ones for peak speed (2 cores in CI)
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, main.getName()));
        command.addAll(args);
        Path errors = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        ChildJvm child = new ChildJvm(name, builder.start(), errors);
        Thread reader = new Thread(child::readOutput, name + "-output");
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(reading the output failed: " + e + ")");
        }
        lines.add(END);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The next line it prints; fails when its output ends or none comes within {@code timeout}. */
    public String nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            fail(name + " printed nothing within " + timeout + "; " + describe());
        }
        if (line.equals(END)) {
            lines.add(END); // for a later call
            fail(name + " ended its output before the line expected; " + describe());
        }
        return line;
    }

    /** Waits for its next line and fails unless it is {@code expected}. */
    public void await(String expected, Duration timeout) throws InterruptedException {
        String line = nextLine(timeout);
        if (!expected.equals(line)) {
            fail(name + " printed '" + line + "' instead of '" + expected + "'; " + describe());
        }
    }

    /**
     * Waits until every child has said it is {@link #READY}, then tells them all to start at one moment of the
     * machine's clock, so that they meet on the same work instead of one having done it before the other starts.
     */
    public static void startTogether(List<ChildJvm> children, Duration timeout) throws IOException, InterruptedException {
        for (ChildJvm child : children) {
            child.await(READY, timeout);
        }
        long startAt = System.currentTimeMillis() + START_AHEAD_MILLIS;
        for (ChildJvm child : children) {
            child.say(GO + startAt);
        }
    }

    /** In a child: says it is ready to start. */
    public static void ready() {
        System.out.println(READY);
        System.out.flush();
    }

    /** In a child, after {@link #ready()}: waits for the parent's {@link #GO} line on standard input, and for its moment. */
    public static void awaitGo() throws IOException, InterruptedException {
        String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (go == null || !go.startsWith(GO)) {
            throw new IllegalStateException("expected '" + GO + "<epoch millis>' on standard input, got " + go);
        }
        long startAt = Long.parseLong(go.substring(GO.length()));
        while (System.currentTimeMillis() < startAt) {
            Thread.sleep(1);
        }
    }

    /** Writes one line to its standard input. */
    public void say(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits for it to end and fails unless it ends within {@code timeout} with status 0. */
    public void awaitSuccess(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(name + " did not end within " + timeout + "; " + describe());
        }
        if (process.exitValue() != 0) {
            fail(name + " ended with status " + process.exitValue() + "; " + describe());
        }
    }

    /**
     * Kills it at once, as a crash or {@code kill -9} would: SIGKILL on Unix, so nothing of it runs after (no
     * shutdown hook, no finally block). Returns once it is gone.
     */
    public void kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(name + " (pid " + process.pid() + ") was still alive " + timeout + " after SIGKILL");
        }
    }

    /** What it wrote to its standard error. */
    public String errors() {
        try {
            return Files.exists(errors) ? Files.readString(errors) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Its state and standard error, for a failure message. */
    public String describe() {
        String state = process.isAlive() ? "it is still running" : "it ended with status " + process.exitValue();
        String err = errors().strip();
        return state + (err.isEmpty() ? ", nothing on its standard error" : "; its standard error:\n" + err);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
