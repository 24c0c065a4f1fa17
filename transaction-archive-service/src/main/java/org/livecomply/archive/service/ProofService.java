package org.livecomply.archive.service;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.livecomply.archive.domain.Checkpoint;
import org.livecomply.archive.domain.InclusionProof;
import org.livecomply.archive.domain.NodeKey;
import org.livecomply.archive.domain.TreeMath;
import org.livecomply.archive.repository.TreeStore;
import org.livecomply.archive.repository.UpperNodeCache;
import org.livecomply.commons.error.InvalidArgumentException;

/**
 * Checkpoints and proofs (RFC 9162 §2.1.3, §2.1.4): the size, then the O(log n) stored subtrees the proof
 * needs (upper levels from memory, the rest in one query). No transaction is needed: the log is append-only and a size is published
 * only in the same commit as every node below it, so whatever size is read, its nodes are there.
 */
@Singleton
public class ProofService {

    public static final String BEYOND_LOG_SIZE = "BEYOND_LOG_SIZE";
    static final long KNOWN_SIZE_REUSE_NANOS = 1_000_000_000L;

    private record KnownSize(long size, long readAt) {
    }

    private final TreeStore tree;
    private final UpperNodeCache nodes;
    private final CheckpointSigner signer;
    private volatile KnownSize knownSize = new KnownSize(0, Long.MIN_VALUE);

    public ProofService(TreeStore tree, UpperNodeCache nodes, CheckpointSigner signer) {
        this.tree = tree;
        this.nodes = nodes;
        this.signer = signer;
    }

    /** The signed checkpoint of {@code treeSize}, or of the current tree when 0. */
    @Connectable
    public Checkpoint checkpoint(long treeSize) {
        long size = resolve(treeSize, 0, false, "tree_size");
        TreeMath.Range all = new TreeMath.Range(0, size);
        return signer.sign(size, all.hash(nodes.find(all.cover())));
    }

    /** Proof of leaf {@code leafIndex} in the tree of {@code treeSize} (current when 0). */
    @Connectable
    public InclusionProof inclusion(long leafIndex, long treeSize) {
        long size = resolve(treeSize, leafIndex + 1, true, "tree_size");
        if (leafIndex >= size) {
            throw InvalidArgumentException.of(BEYOND_LOG_SIZE, "leaf_index",
                    "leaf_index " + leafIndex + " is not in a tree of size " + size);
        }
        List<TreeMath.Range> path = TreeMath.inclusion(leafIndex, size);
        TreeMath.Range leaf = new TreeMath.Range(leafIndex, 1);
        TreeMath.Range all = new TreeMath.Range(0, size);
        List<TreeMath.Range> needed = new ArrayList<>(path);
        needed.add(leaf);
        needed.add(all);
        Map<NodeKey, byte[]> hashesByKey = nodes.find(TreeMath.nodesOf(needed));
        List<byte[]> hashes = path.stream().map(range -> range.hash(hashesByKey)).toList();
        return new InclusionProof(leafIndex, size, leaf.hash(hashesByKey), hashes, signer.sign(size, all.hash(hashesByKey)));
    }

    /** Audit paths of several leaves in the tree of {@code size} (≤ current), fetched with one node query. */
    @Connectable
    public List<List<byte[]>> paths(List<Long> leafIndexes, long size) {
        List<List<TreeMath.Range>> plans = leafIndexes.stream().map(index -> TreeMath.inclusion(index, size)).toList();
        List<TreeMath.Range> all = plans.stream().flatMap(List::stream).toList();
        Map<NodeKey, byte[]> hashesByKey = nodes.find(TreeMath.nodesOf(all));
        return plans.stream().map(plan -> plan.stream().map(range -> range.hash(hashesByKey)).toList()).toList();
    }

    /** Proof that the tree of {@code firstSize} is a prefix of the tree of {@code secondSize}. */
    @Connectable
    public List<byte[]> consistency(long firstSize, long secondSize) {
        long second = resolve(secondSize, 0, false, "second_size");
        if (firstSize > second) {
            throw InvalidArgumentException.of("first_size", "first_size " + firstSize + " must not exceed second_size " + second);
        }
        List<TreeMath.Range> proof = TreeMath.consistency(firstSize, second);
        Map<NodeKey, byte[]> hashesByKey = nodes.find(TreeMath.nodesOf(proof));
        return proof.stream().map(range -> range.hash(hashesByKey)).toList();
    }

    /**
     * The tree size a request means: {@code requested}, or the current size when 0. Sizes only grow, so a
     * size seen earlier already proves that any smaller one exists; an inclusion proof for the "current"
     * tree may use a size read in the last {@link #KNOWN_SIZE_REUSE_NANOS} if it contains the leaf, which
     * saves the head read on most proofs. Checkpoints and consistency proofs of "current" always read it.
     */
    private long resolve(long requested, long mustContain, boolean mayReuse, String field) {
        KnownSize known = knownSize;
        if (requested > 0 && requested <= known.size()) {
            return requested;
        }
        if (requested == 0 && mayReuse && known.size() >= mustContain && System.nanoTime() - known.readAt() < KNOWN_SIZE_REUSE_NANOS) {
            return known.size();
        }
        long current = tree.head().size();
        knownSize = new KnownSize(current, System.nanoTime());
        if (requested > current) {
            throw InvalidArgumentException.of(BEYOND_LOG_SIZE, field, field + " " + requested + " is beyond the log's size " + current);
        }
        return requested == 0 ? current : requested;
    }
}
