package org.livecomply.training.domain;

import java.time.Instant;
import java.util.Set;

/** A passed, non-voided record as the status sees it: which course code, what it taught, when. */
public record PassedCourse(String code, CourseKind kind, Set<Topic> topics, Instant completeTime) {

    public PassedCourse {
        topics = Set.copyOf(topics);
    }
}
