package org.standalonecredit.kit.signing;

import java.security.GeneralSecurityException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, for signing requests. The key is set up once, into a few keyed {@link Mac}s that
 * callers borrow (a finished MAC leaves its Mac keyed and ready for the next); a caller finding its stripe
 * busy signs on a clone of a keyed Mac instead, or on a fresh one where the provider's Mac cannot be cloned.
 * Neither a provider look-up nor a key schedule per request, and no per-thread copies (which virtual threads
 * would multiply). Thread-safe; {@code toString()} shows no key.
 */
public final class HmacSha256 {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    private final Mac prototype;
    private final Mac[] stripes;
    private final AtomicIntegerArray borrowed;

    public HmacSha256(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.prototype = fresh();
        this.stripes = new Mac[Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors())) * 2];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = fresh();
        }
        this.borrowed = new AtomicIntegerArray(stripes.length);
    }

    /** The MAC of these parts, in order, as one message. */
    public byte[] sign(byte[]... parts) {
        return withMac(mac -> {
            for (byte[] part : parts) {
                if (part != null) {
                    mac.update(part);
                }
            }
        });
    }

    /** The MAC of {@code data[offset .. offset + length)}. */
    public byte[] sign(byte[] data, int offset, int length) {
        return withMac(mac -> mac.update(data, offset, length));
    }

    private byte[] withMac(Consumer<Mac> message) {
        int stripe = ThreadLocalRandom.current().nextInt(stripes.length);
        boolean own = borrowed.compareAndSet(stripe, 0, 1);
        Mac mac = own ? stripes[stripe] : newMac();
        try {
            message.accept(mac);
            return mac.doFinal();
        } finally {
            if (own) {
                mac.reset(); // doFinal already did, unless the message failed half-way
                borrowed.set(stripe, 0);
            }
        }
    }

    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return fresh();
        }
    }

    private Mac fresh() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "HmacSha256[key=redacted]";
    }
}
