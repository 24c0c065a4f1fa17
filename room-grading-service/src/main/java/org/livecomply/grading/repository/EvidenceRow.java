package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.livecomply.grading.domain.Evidence;

/** owner_kind: VIOLATION or APPEAL. */
@MappedEntity("evidence")
public record EvidenceRow(
        @Id @GeneratedValue @Nullable Long seq,
        String ownerKind,
        long ownerSeq,
        int position,
        @Nullable Long archiveLeafIndex,
        @Nullable String artefactSha256,
        String description) {

    public Evidence toDomain() {
        return new Evidence(archiveLeafIndex, artefactSha256, description.isEmpty() ? null : description);
    }
}
