package org.standalonecredit.simulator.cybersource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The throwaway key material of the JWT/MLE test vectors (protocol notes {@code cybersource-jwt-mle.md} §8),
 * and the key-id rule for certificates. Published test material, never real keys.
 *
 * <table>
 *   <caption>roles</caption>
 *   <tr><td>request MLE ("SJC")</td><td>kid {@code 7100000000000000000001}</td><td>the simulator decrypts</td></tr>
 *   <tr><td>response MLE</td><td>kid {@code 7200000000000000000002}</td><td>the client decrypts</td></tr>
 *   <tr><td>JWT P12 (RS256)</td><td>kid {@code 7300000000000000000003}</td><td>the client signs</td></tr>
 * </table>
 */
public final class JwtMleKeys {
    private static final String DIR = "jwtmle/";

    private JwtMleKeys() {
    }

    /** Cybersource's request-MLE certificate of the vectors (public part; clients encrypt to it). */
    public static X509Certificate requestMleCertificate() {
        return certificate("request_mle_sjc.cert.pem");
    }

    /** The private key the simulator decrypts request MLE with. */
    public static PrivateKey requestMlePrivateKey() {
        return privateKey("request_mle_sjc.key.pk8.pem");
    }

    /** The merchant's response-MLE certificate of the vectors (the simulator encrypts answers to it). */
    public static X509Certificate responseMleCertificate() {
        return certificate("response_mle.cert.pem");
    }

    /** The merchant's response-MLE private key (clients decrypt answers with it). */
    public static PrivateKey responseMlePrivateKey() {
        return privateKey("response_mle.key.pk8.pem");
    }

    /** {@link #requestMleCertificate()} as PEM text, the form a client's configuration takes. */
    public static String requestMleCertificatePem() {
        return resource("request_mle_sjc.cert.pem");
    }

    /** {@link #responseMlePrivateKey()} as PKCS#8 PEM text, the form a client's configuration takes. */
    public static String responseMlePrivateKeyPem() {
        return resource("response_mle.key.pk8.pem");
    }

    /** The merchant's JWT (P12) certificate for RS256. */
    public static X509Certificate jwtCertificate() {
        return certificate("jwt_p12.cert.pem");
    }

    /** The merchant's JWT (P12) private key for RS256. */
    public static PrivateKey jwtPrivateKey() {
        return privateKey("jwt_p12.key.pk8.pem");
    }

    /**
     * The key id Cybersource gives a certificate: the subject's {@code serialNumber} attribute (OID 2.5.4.5),
     * else the decimal X.509 serial number [NODE83 getSerialNumberFromCert; JAVA77 Utility.extractSerialNumber].
     */
    public static String kidOf(X509Certificate certificate) {
        String dn = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER"));
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("SERIALNUMBER")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // fall back to the certificate serial, as the Java SDK does
        }
        return certificate.getSerialNumber().toString();
    }

    /** Reads an X.509 certificate from PEM text. */
    public static X509Certificate certificateFromPem(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    /** Reads an RSA private key from PKCS#8 PEM text ({@code BEGIN PRIVATE KEY}). */
    public static PrivateKey privateKeyFromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
        }
    }

    private static X509Certificate certificate(String name) {
        return certificateFromPem(resource(name));
    }

    private static PrivateKey privateKey(String name) {
        return privateKeyFromPem(resource(name));
    }

    private static String resource(String name) {
        try (InputStream in = JwtMleKeys.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
