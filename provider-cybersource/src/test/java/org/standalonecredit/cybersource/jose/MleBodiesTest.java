package org.standalonecredit.cybersource.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MleBodiesTest {
    private static final PrivateKey RESPONSE_KEY = JoseFixtures.privateKey("response_mle.key.pk8.pem");

    @Test
    void wrapsTheRequestExactlyAsTheSdkSentIt() {
        JsonNode v3 = JoseFixtures.vector("v3_hs256_request_mle");
        assertArrayEquals(JoseFixtures.utf8(v3.path("wire_body").asText()), MleBodies.wrapRequest(v3.path("jwe").asText()));
    }

    @Test
    void wrapsOnlyACompactJwe() {
        for (String bad : new String[] {"", "a.b.c.d", "a.b.c.d.e.f", "a\".b.c.d.e", "a.b.c.d.e\n"}) {
            assertThrows(IllegalArgumentException.class, () -> MleBodies.wrapRequest(bad), bad);
        }
    }

    @Test
    void unwrapsAndDecryptsTheSdkResponse() {
        JsonNode v4 = JoseFixtures.vector("v4_response_mle");
        byte[] body = JoseFixtures.utf8(v4.path("response_body").asText());
        assertEquals(Optional.of(v4.path("jwe").asText()), MleBodies.unwrapResponse(body));
        assertEquals(v4.path("plaintext").asText(), new String(MleBodies.decryptResponse(body, RESPONSE_KEY), StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheWrapperWithWhiteSpaceAsPythonWritesIt() {
        assertEquals(Optional.of("a.b.c.d.e"), MleBodies.unwrapResponse(JoseFixtures.utf8("{ \"encryptedResponse\": \"a.b.c.d.e\" }\n")));
    }

    @Test
    void everyOtherBodyIsPlaintextAndPassesThroughUnchanged() {
        for (String body : new String[] {"", "{}", "[]", "null", "{\"status\":\"PENDING\"}", "{\"encryptedResponse\":1}",
                "{\"encryptedResponse\":\"a.b.c.d.e\",\"status\":\"x\"}", "{\"encryptedResponse\":\"a\",\"encryptedResponse\":\"b\"}",
                "{\"encryptedResponse\":\"a.b.c.d.e\"} trailing", "<html>502</html>", "{\"encryptedResponse\":\"a.b"}) {
            byte[] bytes = JoseFixtures.utf8(body);
            assertTrue(MleBodies.unwrapResponse(bytes).isEmpty(), body);
            assertSame(bytes, MleBodies.decryptResponse(bytes, RESPONSE_KEY), body);
        }
        assertTrue(MleBodies.unwrapResponse(null).isEmpty());
    }

    @Test
    void anEncryptedResponseForAnotherKeyIsAnErrorNotPlaintext() {
        byte[] body = JoseFixtures.utf8(JoseFixtures.vector("v4_response_mle").path("response_body").asText());
        JweException e = assertThrows(JweException.class,
                () -> MleBodies.decryptResponse(body, JoseFixtures.privateKey("request_mle_sjc.key.pk8.pem")));
        assertEquals(JweException.Problem.DECRYPTION_FAILED, e.problem());
    }
}
