package org.livecomply.training.domain;

/** A draft is editable and not usable; a published version is part of the catalogue on its effective days. */
public enum CourseState {
    DRAFT,
    PUBLISHED
}
