package org.standalonecredit.cybersource.jose;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.Objects;

/**
 * RS256 (RSASSA-PKCS1-v1_5 with SHA-256), the default of the P12 flow [DOC-GS Step 3B P12; NODE83; PY76]. A
 * {@link Signature} is not thread-safe, so each call takes its own.
 */
final class RsaJwsKey extends JwsKey {
    static final String ALG = "RS256";
    /** RFC 7518 §3.3: RSA keys of 2048 bits or more. */
    static final int MIN_MODULUS_BITS = 2048;
    private static final String SIGNATURE = "SHA256withRSA";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    /**
     * @param publicKey the matching public key (from the certificate), used only by {@link #verify}
     */
    RsaJwsKey(String kid, PrivateKey privateKey, PublicKey publicKey) {
        super(ALG, kid);
        this.privateKey = requireRsa(Objects.requireNonNull(privateKey, "privateKey"), "private");
        this.publicKey = requireRsa(Objects.requireNonNull(publicKey, "publicKey"), "public");
        byte[] probe = ("key pair check " + kid).getBytes(StandardCharsets.US_ASCII);
        if (!verify(probe, sign(probe))) {
            // A mismatch would only show as a 401 from the gateway; say it at start-up instead.
            throw new CredentialException(CredentialException.Problem.KEY_CERTIFICATE_MISMATCH,
                    "the private key for key id " + kid + " does not belong to its certificate's public key");
        }
    }

    private static <K extends java.security.Key> K requireRsa(K key, String what) {
        if (!(key instanceof RSAKey rsa)) {
            throw new CredentialException(CredentialException.Problem.UNSUPPORTED_KEY,
                    "RS256 needs an RSA " + what + " key, not " + key.getAlgorithm());
        }
        if (rsa.getModulus().bitLength() < MIN_MODULUS_BITS) {
            throw new CredentialException(CredentialException.Problem.UNSUPPORTED_KEY, "RS256 needs an RSA key of at least "
                    + MIN_MODULUS_BITS + " bits, the " + what + " key has " + rsa.getModulus().bitLength());
        }
        return key;
    }

    @Override
    byte[] sign(byte[] input, int offset, int length) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE);
            signature.initSign(privateKey);
            signature.update(input, offset, length);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed for key id " + kid(), e);
        }
    }

    /** PKCS#1 v1.5: a signature is as long as the modulus. */
    @Override
    int signatureLength() {
        return (((RSAKey) privateKey).getModulus().bitLength() + 7) / 8;
    }

    @Override
    boolean verify(byte[] signingInput, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(SIGNATURE);
            verifier.initVerify(publicKey);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
