package org.livecomply.training.domain;

/** What a course is for (Art. 10). */
public enum CourseKind {
    /** Before a marketer's first session (Art. 10 ¶1); marketers only. */
    PRE_SERVICE,
    /** Yearly training (Art. 10 ¶1, ¶2). */
    ANNUAL,
    /** Training on a regulator's notice (Art. 10 ¶2); counts for neither of the others. */
    REGULATOR_NOTICE
}
