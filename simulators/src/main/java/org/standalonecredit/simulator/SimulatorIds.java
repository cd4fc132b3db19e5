package org.standalonecredit.simulator;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Source of the identifiers a simulator invents (transaction ids, reconciliation ids, trace ids, approval
 * codes). Inject {@link #seeded(long)} or {@link #sequential()} for deterministic tests.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SimulatorIds {
    /** Decimal digits. */
    String DIGITS = "0123456789";
    /** Lower-case hexadecimal digits. */
    String HEX = "0123456789abcdef";
    /** Digits and upper-case letters. */
    String UPPER_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /**
     * A fresh identifier of exactly {@code length} characters drawn from {@code alphabet}.
     */
    String next(String alphabet, int length);

    /** {@code length} decimal digits. */
    default String digits(int length) {
        return next(DIGITS, length);
    }

    /** {@code length} lower-case hex digits. */
    default String hex(int length) {
        return next(HEX, length);
    }

    /** {@code length} characters of digits and upper-case letters. */
    default String upperAlphanumeric(int length) {
        return next(UPPER_ALPHANUMERIC, length);
    }

    /** A UUID-formatted identifier (8-4-4-4-12 hex). */
    default String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }

    /** Random identifiers (the default). */
    static SimulatorIds random() {
        return (alphabet, length) -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            return sb.toString();
        };
    }

    /** Pseudo-random identifiers from a fixed seed: the same sequence of calls yields the same ids. */
    static SimulatorIds seeded(long seed) {
        Random random = new Random(seed);
        return (alphabet, length) -> {
            synchronized (random) {
                StringBuilder sb = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return sb.toString();
            }
        };
    }

    /**
     * A shared counter rendered in the requested alphabet and left-padded, e.g. {@code 0000000000000000000001},
     * {@code 0000000000000000000002}. Every call returns a different value. Easy to read in test failures.
     */
    static SimulatorIds sequential() {
        AtomicLong counter = new AtomicLong();
        return (alphabet, length) -> {
            long n = counter.incrementAndGet();
            int base = alphabet.length();
            char[] out = new char[length];
            for (int i = length - 1; i >= 0; i--) {
                out[i] = alphabet.charAt((int) (n % base));
                n /= base;
            }
            return new String(out);
        };
    }
}
