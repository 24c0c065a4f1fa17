package org.livecomply.archive.domain;

/** A stored tree node: the RFC 9162 hash of a complete subtree. */
public record Node(NodeKey key, byte[] hash) {
}
