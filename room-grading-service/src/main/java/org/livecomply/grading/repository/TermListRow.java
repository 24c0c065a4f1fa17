package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.livecomply.grading.domain.content.TermList;

/** definition_json: the terms as a TermList message in proto3 JSON. */
@MappedEntity("term_lists")
public record TermListRow(
        @Id int version,
        String description,
        String definitionJson,
        String createdBy,
        Instant createTime) {

    public TermList toDomain() {
        return new TermList(version, description, ContractJson.terms(definitionJson), createdBy, createTime);
    }
}
