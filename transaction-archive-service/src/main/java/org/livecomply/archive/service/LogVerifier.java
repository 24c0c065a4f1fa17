package org.livecomply.archive.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.livecomply.archive.domain.Frontier;
import org.livecomply.archive.domain.LogVerification;
import org.livecomply.archive.domain.Node;
import org.livecomply.archive.domain.NodeKey;
import org.livecomply.archive.domain.RecordQuery;
import org.livecomply.archive.domain.StoredRecord;
import org.livecomply.archive.repository.RecordStore;
import org.livecomply.archive.repository.TreeStore;
import org.livecomply.sdk.archive.MerkleHashes;

/**
 * Recomputes the log from its leaves and compares with what is stored: each leaf hash against its
 * payload and salt, every stored interior node against the leaves below it, the head against the root (ECL Art. 62:
 * tampering must be detectable). Reads one snapshot, a page of leaves at a time.
 */
@Singleton
public class LogVerifier {

    static final int PAGE = 5000;
    private static final RecordQuery ALL = new RecordQuery(null, null, null, null, null, null);

    private final RecordStore records;
    private final TreeStore tree;

    public LogVerifier(RecordStore records, TreeStore tree) {
        this.records = records;
        this.tree = tree;
    }

    @Transactional(readOnly = true)
    public LogVerification verify() {
        TreeStore.Head head = tree.head();
        Frontier frontier = new Frontier(0, List.of());
        long recomputed = 0;
        long expected = 0;
        while (expected < head.size()) {
            List<StoredRecord> page = records.page(ALL, expected - 1, PAGE);
            if (page.isEmpty()) {
                return new LogVerification(head.size(), "the head says " + head.size() + " leaves but records end at " + expected, recomputed);
            }
            for (StoredRecord record : page) {
                if (record.leafIndex() != expected) {
                    return new LogVerification(head.size(), "leaf " + expected + " is missing", recomputed);
                }
                if (!record.erased()) {
                    recomputed++;
                    if (!Arrays.equals(MerkleHashes.leaf(record.payload(), record.salt()), record.leafHash())) {
                        return new LogVerification(head.size(), record.name() + ": payload or salt do not hash to the stored leaf hash", recomputed);
                    }
                }
                frontier.append(record.leafHash());
                expected++;
            }
            String mismatch = compareNodes(frontier.drainCompleted());
            if (mismatch != null) {
                return new LogVerification(head.size(), mismatch, recomputed);
            }
        }
        if (!Arrays.equals(frontier.root(), head.root())) {
            return new LogVerification(head.size(), "the tree head root " + HexFormat.of().formatHex(head.root())
                    + " is not the root of the stored leaves", recomputed);
        }
        return new LogVerification(head.size(), null, recomputed);
    }

    /** Interior nodes only: a leaf's node is its record's leaf hash, which the recomputation above started from. */
    private String compareNodes(List<Node> completed) {
        List<Node> computed = completed.stream().filter(node -> node.key().level() > 0).toList();
        Map<NodeKey, byte[]> stored = tree.find(computed.stream().map(Node::key).toList());
        for (Node node : computed) {
            byte[] hash = stored.get(node.key());
            if (hash == null) {
                return "tree node " + describe(node.key()) + " is missing";
            }
            if (!Arrays.equals(hash, node.hash())) {
                return "tree node " + describe(node.key()) + " does not match the leaves below it";
            }
        }
        return null;
    }

    private static String describe(NodeKey key) {
        return "(level " + key.level() + ", leaves " + key.start() + ".." + (key.start() + key.size() - 1) + ")";
    }
}
