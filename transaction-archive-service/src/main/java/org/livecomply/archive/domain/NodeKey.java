package org.livecomply.archive.domain;

/** The complete subtree of 2^level leaves starting at leaf {@code index << level}; level 0 is a leaf. */
public record NodeKey(int level, long index) {

    public long start() {
        return index << level;
    }

    public long size() {
        return 1L << level;
    }
}
