package org.standalonecredit.cybersource.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nimbus JOSE+JWT and {@link Jwe} read each other's RSA-OAEP-256 / A256GCM tokens. */
class JweNimbusDifferentialTest {
    private static final X509Certificate RESPONSE_CERT = JoseFixtures.certificate("response_mle.cert.pem");
    private static final PrivateKey RESPONSE_KEY = JoseFixtures.privateKey("response_mle.key.pk8.pem");

    private static byte[] payload(int length) {
        byte[] bytes = new byte[length];
        JoseFixtures.fixedRandom(length).nextBytes(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 204, 4096, 70_000})
    void nimbusDecryptsWhatThisLibraryEncrypts(int length) throws Exception {
        byte[] plaintext = payload(length);
        String compact = Jwe.encrypt(plaintext, RESPONSE_CERT, "7200000000000000000002", JoseFixtures.VECTOR_NOW, JoseFixtures.fixedRandom(-length));

        JWEObject jwe = JWEObject.parse(compact);
        jwe.decrypt(new RSADecrypter(RESPONSE_KEY));

        assertArrayEquals(plaintext, jwe.getPayload().toBytes());
        assertEquals(JWEAlgorithm.RSA_OAEP_256, jwe.getHeader().getAlgorithm());
        assertEquals(EncryptionMethod.A256GCM, jwe.getHeader().getEncryptionMethod());
        assertEquals("7200000000000000000002", jwe.getHeader().getKeyID());
        assertEquals(1796083200L, ((Number) jwe.getHeader().getCustomParam("iat")).longValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 464, 4096, 70_000})
    void thisLibraryDecryptsWhatNimbusEncrypts(int length) throws Exception {
        byte[] plaintext = payload(length);
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID("7200000000000000000002").customParam("iat", 1796083200L).build(), new Payload(plaintext));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) RESPONSE_CERT.getPublicKey()));

        assertArrayEquals(plaintext, Jwe.decrypt(jwe.serialize(), RESPONSE_KEY));
    }

    @Test
    void thisLibraryRefusesANimbusTokenWithAChangedCiphertext() throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM), new Payload("{\"status\":\"PENDING\"}"));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) RESPONSE_CERT.getPublicKey()));
        String[] parts = jwe.serialize().split("\\.");
        byte[] ciphertext = java.util.Base64.getUrlDecoder().decode(parts[3]);
        ciphertext[0] ^= 1;
        parts[3] = Base64Url.encode(ciphertext);

        JweException e = assertThrows(JweException.class, () -> Jwe.decrypt(String.join(".", parts), RESPONSE_KEY));
        assertEquals(JweException.Problem.DECRYPTION_FAILED, e.problem());
    }

    @Test
    void nimbusDecryptsTheSdkVectorsToo() throws Exception {
        JWEObject jwe = JWEObject.parse(JoseFixtures.vector("v4_response_mle").path("jwe").asText());
        jwe.decrypt(new RSADecrypter(RESPONSE_KEY));
        assertEquals(JoseFixtures.vector("v4_response_mle").path("plaintext").asText(), jwe.getPayload().toString());
    }
}
