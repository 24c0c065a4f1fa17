package org.livecomply.training.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("notice_acknowledgements")
public record NoticeAcknowledgementRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        long noticeSeq,
        String subject,
        Instant acknowledgeTime,
        boolean late,
        String recordedBy,
        Instant recordTime) {
}
