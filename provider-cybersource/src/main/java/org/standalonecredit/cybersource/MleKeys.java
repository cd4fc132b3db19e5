package org.standalonecredit.cybersource;

import static org.standalonecredit.cybersource.CybersourceSettings.MLE_CERTIFICATE;
import static org.standalonecredit.cybersource.CybersourceSettings.MLE_REQUEST;
import static org.standalonecredit.cybersource.CybersourceSettings.MLE_RESPONSE;
import static org.standalonecredit.cybersource.CybersourceSettings.MLE_RESPONSE_CERTIFICATE;
import static org.standalonecredit.cybersource.CybersourceSettings.MLE_RESPONSE_KEY;
import static org.standalonecredit.cybersource.CybersourceSettings.MLE_RESPONSE_KEY_ID;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.standalonecredit.api.config.GatewaySettings;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.cybersource.jose.CertificateKeyIds;
import org.standalonecredit.cybersource.jose.CredentialException;
import org.standalonecredit.cybersource.jose.P12Credentials;

/**
 * The {@code mle.*} keys, read into the material {@link MessageEncryption} works with. The gateway's request-MLE
 * certificate comes from {@code mle.certificate} or, under {@code jwt-p12}, from the P12 when it holds the
 * {@value P12Credentials#REQUEST_MLE_COMMON_NAME} certificate. Problems name the key, never the material.
 */
final class MleKeys {
    private static final MleKeys OFF = new MleKeys(null, null, null);

    final X509Certificate requestCertificate;
    final PrivateKey responseKey;
    final String responseKeyId;

    private MleKeys(X509Certificate requestCertificate, PrivateKey responseKey, String responseKeyId) {
        this.requestCertificate = requestCertificate;
        this.responseKey = responseKey;
        this.responseKeyId = responseKeyId;
    }

    /**
     * @param jwt whether requests are signed with a JWT (MLE needs one)
     * @param p12 the {@code jwt-p12} credentials, or null
     * @return the material, or null when a key is unusable (the problem is recorded)
     */
    static MleKeys read(GatewaySettings settings, boolean jwt, P12Credentials p12, Clock clock) {
        boolean request = settings.flag(MLE_REQUEST, false);
        boolean response = settings.flag(MLE_RESPONSE, false);
        if (!request && !response) {
            return OFF;
        }
        if (!jwt) {
            settings.problem(request ? MLE_REQUEST : MLE_RESPONSE, "needs " + settings.key(CybersourceSettings.AUTHENTICATION) + "="
                    + CybersourceSettings.JWT + " or " + CybersourceSettings.JWT_P12);
            return null;
        }
        X509Certificate certificate = request ? requestCertificate(settings, p12, clock) : null;
        PrivateKey responseKey = null;
        String responseKeyId = null;
        if (response) {
            Secret key = settings.secret(MLE_RESPONSE_KEY);
            X509Certificate responseCertificate = optionalCertificate(settings, MLE_RESPONSE_CERTIFICATE, clock);
            boolean certificateUnusable = settings.optional(MLE_RESPONSE_CERTIFICATE).isPresent() && responseCertificate == null;
            responseKeyId = settings.optional(MLE_RESPONSE_KEY_ID)
                    .orElseGet(() -> responseCertificate != null ? CertificateKeyIds.keyId(responseCertificate) : null);
            if (responseKeyId == null && !certificateUnusable) {
                settings.problem(MLE_RESPONSE_KEY_ID, "is required with " + settings.key(MLE_RESPONSE) + "=true, unless "
                        + settings.key(MLE_RESPONSE_CERTIFICATE) + " gives the certificate it is taken from");
            }
            if (key != null) {
                try {
                    responseKey = PemMaterial.rsaPrivateKey(key.reveal());
                    String wrong = ResponseKeyCheck.problem(responseKey, responseCertificate);
                    if (wrong != null) {
                        settings.problem(MLE_RESPONSE_KEY, wrong + " (the value is not shown)");
                        responseKey = null;
                    }
                } catch (PemMaterial.Unusable e) {
                    settings.problem(MLE_RESPONSE_KEY, e.getMessage() + " (the value is not shown)");
                }
            }
        }
        if ((request && certificate == null) || (response && (responseKey == null || responseKeyId == null))) {
            return null;
        }
        return new MleKeys(certificate, responseKey, responseKeyId);
    }

    private static X509Certificate requestCertificate(GatewaySettings settings, P12Credentials p12, Clock clock) {
        return settings.optional(MLE_CERTIFICATE).isEmpty() ? fromP12(settings, p12) : optionalCertificate(settings, MLE_CERTIFICATE, clock);
    }

    /** The certificate at {@code key}, valid at the clock; null when absent or unusable (the problem recorded). */
    private static X509Certificate optionalCertificate(GatewaySettings settings, String key, Clock clock) {
        Optional<String> configured = settings.optional(key);
        if (configured.isEmpty()) {
            return null;
        }
        try {
            X509Certificate certificate = PemMaterial.certificate(configured.get());
            certificate.checkValidity(Date.from(clock.instant()));
            return certificate;
        } catch (PemMaterial.Unusable e) {
            settings.problem(key, e.getMessage());
        } catch (java.security.cert.CertificateException e) {
            settings.problem(key, "is expired or not yet valid");
        }
        return null;
    }

    private static X509Certificate fromP12(GatewaySettings settings, P12Credentials p12) {
        String needed = "is required with " + settings.key(MLE_REQUEST) + "=true: the gateway's MLE certificate";
        if (p12 == null) {
            settings.problem(MLE_CERTIFICATE, needed);
            return null;
        }
        try {
            Optional<X509Certificate> inP12 = p12.requestMleCertificate();
            if (inP12.isEmpty()) {
                settings.problem(MLE_CERTIFICATE, needed + " (the P12 holds no " + P12Credentials.REQUEST_MLE_COMMON_NAME
                        + " certificate the JDK can read)");
            }
            return inP12.orElse(null);
        } catch (CredentialException e) {
            settings.problem(MLE_CERTIFICATE, "(from the P12): " + e.getMessage());
            return null;
        }
    }

    boolean encryptsRequests() {
        return requestCertificate != null;
    }

    boolean encryptsResponses() {
        return responseKey != null;
    }
}
