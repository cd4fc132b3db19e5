package org.standalonecredit.api.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;

/** The fingerprint is stored with every journal record: its text and hash must never change. */
class RequestFingerprintTest {
    private static CreditRequest request(String amount, String currency) {
        return CreditRequest.builder().amount(amount, currency).merchantReference("r-1")
                .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).build();
    }

    @Test
    void isTheLowerCaseHexSha256OfAmountCurrencyAndSource() {
        // sha256("10.5|USD|CUSTOMER_TOKEN:F45FB3E443AC3C57E053A2598D0A9CFF"), computed outside Java
        assertEquals("826315aeec09c2a1e72aeb16424c773e90d9467c79f01a12c179bdbbb710d543", RequestFingerprint.of(request("10.50", "USD")));
    }

    @Test
    void trailingZerosDoNotMatterButAmountAndCurrencyDo() {
        assertEquals(RequestFingerprint.of(request("10.50", "USD")), RequestFingerprint.of(request("10.5", "USD")));
        assertNotEquals(RequestFingerprint.of(request("10.50", "USD")), RequestFingerprint.of(request("10.51", "USD")));
        assertNotEquals(RequestFingerprint.of(request("10.50", "USD")), RequestFingerprint.of(request("10.50", "EUR")));
    }

    @Test
    void manyThreadsGetTheSameFingerprint() throws Exception {
        String expected = RequestFingerprint.of(request("10.50", "USD"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String amount = i % 2 == 0 ? "10.50" : "10.5";
                results.add(pool.submit(() -> RequestFingerprint.of(request(amount, "USD"))));
            }
            for (Future<String> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
