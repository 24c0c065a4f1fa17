package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** changed_fields: comma-separated DisclosureChange.Field names. */
@MappedEntity("disclosure_changes")
public record DisclosureChangeRow(
        @Id @GeneratedValue @Nullable Long seq,
        Long roomOperatorSeq,
        String roomOperatorId,
        int number,
        String changedFields,
        String description,
        Instant changeTime,
        Instant reportTime,
        Instant reportDeadline,
        Instant verificationDeadline,
        String state,
        @Nullable Instant completeTime,
        @Nullable String completedBy,
        String completionNote) {
}
