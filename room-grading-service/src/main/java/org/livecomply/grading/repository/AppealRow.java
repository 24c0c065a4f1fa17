package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** pending_disposal_seq: the disposal while pending (unique: one pending appeal per disposal), null once decided. */
@MappedEntity("appeals")
public record AppealRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        long disposalSeq,
        @Nullable Long pendingDisposalSeq,
        String statement,
        String state,
        String filedBy,
        Instant fileTime,
        @Nullable String decisionReason,
        @Nullable String decidedBy,
        @Nullable Instant decideTime,
        @Nullable String resultNotice) {
}
