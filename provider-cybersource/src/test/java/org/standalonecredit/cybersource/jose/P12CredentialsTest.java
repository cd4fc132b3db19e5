package org.standalonecredit.cybersource.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.standalonecredit.cybersource.jose.JoseFixtures.CERTIFICATES_VALID;
import static org.standalonecredit.cybersource.jose.JoseFixtures.MERCHANT_ID;
import static org.standalonecredit.cybersource.jose.JoseFixtures.P12_PASSWORD;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

class P12CredentialsTest {
    /**
     * The vector P12's password is the merchant id (the Node SDK's default), which messages name on purpose, so
     * checks that no message shows the password use the same P12 re-stored under this one.
     */
    private static final String DISTINCT = "Pa55-for-tests-only";
    private static final char[] PASSWORD = DISTINCT.toCharArray();
    private static final X509Certificate JWT_CERT = JoseFixtures.certificate("jwt_p12.cert.pem");
    private static final X509Certificate SJC_CERT = JoseFixtures.certificate("request_mle_sjc.cert.pem");

    private static CredentialException refused(CredentialException.Problem problem, String secret, Executable load) {
        CredentialException e = assertThrows(CredentialException.class, load);
        assertEquals(problem, e.problem(), e.getMessage());
        JwtSignerTest.assertNoSecretIn(e, secret);
        return e;
    }

    @Test
    void readsTheVectorP12FromBase64() {
        P12Credentials p12 = P12Credentials.fromBase64(JoseFixtures.p12Base64(), P12_PASSWORD.toCharArray(), MERCHANT_ID, CERTIFICATES_VALID);
        assertEquals("7300000000000000000003", p12.keyId());
        assertEquals(JWT_CERT, p12.certificate());
        assertArrayEquals(JoseFixtures.privateKey("jwt_p12.key.pk8.pem").getEncoded(), p12.privateKey().getEncoded());
        assertTrue(p12.requestMleCertificate().isEmpty(), "the vector P12 holds no SJC certificate");
        assertTrue(p12.toString().contains("kid=7300000000000000000003") && p12.toString().contains("key=redacted"), p12.toString());
    }

    @Test
    void readsTheSameP12FromAFileAndFindsTheKeyWhateverTheAliasCase(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("testmerchant.p12");
        Files.write(file, Base64.getDecoder().decode(restored()));
        P12Credentials p12 = P12Credentials.fromFile(file, PASSWORD, "TestMerchant", CERTIFICATES_VALID);
        assertEquals(JWT_CERT, p12.certificate());
    }

    @Test
    void aWrongPasswordIsNamedAndNotShown() {
        String wrong = "hunter2-wrong";
        CredentialException e = refused(CredentialException.Problem.WRONG_PASSWORD, wrong,
                () -> P12Credentials.fromBase64(restored(), wrong.toCharArray(), MERCHANT_ID, CERTIFICATES_VALID));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
        JwtSignerTest.assertNoSecretIn(e, DISTINCT);
    }

