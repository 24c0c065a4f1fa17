package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("session_rosters")
public record SessionRosterRow(
        @Id @GeneratedValue @Nullable Long seq,
        Long roomOperatorSeq,
        String sessionId,
        Instant submitTime,
        Instant retainUntil) {
}
