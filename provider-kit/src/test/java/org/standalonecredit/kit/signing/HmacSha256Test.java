package org.standalonecredit.kit.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
    /** RFC 4231, test case 2. */
    private static final byte[] KEY = "Jefe".getBytes(StandardCharsets.US_ASCII);
    private static final String MAC = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void signsTheRfc4231VectorTheSameWayEveryTimeWhetherInOnePartOrSeveral() {
        HmacSha256 hmac = new HmacSha256(KEY);
        byte[] message = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertEquals(MAC, HexFormat.of().formatHex(hmac.sign(message)));
        assertEquals(MAC, HexFormat.of().formatHex(hmac.sign(message)));
        assertEquals(MAC, HexFormat.of().formatHex(hmac.sign("what do ya ".getBytes(StandardCharsets.US_ASCII), null,
                "want for nothing?".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void toStringShowsNoKey() {
        assertFalse(new HmacSha256(KEY).toString().contains("Jefe"));
    }

    @Test
    void manyThreadsSigningAtOnceEachGetTheirOwnMessagesMac() throws Exception {
        HmacSha256 hmac = new HmacSha256(KEY);
        javax.crypto.Mac reference = javax.crypto.Mac.getInstance("HmacSHA256");
        reference.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        int threads = 16;
        int each = 2_000;
        String[][] expected = new String[threads][each];
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                expected[t][i] = HexFormat.of().formatHex(reference.doFinal(message(t, i)));
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> wrong = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                wrong.add(pool.submit(() -> {
                    start.await();
                    int mismatches = 0;
                    for (int i = 0; i < each; i++) {
                        byte[] m = message(thread, i);
                        byte[] mac = i % 2 == 0 ? hmac.sign(m) : hmac.sign(m, 0, m.length);
                        mismatches += expected[thread][i].equals(HexFormat.of().formatHex(mac)) ? 0 : 1;
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> f : wrong) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] message(int thread, int i) {
        return ("thread " + thread + " message " + i).getBytes(StandardCharsets.US_ASCII);
    }
}
