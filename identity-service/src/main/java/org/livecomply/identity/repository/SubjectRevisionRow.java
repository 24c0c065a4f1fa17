package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** previous: the subject's snapshot as JSON. Inserted, never updated. */
@MappedEntity("subject_revisions")
public record SubjectRevisionRow(
        @Id @GeneratedValue @Nullable Long seq,
        String subjectType,
        Long subjectSeq,
        int number,
        String changedFields,
        String previous,
        String updatedBy,
        Instant updateTime) {
}
