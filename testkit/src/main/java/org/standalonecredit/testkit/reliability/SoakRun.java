package org.standalonecredit.testkit.reliability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * Sends {@code credits} credits from {@code callers} threads through one gateway, as fast as it
 * answers. Credit {@code i} always has the same reference and amount, so a seed and a count name the
 * whole run.
 */
final class SoakRun {
    private SoakRun() {
    }

    /** Credit i's merchant reference (and its transactionId, where the provider looks credits up by it). */
    static String reference(int i) {
        return String.format("S%07d", i);
    }

    /** Credit i's amount: 1.00 to 99.99 USD. */
    static String amount(int i) {
        return BigDecimal.valueOf(100 + (i * 37L) % 9900, 2).toPlainString();
    }

    /** One credit as sent and as answered. */
    record Sent(CreditRequest request, CreditResult result) {
    }

    static List<Sent> run(ProviderUnderTest provider, CreditGateway gateway, int credits, int callers, CanaryScanner scanner)
            throws Exception {
        AtomicReferenceArray<Sent> sent = new AtomicReferenceArray<>(credits);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers, r -> {
            Thread t = new Thread(r, "soak-caller-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    for (int i = next.getAndIncrement(); i < credits; i = next.getAndIncrement()) {
                        CreditRequest request = provider.request(amount(i), reference(i));
                        CreditResult result = gateway.credit(request);
                        ResultTexts.scan(scanner, request, result);
                        sent.set(i, new Sent(request, result));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        List<Sent> all = new ArrayList<>(credits);
        for (int i = 0; i < credits; i++) {
            all.add(sent.get(i));
        }
        return all;
    }
}
