package org.livecomply.identity.domain;

import java.time.Instant;
import java.util.Set;

/** A regulator's notice that a subject is unreachable (Art. 22), and how far it has been handled. */
public record UnreachableNotice(
        String id,
        SubjectType subjectType,
        String subjectId,
        String regulator,
        String noticeReference,
        Instant noticeTime,
        Instant reminderDeadline,
        Instant remindTime,
        State state,
        String note,
        Instant createTime,
        Instant updateTime) {

    public static final String COLLECTION = "unreachableNotices/";
    public static final String ARTICLE = "Art. 22";
    public static final int REMINDER_WORKING_DAYS = 5;

    /** Handling progress; each step is allowed only from the states listed in {@link #allowedFrom}. */
    public enum State {
        OPEN, REMINDED, DISPOSED, RESOLVED;

        public Set<State> allowedFrom() {
            return switch (this) {
                case OPEN -> Set.of();
                case REMINDED -> Set.of(OPEN);
                case DISPOSED -> Set.of(REMINDED);
                case RESOLVED -> Set.of(OPEN, REMINDED, DISPOSED);
            };
        }
    }

    public String name() {
        return COLLECTION + id;
    }

    public String subjectName() {
        return subjectType.collection() + subjectId;
    }

    /** Not reminded before the end of the 5th working day (or reminded only after it). */
    public boolean reminderOverdue(Instant now) {
        Instant reference = remindTime != null ? remindTime : (state == State.OPEN ? now : null);
        return reference != null && !reference.isBefore(reminderDeadline);
    }
}
