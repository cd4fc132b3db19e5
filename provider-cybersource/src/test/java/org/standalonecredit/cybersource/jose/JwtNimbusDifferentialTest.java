package org.standalonecredit.cybersource.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.standalonecredit.cybersource.jose.JoseFixtures.HOST;
import static org.standalonecredit.cybersource.jose.JoseFixtures.KEY_ID;
import static org.standalonecredit.cybersource.jose.JoseFixtures.MERCHANT_ID;
import static org.standalonecredit.cybersource.jose.JoseFixtures.SECRET;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Nimbus JOSE+JWT, an independent implementation, verifies what {@link JwtSigner} writes. */
class JwtNimbusDifferentialTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-05-06T07:08:09Z"), ZoneOffset.UTC);
    private static final byte[] BODY = JoseFixtures.utf8("{\"clientReferenceInformation\":{\"code\":\"r-1\"}}");

    private static SignedJWT verified(String authorization, JWSVerifier verifier, JWSAlgorithm alg, String kid) throws Exception {
        assertTrue(authorization.startsWith("Bearer "));
        SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
        assertTrue(jwt.verify(verifier), "Nimbus must verify the token");
        assertEquals(alg, jwt.getHeader().getAlgorithm());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertEquals(kid, jwt.getHeader().getKeyID());
        return jwt;
    }

    private static void assertClaims(JWTClaimsSet claims, String responseMleKid) throws Exception {
        assertEquals(Date.from(CLOCK.instant()), claims.getIssueTime());
        assertEquals(Date.from(CLOCK.instant().plusSeconds(120)), claims.getExpirationTime());
        assertEquals("jti-1", claims.getJWTID());
        assertEquals(MERCHANT_ID, claims.getIssuer());
        assertEquals(HOST, claims.getStringClaim("request-host"));
        assertEquals("post", claims.getStringClaim("request-method"));
        assertEquals("/pts/v2/credits", claims.getStringClaim("request-resource-path"));
        assertEquals("2", claims.getStringClaim("v-c-jwt-version"));
        assertEquals(MERCHANT_ID, claims.getStringClaim("v-c-merchant-id"));
        assertEquals(JwtClaims.digest(BODY), claims.getStringClaim("digest"));
        assertEquals("SHA-256", claims.getStringClaim("digestAlgorithm"));
        assertEquals(responseMleKid, claims.getStringClaim("v-c-response-mle-kid"));
    }

    @Test
    void nimbusVerifiesTheHs256TokenWithTheDecodedSecret() throws Exception {
        JwtSigner signer = JwtSigner.sharedSecret(MERCHANT_ID, MERCHANT_ID, KEY_ID, SECRET, CLOCK, JoseFixtures.ids("jti-1"));
        String authorization = signer.authorization("POST", HOST, "/pts/v2/credits", BODY, "7200000000000000000002");

        SignedJWT jwt = verified(authorization, new MACVerifier(Base64.getDecoder().decode(SECRET)), JWSAlgorithm.HS256, KEY_ID);
        assertClaims(jwt.getJWTClaimsSet(), "7200000000000000000002");

        assertFalse(jwt.verify(new MACVerifier(Base64.getDecoder().decode("BAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="))),
                "and refuses it under another secret");
    }

    @Test
    void nimbusVerifiesTheRs256TokenWithTheCertificatesKey() throws Exception {
        P12Credentials p12 = P12Credentials.fromBase64(JoseFixtures.p12Base64(), JoseFixtures.P12_PASSWORD.toCharArray(), MERCHANT_ID, CLOCK);
        JwtSigner signer = JwtSigner.p12(MERCHANT_ID, MERCHANT_ID, p12, CLOCK, JoseFixtures.ids("jti-1"));
        String authorization = signer.authorization("POST", HOST, "/pts/v2/credits", BODY, null);

        SignedJWT jwt = verified(authorization, new RSASSAVerifier((RSAPublicKey) p12.certificate().getPublicKey()), JWSAlgorithm.RS256,
                "7300000000000000000003");
        assertClaims(jwt.getJWTClaimsSet(), null);

        RSAPublicKey other = (RSAPublicKey) JoseFixtures.certificate("response_mle.cert.pem").getPublicKey();
        assertFalse(jwt.verify(new RSASSAVerifier(other)), "and refuses it under another key");
    }

    @Test
    void nimbusRefusesAChangedClaim() throws Exception {
        JwtSigner signer = JwtSigner.sharedSecret(MERCHANT_ID, MERCHANT_ID, KEY_ID, SECRET, CLOCK, JoseFixtures.ids("jti-1"));
        String[] parts = signer.authorization("POST", HOST, "/pts/v2/credits", BODY, null).substring("Bearer ".length()).split("\\.");
        String claims = JoseFixtures.segment(String.join(".", parts), 1).replace("\"post\"", "\"put\"");
        String forged = parts[0] + "." + Base64Url.encode(JoseFixtures.utf8(claims)) + "." + parts[2];
        assertFalse(SignedJWT.parse(forged).verify(new MACVerifier(Base64.getDecoder().decode(SECRET))));
    }
}
