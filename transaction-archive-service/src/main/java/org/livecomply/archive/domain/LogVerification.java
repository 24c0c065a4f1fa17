package org.livecomply.archive.domain;

/** The outcome of recomputing the log from its stored leaves. */
public record LogVerification(long treeSize, String firstMismatch, long recomputedLeaves) {

    public boolean intact() {
        return firstMismatch == null;
    }
}
