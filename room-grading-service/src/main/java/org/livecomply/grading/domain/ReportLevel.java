package org.livecomply.grading.domain;

/** Regulator levels a disposal is reported to (Art. 12 ¶3). */
public enum ReportLevel {
    COUNTY,
    PROVINCIAL
}
