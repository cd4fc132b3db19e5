package org.standalonecredit.api;

import org.standalonecredit.api.privacy.Masking;

/**
 * A response body as shown to callers: masked on first read, not when the answer arrives. Most callers
 * never read it, and masking re-parses and re-writes the whole body. The raw bytes are released as soon
 * as the masked text exists, and are never reachable from outside.
 */
final class MaskedBody {
    private byte[] raw;
    private volatile String masked;

    private MaskedBody(byte[] raw, String masked) {
        this.raw = raw;
        this.masked = masked;
    }

    static MaskedBody ofMasked(String masked) {
        return masked == null ? null : new MaskedBody(null, masked);
    }

    static MaskedBody ofRaw(byte[] raw) {
        return raw == null ? null : new MaskedBody(raw, null);
    }

    String text() {
        String text = masked;
        if (text == null) {
            synchronized (this) {
                text = masked;
                if (text == null) {
                    text = Masking.maskBody(raw);
                    masked = text;
                    raw = null;
                }
            }
        }
        return text;
    }
}
