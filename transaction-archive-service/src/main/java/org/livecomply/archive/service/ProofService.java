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
import org.livecomply.commons.error.InvalidArgumentException;

/**
 * Checkpoints and proofs (RFC 9162 §2.1.3, §2.1.4): the size, then one query for the O(log n) stored
 * subtrees the proof needs. No transaction is needed: the log is append-only and a size is published
 * only in the same commit as every node below it, so whatever size is read, its nodes are there.
 */
@Singleton
public class ProofService {

    public static final String BEYOND_LOG_SIZE = "BEYOND_LOG_SIZE";

    private final TreeStore tree;
    private final CheckpointSigner signer;

    public ProofService(TreeStore tree, CheckpointSigner signer) {
        this.tree = tree;
        this.signer = signer;
    }

    /** The signed checkpoint of {@code treeSize}, or of the current tree when 0. */
    @Connectable
    public Checkpoint checkpoint(long treeSize) {
        long size = resolve(treeSize, "tree_size");
        TreeMath.Range all = new TreeMath.Range(0, size);
        return signer.sign(size, all.hash(tree.find(all.cover())));
    }

    /** Proof of leaf {@code leafIndex} in the tree of {@code treeSize} (current when 0). */
    @Connectable
    public InclusionProof inclusion(long leafIndex, long treeSize) {
        long size = resolve(treeSize, "tree_size");
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
        Map<NodeKey, byte[]> nodes = tree.find(TreeMath.nodesOf(needed));
        List<byte[]> hashes = path.stream().map(range -> range.hash(nodes)).toList();
        return new InclusionProof(leafIndex, size, leaf.hash(nodes), hashes, signer.sign(size, all.hash(nodes)));
    }

    /** Audit paths of several leaves in the tree of {@code size} (≤ current), fetched with one node query. */
    @Connectable
    public List<List<byte[]>> paths(List<Long> leafIndexes, long size) {
        List<List<TreeMath.Range>> plans = leafIndexes.stream().map(index -> TreeMath.inclusion(index, size)).toList();
        List<TreeMath.Range> all = plans.stream().flatMap(List::stream).toList();
        Map<NodeKey, byte[]> nodes = tree.find(TreeMath.nodesOf(all));
        return plans.stream().map(plan -> plan.stream().map(range -> range.hash(nodes)).toList()).toList();
    }

    /** Proof that the tree of {@code firstSize} is a prefix of the tree of {@code secondSize}. */
    @Connectable
    public List<byte[]> consistency(long firstSize, long secondSize) {
        long second = resolve(secondSize, "second_size");
        if (firstSize > second) {
            throw InvalidArgumentException.of("first_size", "first_size " + firstSize + " must not exceed second_size " + second);
        }
        List<TreeMath.Range> proof = TreeMath.consistency(firstSize, second);
        Map<NodeKey, byte[]> nodes = tree.find(TreeMath.nodesOf(proof));
        return proof.stream().map(range -> range.hash(nodes)).toList();
    }

    private long resolve(long requested, String field) {
        long current = tree.head().size();
        if (requested > current) {
            throw InvalidArgumentException.of(BEYOND_LOG_SIZE, field, field + " " + requested + " is beyond the log's size " + current);
        }
        return requested == 0 ? current : requested;
    }
}
