package org.standalonecredit.simulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A key pair and self-signed certificate made by the JDK's own {@code keytool}, for a local HTTPS
 * server such as a simulator started with {@code https(...)}: {@link #serverContext()} presents it,
 * {@link #clientContextTrustingIt()} trusts exactly it (pass it to {@code GatewayOptions.sslContext}),
 * and {@link #writeTrustStore(Path)} writes it as a trust store for a whole JVM
 * ({@code -Djavax.net.ssl.trustStore=... -Djavax.net.ssl.trustStorePassword=changeit}).
 */
public final class SelfSignedCertificate {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private final KeyStore keyStore;

    private SelfSignedCertificate(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /**
     * @param subjectAlternativeName keytool's SAN syntax, e.g. {@code dns:gateway.invalid} or {@code ip:127.0.0.1}
     */
    public static SelfSignedCertificate generate(Path dir, String subjectAlternativeName) {
        Path file = dir.resolve("cert-" + subjectAlternativeName.replaceAll("[^a-z0-9]", "_") + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "gateway",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + subjectAlternativeName.substring(subjectAlternativeName.indexOf(':') + 1),
                "-ext", "SAN=" + subjectAlternativeName, "-validity", "2",
                "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD), "-noprompt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                ks.load(in, PASSWORD);
            }
            return new SelfSignedCertificate(ks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The password of the key store and of a trust store written by {@link #writeTrustStore(Path)}. */
    public static String storePassword() {
        return new String(PASSWORD);
    }

    /** Presents the certificate (for the server). */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts this certificate and nothing else (for the client): any failure left is about the name. */
    public SSLContext clientContextTrustingIt() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a PKCS12 trust store holding only this certificate (password {@link #storePassword()}). */
    public Path writeTrustStore(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            trustStore().store(out, PASSWORD);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore trustStore() throws GeneralSecurityException {
        Certificate cert = keyStore.getCertificate("gateway");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try {
            trust.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        trust.setCertificateEntry("gateway", cert);
        return trust;
    }
}
