package org.standalonecredit.kit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs a provider's one-time initialisation (JSON mapper, message digests, date formats, its own classes)
 * on a short-lived daemon thread while the gateway opens, so that the first credit does not pay it after
 * the transport's TLS set-up: on a machine with more than one core the two overlap. Each named task runs at
 * most once per JVM. A warm-up must be a pure computation on made-up data: no I/O, no logging, no secrets.
 * Its failures are ignored (the first credit then simply pays the cost itself). Set the system property
 * {@code standalone-credit.warmup=false} to turn it off.
 */
public final class BackgroundWarmup {
    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    private BackgroundWarmup() {
    }

    /** Starts {@code task} on its own daemon thread, unless a warm-up of this name was started before. */
    public static void start(String name, Runnable task) {
        start(name, task, guarded -> {
            Thread thread = new Thread(guarded, "standalone-credit-warmup-" + name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** As {@link #start(String, Runnable)}, with what runs the guarded task (tests run it in place). */
    static void start(String name, Runnable task, Consumer<Runnable> launcher) {
        if ("false".equals(System.getProperty("standalone-credit.warmup")) || !STARTED.add(name)) {
            return;
        }
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                // only a head start: whatever failed here is done again, and reported, by the first credit
            }
        };
        try {
            launcher.accept(guarded);
        } catch (RuntimeException | OutOfMemoryError e) {
            // no thread to be had (a restricted environment): the first credit initialises what it needs
        }
    }
}
