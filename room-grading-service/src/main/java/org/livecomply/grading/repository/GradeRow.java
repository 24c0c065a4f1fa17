package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.livecomply.grading.domain.Grade;

/** detail_json: the Grade message (fired rules, monitoring reasons, inputs, measures) in proto3 JSON. */
@MappedEntity("grades")
public record GradeRow(
        @Id @GeneratedValue @Nullable Long seq,
        long roomSeq,
        int number,
        String level,
        boolean monitoringRequired,
        int rulesetVersion,
        String explanation,
        String detailJson,
        Instant evaluateTime) {

    public Grade toDomain(String roomId) {
        return new Grade(roomId, number, ContractJson.gradeResult(detailJson), rulesetVersion, evaluateTime);
    }
}
