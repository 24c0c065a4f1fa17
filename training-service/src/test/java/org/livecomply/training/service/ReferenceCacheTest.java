package org.livecomply.training.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReferenceCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void aValueIsReadOncePerKeyWithinTheTtlAndAgainAfterAClear() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofHours(1));
        assertEquals("MARKETER#1", cache.get("MARKETER", this::load));
        assertEquals("MARKETER#1", cache.get("MARKETER", this::load));
        assertEquals("MCN#2", cache.get("MCN", this::load), "per key");
        cache.clear();
        assertEquals("MARKETER#3", cache.get("MARKETER", this::load), "a change on this replica is read at once");
    }

    @Test
    void aValueReadWhileAChangeIsClearedIsNotKept() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofHours(1));
        assertEquals("k#1", cache.get("k", key -> {
            cache.clear(); // the change commits while this read runs: what it read may be the old value
            return load(key);
        }));
        assertEquals("k#2", cache.get("k", this::load), "read again, not the value read during the change");
        assertEquals("k#2", cache.get("k", this::load));
    }

    @Test
    void anExpiredValueIsReadAgain() throws InterruptedException {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofMillis(20));
        assertEquals("k#1", cache.get("k", this::load));
        Thread.sleep(40);
        assertEquals("k#2", cache.get("k", this::load), "another replica's change is seen within the TTL");
    }

    @Test
    void aZeroTtlReadsEveryTime() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ZERO);
        assertEquals("k#1", cache.get("k", this::load));
        assertEquals("k#2", cache.get("k", this::load));
    }
}
