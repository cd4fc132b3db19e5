package org.standalonecredit.cybersource.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** Compact JWE against vectors v3, v4 and v7 (protocol notes §8) and against tampering. */
class JweTest {
    private static final X509Certificate SJC_CERT = JoseFixtures.certificate("request_mle_sjc.cert.pem");
    private static final PrivateKey SJC_KEY = JoseFixtures.privateKey("request_mle_sjc.key.pk8.pem");
    private static final PrivateKey RESPONSE_KEY = JoseFixtures.privateKey("response_mle.key.pk8.pem");
    private static final String SJC_KID = "7100000000000000000001";

    @Test
    void decryptsTheSdksRequestMle() {
        JsonNode v3 = JoseFixtures.vector("v3_hs256_request_mle");
        assertEquals(v3.path("plaintext_body").asText(), new String(Jwe.decrypt(v3.path("jwe").asText(), SJC_KEY), StandardCharsets.UTF_8));
    }

    @Test
    void decryptsTheRequestMleTheSdkSentOverTheWire() {
        String body = JoseFixtures.vector("v7_e2e_mle").path("captured").path("body").asText();
        String jwe = JoseFixtures.json(JoseFixtures.utf8(body)).path(MleBodies.REQUEST_MEMBER).asText();
        String v6Body = JoseFixtures.vector("v6_e2e_plain").path("captured").path("body").asText();
        assertEquals(v6Body, new String(Jwe.decrypt(jwe, SJC_KEY), StandardCharsets.UTF_8));
    }

    @Test
    void decryptsTheResponseMleTheSdkDecrypted() {
        JsonNode v4 = JoseFixtures.vector("v4_response_mle");
        assertEquals(v4.path("plaintext").asText(), new String(Jwe.decrypt(v4.path("jwe").asText(), RESPONSE_KEY), StandardCharsets.UTF_8));
    }

    @Test
    void writesTheSdksProtectedHeaderByteForByte() {
        JsonNode v3 = JoseFixtures.vector("v3_hs256_request_mle");
        String ours = Jwe.encrypt(JoseFixtures.utf8("{}"), SJC_CERT, CertificateKeyIds.keyId(SJC_CERT), JoseFixtures.VECTOR_NOW,
                JoseFixtures.fixedRandom(1));
        assertEquals(v3.path("jwe").asText().split("\\.")[0], ours.split("\\.")[0]);
        assertEquals(v3.path("jwe_protected_header_json").asText(), JoseFixtures.segment(ours, 0));
    }

    @Test
    void encryptsRepeatablyUnderAFixedRandomAndRoundTrips() {
        byte[] plaintext = JoseFixtures.utf8(JoseFixtures.vector("v3_hs256_request_mle").path("plaintext_body").asText());
        String first = Jwe.encrypt(plaintext, SJC_CERT, SJC_KID, JoseFixtures.VECTOR_NOW, JoseFixtures.fixedRandom(7));
        String again = Jwe.encrypt(plaintext, SJC_CERT, SJC_KID, JoseFixtures.VECTOR_NOW, JoseFixtures.fixedRandom(7));
        String other = Jwe.encrypt(plaintext, SJC_CERT, SJC_KID, JoseFixtures.VECTOR_NOW, JoseFixtures.fixedRandom(8));
        assertEquals(first, again);
        assertNotEquals(first, other);
        assertArrayEquals(plaintext, Jwe.decrypt(first, SJC_KEY));
        assertArrayEquals(new byte[0], Jwe.decrypt(Jwe.encrypt(new byte[0], SJC_CERT, SJC_KID, JoseFixtures.VECTOR_NOW,
                JoseFixtures.fixedRandom(9)), SJC_KEY));
    }

    /** The JDK's default OAEP parameters for this transformation use MGF1-SHA-1: they must not open our key. */
    @Test
    void wrapsTheKeyWithMgf1Sha256NotTheJdkDefault() throws Exception {
        String jwe = Jwe.encrypt(JoseFixtures.utf8("x"), SJC_CERT, SJC_KID, JoseFixtures.VECTOR_NOW, JoseFixtures.fixedRandom(3));
        byte[] encryptedKey = Base64.getUrlDecoder().decode(jwe.split("\\.")[1]);
        Cipher jdkDefault = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        jdkDefault.init(Cipher.DECRYPT_MODE, SJC_KEY);
        assertThrows(javax.crypto.BadPaddingException.class, () -> jdkDefault.doFinal(encryptedKey));
    }

