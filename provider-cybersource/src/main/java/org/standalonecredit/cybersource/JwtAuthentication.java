package org.standalonecredit.cybersource;

import java.time.Instant;
import java.util.List;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.cybersource.jose.JwtSigner;

/**
 * {@code Authorization: Bearer <JWT>}, the v2 claims over this request (host, method, path, digest of the exact
 * body, merchant). With a JWT the request carries no {@code Date}, {@code Digest}, {@code Signature} or
 * {@code v-c-merchant-id} header: the claims say it all [PROTOCOL-SOURCES: Cybersource: JWT and message-level
 * encryption]. The token's time comes from the signer's clock, the same one the gateway's requests use.
 */
final class JwtAuthentication implements RequestAuthentication {
    private final JwtSigner signer;
    private final String responseMleKid;

    /** @param responseMleKid the key id that asks the gateway to encrypt its answers, or null */
    JwtAuthentication(JwtSigner signer, String responseMleKid) {
        this.signer = signer;
        this.responseMleKid = responseMleKid;
    }

    @Override
    public List<Header> headers(String method, String host, String pathAndQuery, Instant now, byte[] body) {
        // the claim names the host alone, without the port a test or proxy address may carry
        String hostOnly = hostOnly(host);
        return List.of(new Header("Host", host),
                new Header("Authorization", signer.authorization(method, hostOnly, pathAndQuery, body, responseMleKid)));
    }

    /** {@code host} without {@code :port}; an IPv6 literal keeps its brackets. */
    static String hostOnly(String host) {
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        return end <= 0 || end >= host.length() ? host : host.substring(0, end);
    }

    @Override
    public String toString() {
        return "JwtAuthentication[" + signer + "]";
    }
}
