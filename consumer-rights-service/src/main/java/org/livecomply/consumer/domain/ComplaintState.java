package org.livecomply.consumer.domain;

/** Where a complaint is in the published process (Art. 20). */
public enum ComplaintState {
    RECEIVED, ACKNOWLEDGED, IN_PROGRESS, WAITING, RESOLVED, REJECTED, ESCALATED;

    /** Resolved, rejected or escalated: the platform's handling is over. */
    public boolean isTerminal() {
        return this == RESOLVED || this == REJECTED || this == ESCALATED;
    }

    /** Resolved or rejected: nothing more will happen, so the order's legal hold is released. Escalated keeps it. */
    public boolean isClosed() {
        return this == RESOLVED || this == REJECTED;
    }
}
