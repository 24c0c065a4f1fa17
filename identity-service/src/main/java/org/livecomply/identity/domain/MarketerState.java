package org.livecomply.identity.domain;

/** Verification lifecycle of a marketer (Art. 8 ¶3). */
public enum MarketerState {
    PENDING_VERIFICATION,
    VERIFIED,
    VERIFICATION_FAILED,
    SUSPENDED
}
