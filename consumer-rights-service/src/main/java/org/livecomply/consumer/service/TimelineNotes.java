package org.livecomply.consumer.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.livecomply.consumer.domain.EventKind;
import org.livecomply.consumer.repository.ComplaintEventRepository;
import org.livecomply.consumer.repository.ComplaintEventRow;
import org.livecomply.consumer.repository.ComplaintRow;

/** Timeline events the service records itself (deliveries), in the caller's transaction. */
@Singleton
public class TimelineNotes {

    private final ComplaintEventRepository events;
    private final Clock clock;

    public TimelineNotes(ComplaintEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(ComplaintRow complaint, EventKind kind, String note) {
        events.save(new ComplaintEventRow(null, complaint.seq(), kind.name(), ComplaintService.SERVICE_ACTOR, complaint.state(), null, note,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }
}
