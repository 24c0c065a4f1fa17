package org.livecomply.archive.domain;

import java.util.ArrayList;
import java.util.List;
import org.livecomply.sdk.archive.MerkleHashes;

/**
 * The right edge of the tree while appending: the complete subtrees of the current size (at most 64).
 * Each appended leaf completes zero or more parents; every node it completes is collected for storing.
 */
public final class Frontier {

    private final List<Node> edge;
    private final List<Node> completed = new ArrayList<>();
    private long size;

    /** {@code edge}: the stored nodes covering [0, size), left to right. */
    public Frontier(long size, List<Node> edge) {
        this.size = size;
        this.edge = new ArrayList<>(edge);
    }

    public void append(byte[] leafHash) {
        Node node = new Node(new NodeKey(0, size), leafHash);
        completed.add(node);
        while (!edge.isEmpty() && edge.get(edge.size() - 1).key().level() == node.key().level()) {
            Node left = edge.remove(edge.size() - 1);
            node = new Node(new NodeKey(left.key().level() + 1, left.key().index() >> 1), MerkleHashes.node(left.hash(), node.hash()));
            completed.add(node);
        }
        edge.add(node);
        size++;
    }

    public long size() {
        return size;
    }

    /** Nodes completed by the appends so far, to be stored. */
    public List<Node> completed() {
        return List.copyOf(completed);
    }

    /** Nodes completed since the last drain; forgets them (keeps memory flat over a long replay). */
    public List<Node> drainCompleted() {
        List<Node> drained = List.copyOf(completed);
        completed.clear();
        return drained;
    }

    /** The root of the current size. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] hash = edge.get(edge.size() - 1).hash();
        for (int i = edge.size() - 2; i >= 0; i--) {
            hash = MerkleHashes.node(edge.get(i).hash(), hash);
        }
        return hash;
    }
}
