package org.livecomply.grading.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.grading.domain.Evidence;
import org.livecomply.grading.domain.NewViolation;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.domain.Violation;
import org.livecomply.grading.domain.ViolationSource;
import org.livecomply.grading.repository.EvidenceRepository;
import org.livecomply.grading.repository.EvidenceRow;
import org.livecomply.grading.repository.RoomRow;
import org.livecomply.grading.repository.ViolationRepository;
import org.livecomply.grading.repository.ViolationRow;

/** Violations of the red lines (Arts. 30–37): recorded with evidence, counted in the room's grade at once. */
@Singleton
public class ViolationService {

    public static final String NOT_FOUND = "VIOLATION_NOT_FOUND";
    static final String EVIDENCE_OF_VIOLATION = "VIOLATION";

    private final ViolationRepository violations;
    private final EvidenceRepository evidence;
    private final Rooms roomService;
    private final GradingService grading;
    private final WorkingDayCalendar calendar;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;
    private final int regulatorNoticeWorkingDays;

    public ViolationService(ViolationRepository violations, EvidenceRepository evidence, Rooms roomService,
                            GradingService grading, WorkingDayCalendar calendar, Idempotency idempotency, PageTokens pageTokens, Clock clock,
                            @Value("${livecomply.grading.regulator-notice-working-days:3}") int regulatorNoticeWorkingDays) {
        if (regulatorNoticeWorkingDays < 1 || regulatorNoticeWorkingDays > 30) {
            throw new IllegalArgumentException("livecomply.grading.regulator-notice-working-days must be 1..30");
        }
        this.violations = violations;
        this.evidence = evidence;
        this.roomService = roomService;
        this.grading = grading;
        this.calendar = calendar;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
        this.regulatorNoticeWorkingDays = regulatorNoticeWorkingDays;
    }

    @Transactional
    public Violation record(String requestId, String fingerprint, String roomId, NewViolation violation, String recordedBy) {
        return idempotency.once("RecordViolation", requestId, fingerprint, () -> {
            RoomRow room = roomService.lock(roomId);
            Instant now = Micros.of(clock.instant());
            // Arts. 12 ¶2, 50: measures follow a regulator's notice promptly, within the platform's working days.
            Instant due = violation.source() == ViolationSource.REGULATOR_NOTICE ? calendar.deadline(now, regulatorNoticeWorkingDays) : null;
            ViolationRow row = violations.save(new ViolationRow(null, UUID.randomUUID().toString(), room.seq(), violation.redLine().name(),
                    violation.severity().name(), violation.source().name(), violation.description(), violation.sessionId(),
                    violation.marketer(), Micros.of(violation.occurTime()), violation.regulatorReference(), null, due, recordedBy, now));
            saveEvidence(EVIDENCE_OF_VIOLATION, row.seq(), violation.evidence());
            grading.regrade(roomService.lock(roomId));
            return row.toDomain(roomId, violation.evidence());
        }, Violation::name, name -> get(roomId, name.substring(name.lastIndexOf('/') + 1)));
    }

    @Transactional(readOnly = true)
    public Violation get(String roomId, String violationId) {
        ViolationRow row = violations.findByResourceId(violationId)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, Room.COLLECTION + roomId + "/" + Violation.COLLECTION + violationId));
        RoomRow room = roomService.row(roomId);
        if (row.roomSeq() != room.seq()) {
            throw new NotFoundException(NOT_FOUND, Room.COLLECTION + roomId + "/" + Violation.COLLECTION + violationId);
        }
        return toDomain(List.of(row), roomId).get(0);
    }

    /** The room's violations with these ids, all of which must exist and belong to it. */
    @Transactional(readOnly = true)
    public List<ViolationRow> rowsOf(RoomRow room, List<String> violationIds) {
        Map<String, ViolationRow> found = violations.findByResourceIdIn(violationIds).stream()
                .filter(v -> v.roomSeq() == room.seq()).collect(Collectors.toMap(ViolationRow::resourceId, v -> v));
        List<ViolationRow> rows = new ArrayList<>();
        for (String id : violationIds) {
            ViolationRow row = found.get(id);
            if (row == null) {
                throw new NotFoundException(NOT_FOUND, Room.COLLECTION + room.resourceId() + "/" + Violation.COLLECTION + id);
            }
            rows.add(row);
        }
        return rows;
    }

    @Transactional(readOnly = true)
    public PagedResult<Violation> list(String roomId, boolean undisposedOnly, int pageSize, String pageToken) {
        RoomRow room = roomService.row(roomId);
        String query = "ListViolations?parent=" + roomId + "&undisposed=" + undisposedOnly;
        List<ViolationRow> rows = violations.page(room.seq(), pageTokens.resume(pageToken, query, Long.MAX_VALUE), undisposedOnly, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, ViolationRow::seq, shown -> toDomain(shown, roomId));
    }

    void saveEvidence(String ownerKind, long ownerSeq, List<Evidence> items) {
        List<EvidenceRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Evidence item = items.get(i);
            rows.add(new EvidenceRow(null, ownerKind, ownerSeq, i, item.archiveLeafIndex(), item.artefactSha256(),
                    item.description() == null ? "" : item.description()));
        }
        evidence.saveAll(rows);
    }

    Map<Long, List<Evidence>> evidenceOf(String ownerKind, List<Long> ownerSeqs) {
        if (ownerSeqs.isEmpty()) {
            return Map.of();
        }
        return evidence.findByOwnerKindAndOwnerSeqInOrderByPosition(ownerKind, ownerSeqs).stream()
                .collect(Collectors.groupingBy(EvidenceRow::ownerSeq, Collectors.mapping(EvidenceRow::toDomain, Collectors.toList())));
    }

    private List<Violation> toDomain(List<ViolationRow> rows, String roomId) {
        Map<Long, List<Evidence>> items = evidenceOf(EVIDENCE_OF_VIOLATION, rows.stream().map(ViolationRow::seq).toList());
        return rows.stream().map(r -> r.toDomain(roomId, items.getOrDefault(r.seq(), List.of()))).toList();
    }
}
