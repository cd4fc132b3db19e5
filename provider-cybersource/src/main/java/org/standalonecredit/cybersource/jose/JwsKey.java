package org.standalonecredit.cybersource.jose;

import java.util.Objects;

/** A JWS signing key with its JOSE {@code alg} and {@code kid}. Implementations are thread-safe. */
abstract sealed class JwsKey permits HmacJwsKey, RsaJwsKey {
    private final String alg;
    private final String kid;

    JwsKey(String alg, String kid) {
        this.alg = Objects.requireNonNull(alg, "alg");
        this.kid = Objects.requireNonNull(kid, "kid");
    }

    final String alg() {
        return alg;
    }

    final String kid() {
        return kid;
    }

    /** The signature of the ASCII signing input {@code base64url(header) "." base64url(payload)}. */
    final byte[] sign(byte[] signingInput) {
        return sign(signingInput, 0, signingInput.length);
    }

    /** The signature of the signing input at {@code input[offset .. offset + length)}. */
    abstract byte[] sign(byte[] input, int offset, int length);

    /** The length of this key's signatures in bytes, to size a token before signing it. */
    abstract int signatureLength();

    /** Whether {@code signature} is this key's signature of {@code signingInput}. */
    abstract boolean verify(byte[] signingInput, byte[] signature);

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[alg=" + alg + ", kid=" + kid + ", key=redacted]";
    }
}
