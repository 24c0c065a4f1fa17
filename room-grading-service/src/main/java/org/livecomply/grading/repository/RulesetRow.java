package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.livecomply.grading.domain.GradingRuleset;

/** definition_json: the GradingRules message in proto3 JSON. */
@MappedEntity("grading_rulesets")
public record RulesetRow(
        @Id int version,
        String description,
        String definitionJson,
        String createdBy,
        Instant createTime,
        @Nullable Instant publishTime) {

    public GradingRuleset toDomain() {
        return new GradingRuleset(version, description, ContractJson.rules(definitionJson), createdBy, createTime, publishTime);
    }
}
