package org.livecomply.grading.domain;

/** Who found a violation; a regulator notice must be disposed of promptly (Arts. 12 ¶2, 50). */
public enum ViolationSource {
    PATROL,
    AI_MONITOR,
    COMPLAINT,
    REGULATOR_NOTICE
}
