package org.standalonecredit.cybersource.jose;

import java.security.cert.X509Certificate;
import java.util.Optional;

/** The key id ({@code kid}) Cybersource expects for a certificate, and its subject common name. */
public final class CertificateKeyIds {
    private CertificateKeyIds() {
    }

    /**
     * The subject's {@code serialNumber} attribute (OID 2.5.4.5), else the certificate's serial number in
     * decimal. The attribute is what every SDK sends [NODE83 getSerialNumberFromCert; PY76]; the decimal
     * fallback is the Java SDK's and the guide's {@code kidFromCert} [JAVA77 Utility.extractSerialNumber].
     * Node throws instead when the attribute is absent.
     */
    public static String keyId(X509Certificate certificate) {
        return SubjectAttributes.first(certificate.getSubjectX500Principal(), SubjectAttributes.SERIAL_NUMBER)
                .filter(serial -> !serial.isBlank())
                .orElseGet(() -> certificate.getSerialNumber().toString());
    }

    /** The subject's first common name (CN), if any. */
    public static Optional<String> commonName(X509Certificate certificate) {
        return SubjectAttributes.first(certificate.getSubjectX500Principal(), SubjectAttributes.COMMON_NAME);
    }
}
