package org.livecomply.grading.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.grading.domain.VerifiedComplaint;
import org.livecomply.grading.repository.ComplaintRepository;
import org.livecomply.grading.repository.ComplaintRow;
import org.livecomply.grading.repository.RoomRepository;
import org.livecomply.grading.repository.RoomRow;

/**
 * Verified complaints count in the room's evaluation (Art. 20 ¶3) and, when concentrated, set monitoring
 * (Art. 20). Idempotent by complaint id: the same complaint again returns the first record.
 */
@Singleton
public class ComplaintService {

    public static final String ALREADY_RECORDED = "COMPLAINT_ALREADY_RECORDED";

    private final ComplaintRepository complaints;
    private final RoomRepository rooms;
    private final Rooms roomService;
    private final GradingService grading;
    private final Clock clock;

    public ComplaintService(ComplaintRepository complaints, RoomRepository rooms, Rooms roomService, GradingService grading, Clock clock) {
        this.complaints = complaints;
        this.rooms = rooms;
        this.roomService = roomService;
        this.grading = grading;
        this.clock = clock;
    }

    @Transactional
    public VerifiedComplaint record(VerifiedComplaint complaint) {
        VerifiedComplaint input = new VerifiedComplaint(complaint.roomId(), complaint.complaintId(), complaint.summary(),
                Micros.of(complaint.verifyTime()), null);
        Optional<VerifiedComplaint> existing = find(input.complaintId());
        if (existing.isPresent()) {
            return repeatOrRefuse(existing.get(), input);
        }
        RoomRow room = roomService.lock(input.roomId());
        try {
            complaints.save(new ComplaintRow(null, room.seq(), input.complaintId(), input.summary(), input.verifyTime(),
                    Micros.of(clock.instant())));
        } catch (DataAccessException e) {
            if (!IntegrityViolations.isIntegrityViolation(e)) {
                throw e;
            }
            throw new ConcurrencyConflictException("CONCURRENT_CHANGE", "complaint " + input.complaintId() + " is being recorded concurrently; retry");
        }
        grading.regrade(roomService.lock(input.roomId()));
        return find(input.complaintId()).orElseThrow();
    }

    private VerifiedComplaint repeatOrRefuse(VerifiedComplaint existing, VerifiedComplaint input) {
        if (existing.sameContent(input)) {
            return existing;
        }
        throw new AlreadyExistsException(ALREADY_RECORDED, "complaint " + input.complaintId() + " was already recorded with other content",
                Map.of("existing", existing.name()));
    }

    private Optional<VerifiedComplaint> find(String complaintId) {
        return complaints.findByComplaintId(complaintId).map(row -> new VerifiedComplaint(
                rooms.findById(row.roomSeq()).orElseThrow().resourceId(), row.complaintId(), row.summary(), row.verifyTime(), row.recordTime()));
    }
}
