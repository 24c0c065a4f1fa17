package org.livecomply.training.domain;

/** A course in force the subject still has to pass; {@code refused} when a refusal of its code is on record. */
public record MissingCourse(Course course, boolean refused) {
}
