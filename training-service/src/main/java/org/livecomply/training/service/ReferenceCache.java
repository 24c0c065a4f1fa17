package org.livecomply.training.service;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read at most once per {@code ttl} per key, for reference data every status read needs and that
 * changes a few times a year (the published catalogue, circulated notices). The owner calls
 * {@link #clearAfterCommit} when this replica changes the data, so the change is seen here as soon as it
 * committed; another replica sees it within the TTL. Keys are few (audience × day), and a full cache is
 * simply cleared.
 */
final class ReferenceCache<K, V> {

    private static final int MAX_KEYS = 256;

    private record Entry<V>(V value, long loadedNanos) {
    }

    private final long ttlNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    // Bumped by every clear: a value loaded before a clear (possibly before the commit it follows) is not kept.
    private long generation;

    ReferenceCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedNanos() < ttlNanos) {
            return entry.value();
        }
        long loadedIn = generation();
        V value = load.apply(key);
        if (ttlNanos > 0) {
            keep(key, new Entry<>(value, now), loadedIn);
        }
        return value;
    }

    /** Clears now, and again when the caller's transaction has ended: reads racing the change are not kept. */
    void clearAfterCommit(TransactionOperations<?> transactions) {
        clear();
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(Status completion) {
                clear();
            }
        }));
    }

    synchronized void clear() {
        generation++;
        entries.clear();
    }

    private synchronized long generation() {
        return generation;
    }

    private synchronized void keep(K key, Entry<V> entry, long loadedIn) {
        if (loadedIn != generation) {
            return;
        }
        if (entries.size() >= MAX_KEYS) {
            entries.clear();
        }
        entries.put(key, entry);
    }
}
