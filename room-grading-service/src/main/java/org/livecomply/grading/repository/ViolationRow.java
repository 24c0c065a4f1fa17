package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.List;
import org.livecomply.grading.domain.Evidence;
import org.livecomply.grading.domain.RedLine;
import org.livecomply.grading.domain.Severity;
import org.livecomply.grading.domain.Violation;
import org.livecomply.grading.domain.ViolationSource;
import org.livecomply.grading.domain.rules.GradeInputs;

@MappedEntity("violations")
public record ViolationRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        long roomSeq,
        String redLine,
        String severity,
        String source,
        String description,
        @Nullable String sessionId,
        @Nullable String marketer,
        Instant occurTime,
        @Nullable String regulatorReference,
        @Nullable String disposalId,
        @Nullable Instant disposalDueTime,
        String recordedBy,
        Instant recordTime) {

    public Violation toDomain(String roomId, List<Evidence> evidence) {
        return new Violation(resourceId, roomId, RedLine.valueOf(redLine), Severity.valueOf(severity), ViolationSource.valueOf(source),
                description, sessionId, marketer, evidence, occurTime, regulatorReference, disposalId, disposalDueTime, recordedBy, recordTime);
    }

    public GradeInputs.ViolationFact fact() {
        return new GradeInputs.ViolationFact(occurTime, Severity.valueOf(severity));
    }
}
