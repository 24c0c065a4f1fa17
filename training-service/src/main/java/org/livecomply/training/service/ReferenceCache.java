package org.livecomply.training.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read at most once per {@code ttl} per key, for reference data every status read needs and that
 * changes a few times a year (the published catalogue, circulated notices). The owner {@link #clear}s it when
 * this replica changes the data; another replica, or a read racing the change, sees it within the TTL.
 * Keys are few (audience × day), and a full cache is simply cleared.
 */
final class ReferenceCache<K, V> {

    private static final int MAX_KEYS = 256;

    private record Entry<V>(V value, long loadedNanos) {
    }

    private final long ttlNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    ReferenceCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedNanos() < ttlNanos) {
            return entry.value();
        }
        V value = load.apply(key);
        if (ttlNanos > 0) {
            if (entries.size() >= MAX_KEYS) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    void clear() {
        entries.clear();
    }
}
