package org.livecomply.identity.domain;

/** Registration lifecycle (Art. 8 ¶1: verified before entry, re-verified at least every 6 months). */
public enum RoomOperatorState {
    PENDING_VERIFICATION,
    VERIFIED,
    REVERIFICATION_DUE,
    REVERIFICATION_OVERDUE,
    SUSPENDED,
    VERIFICATION_FAILED
}
