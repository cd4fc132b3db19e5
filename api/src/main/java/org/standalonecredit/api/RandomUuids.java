package org.standalonecredit.api;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs from a few independent cryptographically strong generators instead of the one behind
 * {@link UUID#randomUUID()}: that one is shared by the whole JVM and every call takes its lock, so with many
 * threads crediting at once they queue there (two UUIDs per credit: the idempotency key and the token id).
 * Each stripe is a SHA1PRNG seeded once, explicitly, from the platform's default generator (the one
 * {@code UUID.randomUUID()} uses: {@code /dev/urandom} on Linux), so no stripe ever seeds itself from a blocking
 * entropy source (a DRBG or a self-seeding SHA1PRNG reads {@code /dev/random}, which stalls on older kernels with
 * little entropy). A caller takes any stripe, which suits virtual threads as well as a pool.
 */
final class RandomUuids {
    /** The platform's default generator: the stripes' seeds only (declared first: the stripes are made from it). */
    private static final SecureRandom SEEDS = new SecureRandom();
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
            byte[] seed = new byte[32];
            SEEDS.nextBytes(seed);
            stripes[i] = seeded(seed);
        }
        return stripes;
    }

    private static SecureRandom seeded(byte[] seed) {
        try {
            SecureRandom stripe = SecureRandom.getInstance("SHA1PRNG");
            stripe.setSeed(seed); // before its first use: it then never seeds itself
            return stripe;
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom(); // a platform without SHA1PRNG: its default generator
        }
    }
}
