package org.livecomply.training.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** One version of a course in the catalogue. */
public record Course(
        CourseRef ref,
        String title,
        String description,
        Audience audience,
        CourseKind kind,
        Set<Topic> topics,
        Duration minimumDuration,
        int passScore,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        CourseState state,
        boolean inUse,
        Instant createTime,
        Instant updateTime,
        Instant publishTime) {

    public Course {
        topics = Set.copyOf(topics);
    }

    public String name() {
        return ref.name();
    }

    public String code() {
        return ref.code();
    }

    public boolean published() {
        return state == CourseState.PUBLISHED;
    }

    /** Published, and {@code day} (China time) lies within its effective days. */
    public boolean inForceOn(LocalDate day) {
        return published() && !day.isBefore(effectiveFrom) && (effectiveUntil == null || !day.isAfter(effectiveUntil));
    }

    public boolean passes(int score) {
        return score >= passScore;
    }

    /** The same version with new content (update of an unused version). */
    public Course with(CourseContent content, Instant updateTime) {
        return new Course(ref, content.title(), content.description(), audience, kind, content.topics(), content.minimumDuration(),
                content.passScore(), content.effectiveFrom(), content.effectiveUntil(), state, inUse, createTime, updateTime, publishTime);
    }

    public CourseContent content() {
        return new CourseContent(code(), title, description, audience, kind, topics, minimumDuration, passScore, effectiveFrom, effectiveUntil);
    }
}
