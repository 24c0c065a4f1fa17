package org.livecomply.archive.domain;

import java.util.List;

/** RFC 9162 inclusion proof of one leaf, with the signed checkpoint of the tree size it leads to. */
public record InclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> hashes, Checkpoint checkpoint) {
}
