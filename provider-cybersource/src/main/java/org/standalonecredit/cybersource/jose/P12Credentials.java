package org.standalonecredit.cybersource.jose;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The private key and certificate of a Business-Center PKCS#12 [DOC-GS P12 Step 2A/2B], read with the JDK's
 * "PKCS12" KeyStore (reads the PBES2/HmacPBESHA256 format of current P12 files).
 *
 * <p>Key choice: the one private-key entry whose alias has a {@code cn=<keyAlias>} component or whose
 * certificate's subject CN is {@code keyAlias}, case-insensitively; {@code keyAlias} is the merchant id, or the
 * portfolio id under a meta key [NODE83 MerchantConfig + KeyCertificateGenerator: friendlyName containing
 * {@code cn=<keyAlias>}; JAVA77 KeyCertificateGenerator.keyAliasValidator: the alias's CN value, equalsIgnoreCase].
 * The certificate must be valid at the injected clock.
 *
 * <p>Request-MLE certificate: the certificate with CN {@value #REQUEST_MLE_COMMON_NAME} in the same P12
 * [JAVA88 MLE.md; NODE83 Cache; PROTOCOL-SOURCES: Cybersource: JWT and message-level encryption]. Limitation: the JDK KeyStore shows only certificates in
 * a key's chain or stored as trusted entries; a bare certificate bag written by other tools (e.g. OpenSSL
 * {@code -certfile}) is invisible to it, whereas the Java SDK reads P12 files with BouncyCastle [JAVA77]. Then
 * {@link #requestMleCertificate()} is empty and the certificate must come from a PEM file.
 */
public final class P12Credentials {
    /** The default {@code requestMleKeyAlias} of the SDKs [JAVA88 MLE.md; NODE83; PY76]. */
    public static final String REQUEST_MLE_COMMON_NAME = "CyberSource_SJC_US";

    private final String source;
    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final List<X509Certificate> certificates;
    private final Clock clock;

    private P12Credentials(String source, PrivateKey privateKey, X509Certificate certificate,
                           List<X509Certificate> certificates, Clock clock) {
        this.source = source;
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** Reads a P12 file; {@code password} is not kept. */
    public static P12Credentials fromFile(Path file, char[] password, String keyAlias, Clock clock) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CredentialException(CredentialException.Problem.P12_UNREADABLE, "no P12 file at " + file);
        } catch (IOException e) {
            throw new CredentialException(CredentialException.Problem.P12_UNREADABLE, "cannot read the P12 file " + file, e);
        }
        return load(bytes, "P12 file " + file, password, keyAlias, clock);
    }

    /** Reads a P12 given as base64 text (line breaks and spaces ignored); {@code password} is not kept. */
    public static P12Credentials fromBase64(String base64, char[] password, String keyAlias, Clock clock) {
        Objects.requireNonNull(base64, "base64");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new CredentialException(CredentialException.Problem.P12_UNREADABLE, "the base64 P12 text is not base64");
        }
        return load(bytes, "base64 P12", password, keyAlias, clock);
    }

    private static P12Credentials load(byte[] bytes, String source, char[] password, String keyAlias, Clock clock) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(keyAlias, "keyAlias");
        Objects.requireNonNull(clock, "clock");
        KeyStore store = open(bytes, source, password);
        try {
            List<String> keyAliases = new ArrayList<>();
            List<String> matches = new ArrayList<>();
            List<X509Certificate> certificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                    if (matches(alias, store.getCertificate(alias), keyAlias)) {
                        matches.add(alias);
                    }
                    Certificate[] chain = store.getCertificateChain(alias);
                    for (Certificate c : chain == null ? new Certificate[0] : chain) {
                        addX509(certificates, c);
                    }
                } else {
                    addX509(certificates, store.getCertificate(alias));
                }
            }
            if (matches.isEmpty()) {
                throw new CredentialException(CredentialException.Problem.NO_PRIVATE_KEY, "no private key for '" + keyAlias
                        + "' in the " + source + " (private-key aliases: " + keyAliases + ")");
            }
            if (matches.size() > 1) {
                throw new CredentialException(CredentialException.Problem.AMBIGUOUS_PRIVATE_KEY, "more than one private key for '"
                        + keyAlias + "' in the " + source + ": " + matches);
            }
            String alias = matches.get(0);
            Key key = privateKey(store, alias, source, password);
            if (!(key instanceof PrivateKey privateKey) || !(store.getCertificate(alias) instanceof X509Certificate certificate)) {
                throw new CredentialException(CredentialException.Problem.NO_PRIVATE_KEY, "the entry '" + alias + "' in the "
                        + source + " holds no private key with an X.509 certificate");
            }
            checkValidity(certificate, "the certificate of '" + alias + "' in the " + source, clock);
            return new P12Credentials(source, privateKey, certificate, List.copyOf(certificates), clock);
        } catch (KeyStoreException e) {
            throw new IllegalStateException("the loaded KeyStore refused a query", e);
        }
    }

    private static KeyStore open(byte[] bytes, String source, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new CredentialException(CredentialException.Problem.WRONG_PASSWORD,
                        "the password does not open the " + source + " (the password is not shown)");
            }
            throw new CredentialException(CredentialException.Problem.P12_UNREADABLE, "the " + source + " is not a readable PKCS#12 store", e);
        } catch (GeneralSecurityException e) {
            throw new CredentialException(CredentialException.Problem.P12_UNREADABLE, "the " + source + " is not a readable PKCS#12 store", e);
        }
    }

    private static Key privateKey(KeyStore store, String alias, String source, char[] password) {
        try {
            return store.getKey(alias, password);
        } catch (UnrecoverableKeyException e) {
            throw new CredentialException(CredentialException.Problem.WRONG_PASSWORD, "the store password does not open the key '"
                    + alias + "' in the " + source + " (the password is not shown)");
        } catch (GeneralSecurityException e) {
            throw new CredentialException(CredentialException.Problem.P12_UNREADABLE, "cannot read the key '" + alias + "' in the " + source, e);
        }
    }

    /** Alias components split on ',' as the Java SDK does [JAVA77 keyAliasValidator], or the certificate's CN. */
    private static boolean matches(String alias, Certificate certificate, String keyAlias) {
        for (String part : alias.split(",")) {
            String[] nameValue = part.strip().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].strip().equalsIgnoreCase("cn") && nameValue[1].strip().equalsIgnoreCase(keyAlias)) {
                return true;
            }
        }
        return certificate instanceof X509Certificate x509
                && CertificateKeyIds.commonName(x509).filter(keyAlias::equalsIgnoreCase).isPresent();
    }

    private static void addX509(List<X509Certificate> certificates, Certificate certificate) {
        if (certificate instanceof X509Certificate x509 && !certificates.contains(x509)) {
            certificates.add(x509);
        }
    }

    static void checkValidity(X509Certificate certificate, String what, Clock clock) {
        try {
            certificate.checkValidity(java.util.Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            throw new CredentialException(CredentialException.Problem.CERTIFICATE_EXPIRED, what + " (subject "
                    + certificate.getSubjectX500Principal() + ") expired at " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new CredentialException(CredentialException.Problem.CERTIFICATE_NOT_YET_VALID, what + " (subject "
                    + certificate.getSubjectX500Principal() + ") is valid only from " + certificate.getNotBefore().toInstant());
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The JWT {@code kid}: {@link CertificateKeyIds#keyId} of {@link #certificate()}. */
    public String keyId() {
        return CertificateKeyIds.keyId(certificate);
    }

    /** {@link #requestMleCertificate(String)} with the default CN {@value #REQUEST_MLE_COMMON_NAME}. */
    public Optional<X509Certificate> requestMleCertificate() {
        return requestMleCertificate(REQUEST_MLE_COMMON_NAME);
    }

    /**
     * The certificate in this P12 whose subject CN equals {@code commonName} (case-insensitively), checked
     * valid at the clock; empty when the JDK KeyStore shows none (see the class comment).
     *
     * @throws CredentialException {@code CERTIFICATE_EXPIRED} / {@code CERTIFICATE_NOT_YET_VALID}
     */
    public Optional<X509Certificate> requestMleCertificate(String commonName) {
        Objects.requireNonNull(commonName, "commonName");
        for (X509Certificate candidate : certificates) {
            if (CertificateKeyIds.commonName(candidate).filter(commonName::equalsIgnoreCase).isPresent()) {
                checkValidity(candidate, "the request-MLE certificate '" + commonName + "' in the " + source, clock);
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "P12Credentials[" + source + ", kid=" + keyId() + ", subject=" + certificate.getSubjectX500Principal().getName()
                + ", key=redacted]";
    }
}
