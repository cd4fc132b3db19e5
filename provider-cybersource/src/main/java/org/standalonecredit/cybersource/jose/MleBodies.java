package org.standalonecredit.cybersource.jose;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The JSON bodies that carry MLE: {@code {"encryptedRequest":…}} out, {@code {"encryptedResponse":…}} back. */
public final class MleBodies {
    static final String REQUEST_MEMBER = "encryptedRequest";
    static final String RESPONSE_MEMBER = "encryptedResponse";
    private static final Pattern COMPACT_JWE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*){4}");

    private MleBodies() {
    }

    /**
     * The request body {@code {"encryptedRequest":"<compact JWE>"}}, without white space, as the Node SDK and
     * the guide send it [DOC-GS Step 4C item 4; NODE83]. These are the exact bytes to send <em>and</em> to
     * digest in the JWT [DOC-GS Java example; PROTOCOL-SOURCES: Cybersource: JWT and message-level encryption].
     */
    public static byte[] wrapRequest(String compactJwe) {
        Objects.requireNonNull(compactJwe, "compactJwe");
        // Only base64url and dots: nothing in it needs JSON escaping.
        if (!COMPACT_JWE.matcher(compactJwe).matches()) {
            throw new IllegalArgumentException("not a compact JWE (five base64url parts)");
        }
        return ("{\"" + REQUEST_MEMBER + "\":\"" + compactJwe + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The compact JWE of a response body that is a JSON object with exactly one member,
     * {@code encryptedResponse}, holding a string; empty for every other body, which is then plaintext
     * [PY76 check_is_mle_encrypted_response; NODE83 checkAndDecryptEncryptedResponse]. Any status may carry
     * either form ([PROTOCOL-SOURCES: Cybersource: JWT and message-level encryption]; open).
     */
    public static Optional<String> unwrapResponse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        Map<String, Optional<String>> members = FlatJson.membersOrNull(body);
        if (members == null || members.size() != 1) {
            return Optional.empty();
        }
        return members.getOrDefault(RESPONSE_MEMBER, Optional.empty());
    }

    /**
     * The plaintext of an encrypted response body, or {@code body} itself when it is not one.
     *
     * @throws JweException when the body is an {@code encryptedResponse} that does not decrypt with this key
     */
    public static byte[] decryptResponse(byte[] body, PrivateKey responseMleKey) {
        Optional<String> jwe = unwrapResponse(body);
        return jwe.isPresent() ? Jwe.decrypt(jwe.get(), responseMleKey) : body;
    }
}
