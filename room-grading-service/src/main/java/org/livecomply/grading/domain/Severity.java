package org.livecomply.grading.domain;

/** How grave a violation is, mildest first. */
public enum Severity {
    MINOR,
    GENERAL,
    SERIOUS,
    GRAVE
}
