package org.standalonecredit.cybersource;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Whether a response-MLE private key can open what the gateway encrypts: RSA of at least 2048 bits, and, when the
 * merchant's response certificate is configured, the private half of its public key. A key that cannot is refused
 * at open rather than making every answer undecryptable (each such credit UNKNOWN).
 */
final class ResponseKeyCheck {
    private static final int MIN_BITS = 2048;

    private ResponseKeyCheck() {
    }

    /** What is wrong with the key, or null. */
    static String problem(PrivateKey key, X509Certificate certificate) {
        if (!(key instanceof RSAKey rsa) || rsa.getModulus().bitLength() < MIN_BITS) {
            return "must be an RSA key of at least " + MIN_BITS + " bits";
        }
        if (certificate == null) {
            return null;
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey publicKey) || !publicKey.getModulus().equals(rsa.getModulus())
                || (key instanceof RSAPrivateCrtKey crt && !crt.getPublicExponent().equals(publicKey.getPublicExponent()))) {
            return "does not belong to the certificate of " + CybersourceSettings.MLE_RESPONSE_CERTIFICATE;
        }
        return null;
    }
}