    @Test
    void noKeyForAnotherMerchantListsTheAliasesThatAreThere() {
        CredentialException e = refused(CredentialException.Problem.NO_PRIVATE_KEY, DISTINCT,
                () -> P12Credentials.fromBase64(restored(), PASSWORD, "othermerchant", CERTIFICATES_VALID));
        assertTrue(e.getMessage().contains("othermerchant") && e.getMessage().contains("serialnumber=7300000000000000000003,cn=testmerchant"),
                e.getMessage());
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsDate() {
        Clock afterNotAfter = Clock.fixed(JWT_CERT.getNotAfter().toInstant().plusSeconds(1), ZoneOffset.UTC);
        CredentialException e = refused(CredentialException.Problem.CERTIFICATE_EXPIRED, DISTINCT,
                () -> P12Credentials.fromBase64(restored(), PASSWORD, MERCHANT_ID, afterNotAfter));
        assertTrue(e.getMessage().contains("2036-11-28T20:03:43Z"), e.getMessage());
    }

    /** The vectors' own clock is before their certificates' notBefore (README in the resources). */
    @Test
    void aCertificateNotYetValidIsRefused() {
        refused(CredentialException.Problem.CERTIFICATE_NOT_YET_VALID, DISTINCT,
                () -> P12Credentials.fromBase64(restored(), PASSWORD, MERCHANT_ID, JoseFixtures.VECTOR_CLOCK));
    }

    @Test
    void unreadableInputIsNamed(@TempDir Path dir) {
        refused(CredentialException.Problem.P12_UNREADABLE, DISTINCT,
                () -> P12Credentials.fromBase64("not base64 at all!", PASSWORD, MERCHANT_ID, CERTIFICATES_VALID));
        refused(CredentialException.Problem.P12_UNREADABLE, DISTINCT,
                () -> P12Credentials.fromBase64("AAECAwQF", PASSWORD, MERCHANT_ID, CERTIFICATES_VALID));
        CredentialException missing = refused(CredentialException.Problem.P12_UNREADABLE, DISTINCT,
                () -> P12Credentials.fromFile(dir.resolve("absent.p12"), PASSWORD, MERCHANT_ID, CERTIFICATES_VALID));
        assertTrue(missing.getMessage().contains("absent.p12"), missing.getMessage());
    }

    @Test
    void findsTheSjcCertificateStoredBesideTheKey() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("serialnumber=7300000000000000000003,cn=testmerchant", JoseFixtures.privateKey("jwt_p12.key.pk8.pem"), PASSWORD,
                new Certificate[] {JWT_CERT});
        store.setCertificateEntry("cybersource_sjc_us", SJC_CERT);

        P12Credentials p12 = P12Credentials.fromBase64(base64(store), PASSWORD, MERCHANT_ID, CERTIFICATES_VALID);

        assertEquals(SJC_CERT, p12.requestMleCertificate().orElseThrow());
        assertEquals("7100000000000000000001", CertificateKeyIds.keyId(p12.requestMleCertificate().orElseThrow()));
        assertTrue(p12.requestMleCertificate("Other_SJC_US").isEmpty());
    }

    @Test
    void twoKeysForTheSameMerchantAreAmbiguous() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("jwt", JoseFixtures.privateKey("jwt_p12.key.pk8.pem"), PASSWORD, new Certificate[] {JWT_CERT});
        store.setKeyEntry("mle", JoseFixtures.privateKey("response_mle.key.pk8.pem"), PASSWORD,
                new Certificate[] {JoseFixtures.certificate("response_mle.cert.pem")});

        refused(CredentialException.Problem.AMBIGUOUS_PRIVATE_KEY, DISTINCT,
                () -> P12Credentials.fromBase64(base64(store), PASSWORD, MERCHANT_ID, CERTIFICATES_VALID));
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefusedAtStart() {
        CredentialException e = assertThrows(CredentialException.class, () -> JwtSigner.rsa(MERCHANT_ID, MERCHANT_ID,
                JoseFixtures.privateKey("request_mle_sjc.key.pk8.pem"), JWT_CERT, CERTIFICATES_VALID, JwtSigner.randomJwtIds()));
        assertEquals(CredentialException.Problem.KEY_CERTIFICATE_MISMATCH, e.problem());
    }

    @Test
    void theKidIsTheSubjectSerialNumberNotTheCertificateSerial() {
        assertEquals("7300000000000000000003", CertificateKeyIds.keyId(JWT_CERT));
        assertEquals("7200000000000000000002", CertificateKeyIds.keyId(JoseFixtures.certificate("response_mle.cert.pem")));
        assertEquals("CyberSource_SJC_US", CertificateKeyIds.commonName(SJC_CERT).orElseThrow());
        assertFalse(JWT_CERT.getSerialNumber().toString().equals(CertificateKeyIds.keyId(JWT_CERT)));
    }

    /** The vector P12 re-stored under {@link #DISTINCT}. */
    private static String restored() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new java.io.ByteArrayInputStream(Base64.getMimeDecoder().decode(JoseFixtures.p12Base64())), P12_PASSWORD.toCharArray());
        String alias = store.aliases().nextElement();
        KeyStore copy = KeyStore.getInstance("PKCS12");
        copy.load(null, null);
        copy.setKeyEntry(alias, store.getKey(alias, P12_PASSWORD.toCharArray()), PASSWORD, store.getCertificateChain(alias));
        return base64(copy);
    }

    private static String base64(KeyStore store) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
