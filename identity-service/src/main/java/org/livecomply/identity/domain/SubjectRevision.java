package org.livecomply.identity.domain;

import java.time.Instant;
import java.util.List;

/** An earlier version of a room operator or marketer, kept when it was updated (Art. 8). */
public record SubjectRevision<T>(String subjectName, int number, List<String> changedFields, T previous, String updatedBy, Instant updateTime) {

    public SubjectRevision {
        changedFields = List.copyOf(changedFields);
    }

    public String name() {
        return subjectName + "/revisions/" + number;
    }
}
