package org.standalonecredit.kit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs a provider's one-time initialisation (JSON mapper, message digests, date formats, its own classes)
 * on a short-lived daemon thread while the gateway opens, so that the first credit does not pay it after
 * the transport's TLS set-up. Each named task runs at most once per JVM. A warm-up must be a pure
 * computation on made-up data: no I/O, no logging, no secrets. Its failures are ignored (the first credit
 * then simply pays the cost itself).
 *
 * <p>It only pays where a core is free for it: the opening thread and the transport's TLS set-up already keep
 * two cores busy, and on two cores a third thread slowed the first credit (measured: 40–60 ms later from an
 * AppCDS archive, no gain without one). So it runs by default only with three or more processors; the system
 * property {@code standalone-credit.warmup} set to {@code true} or {@code false} decides instead.
 */
public final class BackgroundWarmup {
    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    private BackgroundWarmup() {
    }

    /**
     * Starts {@code task} on its own daemon thread, unless warm-ups are off here or a warm-up of this name was
     * started before.
     */
    public static void start(String name, Runnable task) {
        if (enabled(System.getProperty("standalone-credit.warmup"), Runtime.getRuntime().availableProcessors())) {
            start(name, task, BackgroundWarmup::onDaemonThread);
        }
    }

    /** Whether warm-ups run, from the system property's value (or null) and the processors available. */
    static boolean enabled(String property, int processors) {
        if (property != null && !property.isBlank()) {
            return !"false".equalsIgnoreCase(property.trim());
        }
        return processors >= 3;
    }

    static void onDaemonThread(Runnable guarded) {
        Thread thread = new Thread(guarded, "standalone-credit-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** As {@link #start(String, Runnable)} whatever the setting, with what runs the guarded task (tests run it in place). */
    static void start(String name, Runnable task, Consumer<Runnable> launcher) {
        if (!STARTED.add(name)) {
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
