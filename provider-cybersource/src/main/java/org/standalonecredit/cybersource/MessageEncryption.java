package org.standalonecredit.cybersource;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.cybersource.jose.CertificateKeyIds;
import org.standalonecredit.cybersource.jose.Jwe;
import org.standalonecredit.cybersource.jose.JweException;
import org.standalonecredit.cybersource.jose.MleBodies;

/**
 * Message-level encryption, each direction on when configured [PROTOCOL-SOURCES: Cybersource: JWT and
 * message-level encryption]: a request body is sent as {@code {"encryptedRequest":"<JWE>"}} to the gateway's MLE
 * certificate (the JWT's digest covers that wrapper), and an {@code {"encryptedResponse":…}} answer is opened with
 * the merchant's response key before it is read. An answer that does not open is passed on as it came: after
 * sending, the reader then finds no outcome in it, which is UNKNOWN, never a failure inviting a re-send.
 */
final class MessageEncryption {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate requestCertificate;
    private final String requestKid;
    private final PrivateKey responseKey;
    private final String responseKid;
    private final Clock clock;

    MessageEncryption(X509Certificate requestCertificate, PrivateKey responseKey, String responseKid, Clock clock) {
        this.requestCertificate = requestCertificate;
        this.requestKid = requestCertificate == null ? null : CertificateKeyIds.keyId(requestCertificate);
        this.responseKey = responseKey;
        this.responseKid = responseKid;
        this.clock = clock;
    }

    static MessageEncryption none() {
        return new MessageEncryption(null, null, null, Clock.systemUTC());
    }

    /** The body as sent: wrapped and encrypted when request MLE is on. */
    byte[] requestBody(byte[] body) {
        if (requestCertificate == null || body == null) {
            return body;
        }
        return MleBodies.wrapRequest(Jwe.encrypt(body, requestCertificate, requestKid, clock.instant(), RANDOM));
    }

    /** The key id the JWT names to ask for an encrypted answer, or null. */
    String responseKid() {
        return responseKey == null ? null : responseKid;
    }

    /** The answer with an encrypted body opened; as it came when there is nothing to open or it does not open. */
    InboundResponse open(InboundResponse response) {
        if (responseKey == null) {
            return response;
        }
        try {
            byte[] body = MleBodies.decryptResponse(response.body(), responseKey);
            return body == response.body() ? response : new InboundResponse(response.status(), response.headers(), body);
        } catch (JweException e) {
            return response;
        }
    }
}
