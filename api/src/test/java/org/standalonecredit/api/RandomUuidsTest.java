package org.standalonecredit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

    @Test
    void eachIdIsALowerCaseVersion4UuidWithTheIetfVariant() {
        for (int i = 0; i < 1_000; i++) {
            String id = IdGenerator.randomUuids().newId();
            UUID uuid = UUID.fromString(id);
            assertEquals(id, uuid.toString(), "canonical lower-case text");
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
        }
    }

    @Test
    void manyThreadsAtOnceNeverGetTheSameId() throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        int threads = 16;
        int each = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    seen.add(IdGenerator.randomUuids().newId());
                }
            });
            thread.start();
            running.add(thread);
        }
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        assertEquals(threads * each, seen.size());
    }

    @Test
    void theRandomBitsAreNotStuck() {
        // all 122 random bits take both values over a few hundred ids (a stripe wired to a constant would not)
        long msbOr = 0;
        long msbAnd = -1;
        long lsbOr = 0;
        long lsbAnd = -1;
        for (int i = 0; i < 500; i++) {
            UUID uuid = UUID.fromString(IdGenerator.randomUuids().newId());
            msbOr |= uuid.getMostSignificantBits();
            msbAnd &= uuid.getMostSignificantBits();
            lsbOr |= uuid.getLeastSignificantBits();
            lsbAnd &= uuid.getLeastSignificantBits();
        }
        assertEquals(0x4000L, msbAnd, "only the version's one bit is always set");
        assertEquals(~0xB000L, msbOr, "every bit but the version's three zero bits is set at least once");
        assertEquals(0x8000000000000000L, lsbAnd, "only the variant's one bit is always set");
        assertEquals(0xBFFFFFFFFFFFFFFFL, lsbOr, "every bit but the variant's zero bit is set at least once");
    }
}
