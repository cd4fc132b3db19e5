package org.standalonecredit.api;

import java.util.function.Supplier;

/**
 * A response body as shown to callers: masked on first read, not when the answer arrives. Most callers
 * never read it, and masking re-parses and re-writes the whole body. The masking (and the raw bytes it
 * holds) is released as soon as the masked text exists, and is never reachable from outside.
 */
final class MaskedBody {
    private Supplier<String> masking;
    private volatile String masked;

    private MaskedBody(Supplier<String> masking, String masked) {
        this.masking = masking;
        this.masked = masked;
    }

    static MaskedBody ofMasked(String masked) {
        return masked == null ? null : new MaskedBody(null, masked);
    }

    static MaskedBody onRead(Supplier<String> masking) {
        return masking == null ? null : new MaskedBody(masking, null);
    }

    String text() {
        String text = masked;
        if (text == null) {
            synchronized (this) {
                text = masked;
                if (text == null) {
                    String computed = masking.get();
                    text = computed == null ? "" : computed;
                    masked = text;
                    masking = null;
                }
            }
        }
        return text;
    }
}
