package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("unreachable_notices")
public record UnreachableNoticeRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String subjectType,
        String subjectId,
        String regulator,
        String noticeReference,
        Instant noticeTime,
        Instant reminderDeadline,
        @Nullable Instant remindTime,
        String state,
        String note,
        Instant createTime,
        Instant updateTime) {
}
