package org.standalonecredit.kit.signing;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, for signing requests. The key is set up once; each signature works on a clone
 * of that keyed {@link Mac} (no provider look-up, no key schedule per request), or on a fresh one where the
 * provider's Mac cannot be cloned. Thread-safe; {@code toString()} shows no key.
 */
public final class HmacSha256 {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    private final Mac prototype;

    public HmacSha256(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.prototype = fresh();
    }

    /** The MAC of these parts, in order, as one message. */
    public byte[] sign(byte[]... parts) {
        Mac mac = newMac();
        for (byte[] part : parts) {
            if (part != null) {
                mac.update(part);
            }
        }
        return mac.doFinal();
    }

    /** The MAC of {@code data[offset .. offset + length)}. */
    public byte[] sign(byte[] data, int offset, int length) {
        Mac mac = newMac();
        mac.update(data, offset, length);
        return mac.doFinal();
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