    @Test
    void refusesEveryOneCharacterChange() {
        String jwe = JoseFixtures.vector("v3_hs256_request_mle").path("jwe").asText();
        for (int i = 0; i < jwe.length(); i++) {
            char original = jwe.charAt(i);
            char changed = original == 'A' ? 'B' : original == '.' ? 'x' : 'A';
            String tampered = jwe.substring(0, i) + changed + jwe.substring(i + 1);
            assertThrows(JweException.class, () -> Jwe.decrypt(tampered, SJC_KEY), "a change at " + i + " must not decrypt");
        }
    }

    @Test
    void aChangeInTheUnusedBitsOfTheLastTagCharacterIsRefusedToo() {
        String jwe = JoseFixtures.vector("v3_hs256_request_mle").path("jwe").asText();
        // 16 tag bytes = 22 characters; the last one carries 4 data bits and 2 unused ones.
        String alias = JoseFixtures.lastCharacterLowBitFlipped(jwe);
        assertArrayEquals(Base64.getUrlDecoder().decode(jwe.substring(jwe.lastIndexOf('.') + 1)),
                Base64.getUrlDecoder().decode(alias.substring(alias.lastIndexOf('.') + 1)), "the JDK decodes both to the same tag");
        JweException e = assertThrows(JweException.class, () -> Jwe.decrypt(alias, SJC_KEY));
        assertEquals(JweException.Problem.MALFORMED, e.problem());
    }

    @Test
    void theWrongKeyFailsLikeATamperedTag() {
        String jwe = JoseFixtures.vector("v3_hs256_request_mle").path("jwe").asText();
        assertEquals(JweException.Problem.DECRYPTION_FAILED, assertThrows(JweException.class, () -> Jwe.decrypt(jwe, RESPONSE_KEY)).problem());
    }

    @Test
    void refusesOtherAlgorithmsCompressionAndCriticalExtensions() {
        for (String header : new String[] {"{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}", "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A128GCM\"}",
                "{\"alg\":\"dir\",\"enc\":\"A256GCM\"}", "{\"enc\":\"A256GCM\"}", "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"zip\":\"DEF\"}",
                "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"crit\":[\"exp\"]}"}) {
            assertEquals(JweException.Problem.UNSUPPORTED, assertThrows(JweException.class,
                    () -> Jwe.decrypt(withHeader(header), SJC_KEY), header).problem());
        }
        for (String header : new String[] {"[]", "{\"alg\":\"RSA-OAEP-256\",\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}", "{", "{} {}"}) {
            assertEquals(JweException.Problem.MALFORMED, assertThrows(JweException.class,
                    () -> Jwe.decrypt(withHeader(header), SJC_KEY), header).problem());
        }
    }

    @Test
    void refusesMalformedCompactText() {
        String jwe = JoseFixtures.vector("v3_hs256_request_mle").path("jwe").asText();
        String[] parts = jwe.split("\\.");
        for (String bad : new String[] {"", "a.b.c.d", jwe + ".", jwe.replace('-', '+'), parts[0] + ".." + parts[2] + "." + parts[3] + "." + parts[4],
                String.join(".", parts[0], parts[1], parts[2].substring(2), parts[3], parts[4]),
                String.join(".", parts[0], parts[1], parts[2], parts[3], parts[4].substring(0, 20))}) {
            assertThrows(JweException.class, () -> Jwe.decrypt(bad, SJC_KEY), bad);
        }
    }

    @Test
    void refusesKeysThatAreNotRsa2048() throws Exception {
        java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
        PrivateKey ecKey = ec.generateKeyPair().getPrivate();
        String jwe = JoseFixtures.vector("v3_hs256_request_mle").path("jwe").asText();
        assertThrows(IllegalArgumentException.class, () -> Jwe.decrypt(jwe, ecKey));
    }

    private static String withHeader(String headerJson) {
        String[] parts = JoseFixtures.vector("v3_hs256_request_mle").path("jwe").asText().split("\\.");
        parts[0] = Base64Url.encode(JoseFixtures.utf8(headerJson));
        return String.join(".", parts);
    }
}
