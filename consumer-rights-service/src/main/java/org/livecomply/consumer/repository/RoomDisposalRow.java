package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An Art. 23 hand-off received from room-grading. */
@MappedEntity("room_disposals")
public record RoomDisposalRow(
        @Id @GeneratedValue @Nullable Long seq,
        String disposal,
        String room,
        String measure,
        String eventId,
        int ordersFound,
        Instant receiveTime) {
}
