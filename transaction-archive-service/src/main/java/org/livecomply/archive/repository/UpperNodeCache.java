package org.livecomply.archive.repository;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.livecomply.archive.domain.NodeKey;

/**
 * Stored subtree hashes of the upper levels, kept in memory for proofs. A stored node is a complete
 * subtree and never changes, and every proof of a big log reads the same few upper nodes, so caching
 * them halves what a proof asks the database for. Bounded (least recently used out), so memory stays
 * flat however long the log grows. Only proofs read through it: log verification always reads the rows.
 */
@Singleton
public class UpperNodeCache {

    /** Subtrees of at least 2^6 = 64 leaves: a 1,000,000-leaf log has about 31,000 of them (about 3 MiB). */
    static final int MIN_LEVEL = 6;
    static final int MAX_ENTRIES = 65_536;

    private final TreeStore tree;
    private final Map<NodeKey, byte[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeKey, byte[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public UpperNodeCache(TreeStore tree) {
        this.tree = tree;
    }

    /** The stored hashes of {@code keys}, upper levels from memory where possible, the rest in one read. */
    public Map<NodeKey, byte[]> find(Collection<NodeKey> keys) {
        Map<NodeKey, byte[]> found = new HashMap<>();
        List<NodeKey> missing = new ArrayList<>();
        synchronized (cache) {
            for (NodeKey key : keys) {
                byte[] hash = key.level() >= MIN_LEVEL ? cache.get(key) : null;
                if (hash == null) {
                    missing.add(key);
                } else {
                    found.put(key, hash);
                }
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        Map<NodeKey, byte[]> read = tree.find(missing);
        found.putAll(read);
        synchronized (cache) {
            read.forEach((key, hash) -> {
                if (key.level() >= MIN_LEVEL) {
                    cache.put(key, hash);
                }
            });
        }
        return found;
    }

    int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
