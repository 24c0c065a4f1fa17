package org.livecomply.training.domain;

/** The fields UpdateCourse may change; code, audience and kind define the course and never change. */
public enum CourseField {
    TITLE("title"),
    DESCRIPTION("description"),
    TOPICS("topics"),
    MINIMUM_DURATION("minimum_duration"),
    PASS_SCORE("pass_score"),
    EFFECTIVE_FROM("effective_from"),
    EFFECTIVE_UNTIL("effective_until");

    private final String path;

    CourseField(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
