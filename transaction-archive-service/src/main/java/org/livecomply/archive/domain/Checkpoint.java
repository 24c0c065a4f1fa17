package org.livecomply.archive.domain;

/** A signed tree head as a C2SP signed note. */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, String signedNote) {
}
