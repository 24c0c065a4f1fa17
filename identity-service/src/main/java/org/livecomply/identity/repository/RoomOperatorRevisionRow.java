package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** previous: a {@link RoomOperatorSnapshot} as JSON. Inserted, never updated. */
@MappedEntity("room_operator_revisions")
public record RoomOperatorRevisionRow(
        @Id @GeneratedValue @Nullable Long seq,
        Long roomOperatorSeq,
        int number,
        String changedFields,
        String previous,
        String updatedBy,
        Instant updateTime) {
}
