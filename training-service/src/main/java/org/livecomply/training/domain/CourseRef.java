package org.livecomply.training.domain;

/** One version of a course code: {@code courses/{code}/versions/{version}}. */
public record CourseRef(String code, int version) {

    public static final String COLLECTION = "courses/";

    public String name() {
        return COLLECTION + code + "/versions/" + version;
    }

    @Override
    public String toString() {
        return name();
    }
}
