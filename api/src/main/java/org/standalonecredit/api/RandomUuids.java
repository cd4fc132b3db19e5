package org.standalonecredit.api;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs from a few independent cryptographically strong generators instead of the one behind
 * {@link UUID#randomUUID()}: that one is shared by the whole JVM and every call takes its lock, so with many
 * threads crediting at once they queue there (two UUIDs per credit: the idempotency key and the token id).
 * Each stripe is a DRBG seeded on its own; a caller takes any stripe, which suits virtual threads as well as a
 * pool.
 */
final class RandomUuids {
    private static final SecureRandom[] STRIPES = stripes(Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors())) * 4);

    private RandomUuids() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        STRIPES[ThreadLocalRandom.current().nextInt(STRIPES.length)].nextBytes(bytes);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (bytes[i] & 0xff);
            lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
        }
        msb = (msb & ~0xF000L) | 0x4000L; // version 4
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    private static SecureRandom[] stripes(int count) {
        SecureRandom[] stripes = new SecureRandom[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = newGenerator();
        }
        return stripes;
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom(); // a platform without DRBG: its default strong generator
        }
    }
}
