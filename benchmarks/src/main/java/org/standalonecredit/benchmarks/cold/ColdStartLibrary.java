package org.standalonecredit.benchmarks.cold;

import java.util.Map;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;

/**
 * A fresh JVM's first credit through the library: open the gateway from configuration, build seed 000,
 * credit it, exit. Self-contained on purpose (no benchmark or testkit classes), so the process loads what
 * an application would. Argument: the simulator's base URL. Prints {@code OK <ms in main>}.
 */
public final class ColdStartLibrary {
    private ColdStartLibrary() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Map<String, String> config = Map.of(
                "credit.gateway", "cybersource",
                "credit.cybersource.merchant-id", "testmerchant",
                "credit.cybersource.key-id", "08c94330-f618-42a3-b09d-e1e43be5efda",
                "credit.cybersource.secret-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "credit.cybersource.base-url", args[0]);
        CreditResult result;
        try (CreditGateway gateway = StandaloneCredit.open(ConfigSource.fromMap(config))) {
            CreditRequest request = CreditRequest.builder().amount("10.00", "USD").merchantReference("12345678")
                    .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).build();
            result = gateway.credit(request);
        }
        if (result.outcome() != CreditOutcome.PENDING_SETTLEMENT) {
            System.out.println("FAILED " + result.outcome() + " " + result.detail());
            System.exit(1);
        }
        System.out.println("OK " + (System.nanoTime() - start) / 1_000_000);
        System.exit(0);
    }
}
