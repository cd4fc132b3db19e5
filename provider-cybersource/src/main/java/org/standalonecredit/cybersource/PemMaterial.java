package org.standalonecredit.cybersource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Key material given in configuration as PEM text (from a vault or an environment variable) or as the path of a
 * PEM file. Failures say what is wrong, never the material.
 */
final class PemMaterial {
    private PemMaterial() {
    }

    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    static X509Certificate certificate(String value) throws Unusable {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(text(value).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new Unusable("is not an X.509 certificate in PEM form (text or a file path)");
        }
    }

    /** An RSA private key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    static PrivateKey rsaPrivateKey(String value) throws Unusable {
        String pem = text(value);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Unusable("is not an RSA private key in PKCS#8 PEM form (text or a file path)");
        }
    }

    private static String text(String value) throws Unusable {
        if (value.contains("-----BEGIN")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value.strip()), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new Unusable("names no readable PEM file and is not PEM text");
        }
    }
}
