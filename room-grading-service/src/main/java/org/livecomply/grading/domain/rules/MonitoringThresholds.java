package org.livecomply.grading.domain.rules;

/** Thresholds of the fixed monitoring triggers (value ≥ threshold triggers); each at least 1, so none can be switched off. */
public record MonitoringThresholds(long followers, long gmv30dFen, long orders30d, long marketerInfluence, long violations90d,
                                   long verifiedComplaints30d) {
}
