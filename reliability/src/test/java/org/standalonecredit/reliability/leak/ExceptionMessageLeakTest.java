package org.standalonecredit.reliability.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditException;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.testkit.reliability.support.Canaries;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;
import org.standalonecredit.testkit.reliability.support.ClosedPort;
import org.standalonecredit.testkit.reliability.support.OpenGateway;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * The exceptions a caller can meet — an invalid request (at build time and at the gateway's own
 * rules), an invalid configuration, an unsupported follow-up — name fields and keys, never the card
 * number, security code or secret that came with them, not even a wrong one.
 */
class ExceptionMessageLeakTest {
    private static final CardExpiry EXPIRY = CardExpiry.of(12, 2031);
    /** Wrong values that carry the canaries: refused, and still never shown. */
    private static final String BAD_LUHN_PAN = "4000056655665557";
    private static final String BAD_SECURITY_CODE = Canaries.SECURITY_CODE + "3";

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void noExceptionMessageShowsACanary(ProviderUnderTest provider) {
        List<String> messages = new ArrayList<>();
        messages.add(thrown(InvalidRequestException.class, () -> CreditRequest.builder().amount("-1", "USD")
                .source(PaymentSource.card(Canaries.PAN, EXPIRY, Canaries.SECURITY_CODE, CardBrand.VISA))
                .merchantReference("r".repeat(60)).build()));
        messages.add(thrown(InvalidRequestException.class, () -> CreditRequest.builder().amount("10.00", "USD")
                .source(PaymentSource.card(BAD_LUHN_PAN, EXPIRY, BAD_SECURITY_CODE, CardBrand.VISA)).build()));

        Map<String, String> config = provider.configuration(ClosedPort.baseUrl());
        try (OpenGateway open = OpenGateway.open(config, CreditListener.NONE, Sleeper.REAL)) {
            CreditRequest breaksTheGatewaysRules = CreditRequest.builder().amount("10.00", "USD")
                    .source(PaymentSource.card(Canaries.PAN, EXPIRY, Canaries.SECURITY_CODE, CardBrand.VISA))
                    .merchantReference(provider.providerId().equals("cybersource") ? "R1" : "REFERENCE-TOO-LONG")
                    .transactionId(provider.providerId().equals("cybersource") ? "T".repeat(31) : "T1").build();
            // a provider with field rules refuses one of these (too long for it); one without any tries to send it
            try {
                open.gateway().preflight(breaksTheGatewaysRules);
            } catch (InvalidRequestException refused) {
                messages.add(refused.getMessage());
            }
            StatusQuery unsupported = provider.deduplicates() ? StatusQuery.byMerchantReference("R1") : StatusQuery.byIdempotencyKey("k-1");
            messages.add(thrown(CreditException.class, () -> open.gateway().status(unsupported)));
        }

        Map<String, String> broken = provider.configuration("http://example.com");
        broken.put("credit.http.deadline", "soon");
        if (!provider.deduplicates()) {
            broken.put("credit." + provider.providerId() + ".secret-key", Canaries.SECRETS.get(0) + "!not base64");
        }
        messages.add(thrown(ConfigurationException.class, () -> OpenGateway.open(broken, CreditListener.NONE, Sleeper.REAL).close()));

        CanaryScanner scanner = new CanaryScanner();
        messages.forEach(m -> scanner.scan("an exception message", m));
        assertEquals(0, scanner.hits(), scanner.describeHits() + " in " + messages);
        for (String m : messages) {
            assertFalse(m.contains(BAD_LUHN_PAN) || m.contains(BAD_SECURITY_CODE), "a wrong card value was shown: " + m);
        }
    }

    private static String thrown(Class<? extends RuntimeException> type, Executable action) {
        return assertThrows(type, action).getMessage();
    }
}
