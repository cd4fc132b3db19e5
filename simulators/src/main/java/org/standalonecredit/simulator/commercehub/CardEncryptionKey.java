package org.standalonecredit.simulator.commercehub;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The simulator's multi-use public key: an RSA 2048 key pair generated at construction, its key id and
 * validity. The private key never leaves this class.
 */
final class CardEncryptionKey {
    final String keyId;
    final Instant validFrom;
    final Instant validTo;
    private final KeyPair pair;

    private CardEncryptionKey(String keyId, KeyPair pair, Instant validFrom, Instant validTo) {
        this.keyId = keyId;
        this.pair = pair;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    static CardEncryptionKey generate(String keyId, Instant validFrom, Instant validTo) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new CardEncryptionKey(keyId, generator.generateKeyPair(), validFrom, validTo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    PublicKey publicKey() {
        return pair.getPublic();
    }

    /** Base64 of the X.509 SubjectPublicKeyInfo DER (what {@code encodedPublicKey} carries). */
    String encodedPublicKey() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** RSA-OAEP (SHA-256, MGF1-SHA-256) decryption. */
    byte[] decrypt(byte[] block) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CommerceHubCardEncryptor.TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, pair.getPrivate(), CommerceHubCardEncryptor.oaepParameters());
        return cipher.doFinal(block);
    }
}
