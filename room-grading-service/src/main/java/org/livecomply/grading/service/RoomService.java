package org.livecomply.grading.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.grading.domain.CreditRecord;
import org.livecomply.grading.domain.Disposal;
import org.livecomply.grading.domain.GoodsCategory;
import org.livecomply.grading.domain.Grade;
import org.livecomply.grading.domain.NewRoom;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.domain.RoomMetrics;
import org.livecomply.grading.repository.RoomRepository;
import org.livecomply.grading.repository.RoomRow;

/** Rooms under graded management (Art. 11): registration, metrics, credit data, and what a room looks like now. */
@Singleton
public class RoomService {

    public static final String NOT_FOUND = "ROOM_NOT_FOUND";
    public static final String ALREADY_EXISTS = "ROOM_ALREADY_EXISTS";

    private final RoomRepository rooms;
    private final Rooms roomRows;
    private final GradingService grading;
    private final DisposalService disposals;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public RoomService(RoomRepository rooms, Rooms roomRows, GradingService grading, DisposalService disposals, Idempotency idempotency,
                       PageTokens pageTokens, Clock clock) {
        this.rooms = rooms;
        this.roomRows = roomRows;
        this.grading = grading;
        this.disposals = disposals;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** A room as shown: the room, its current grade (null before the first) and the measures in force. */
    public record RoomView(Room room, Grade grade, List<Disposal> activeDisposals) {
    }

    @Transactional
    public RoomView create(String requestId, String fingerprint, NewRoom room) {
        return idempotency.once("CreateRoom", requestId, fingerprint, () -> {
            if (rooms.existsByLiveAccountId(room.liveAccountId())) {
                throw taken(room.liveAccountId());
            }
            Instant now = Micros.of(clock.instant());
            RoomRow row;
            try {
                row = rooms.save(new RoomRow(null, UUID.randomUUID().toString(), room.roomOperator(), room.liveAccountId(),
                        room.displayName() == null ? "" : room.displayName(),
                        room.goodsCategories().stream().map(GoodsCategory::name).collect(Collectors.joining(",")),
                        null, null, null, null, null, null, null, null, null, null, null, null, 0, false, now, now));
            } catch (DataAccessException e) {
                if (!IntegrityViolations.isIntegrityViolation(e)) {
                    throw e;
                }
                throw taken(room.liveAccountId());
            }
            // A new room is graded at once: life-and-health goods set monitoring from the first day (Art. 11 ¶1).
            grading.regrade(rooms.lock(row.resourceId()).orElseThrow());
            return get(row.resourceId());
        }, v -> v.room().id(), this::get);
    }

    @Transactional
    public RoomView reportMetrics(String requestId, String fingerprint, String roomId, RoomMetrics metrics) {
        return idempotency.once("ReportRoomMetrics", requestId, fingerprint, () -> {
            RoomRow row = lock(roomId);
            rooms.updateMetrics(row.seq(), metrics.followers(), metrics.visits30d(), metrics.gmv30dFen(), metrics.orders30d(),
                    metrics.marketerInfluence(), Micros.of(metrics.measureTime()), Micros.of(clock.instant()));
            grading.regrade(lock(roomId));
            return get(roomId);
        }, v -> v.room().id(), this::get);
    }

    @Transactional
    public RoomView recordCredit(String requestId, String fingerprint, String roomId, CreditRecord credit) {
        return idempotency.once("RecordCreditData", requestId, fingerprint, () -> {
            RoomRow row = lock(roomId);
            rooms.updateCredit(row.seq(), credit.abnormalOperationListed(), credit.seriousDishonestyListed(), credit.penalties365d(),
                    credit.creditRepaired(), credit.source(), Micros.of(credit.asOfTime()), Micros.of(clock.instant()));
            grading.regrade(lock(roomId));
            return get(roomId);
        }, v -> v.room().id(), this::get);
    }

    @Transactional(readOnly = true)
    public RoomView get(String roomId) {
        RoomRow row = row(roomId);
        return new RoomView(row.toDomain(), grading.current(row).orElse(null), disposals.inForce(row));
    }

    @Transactional(readOnly = true)
    public PagedResult<RoomView> list(boolean monitoringOnly, int pageSize, String pageToken) {
        String query = "ListRooms?monitoring=" + monitoringOnly;
        List<RoomRow> rows = rooms.page(pageTokens.resume(pageToken, query, 0), monitoringOnly, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, RoomRow::seq, shown -> {
            Map<Long, Grade> grades = grading.current(shown);
            return shown.stream().map(r -> new RoomView(r.toDomain(), grades.get(r.seq()), disposals.inForce(r))).toList();
        });
    }

    private RoomRow row(String roomId) {
        return roomRows.row(roomId);
    }

    private RoomRow lock(String roomId) {
        return roomRows.lock(roomId);
    }

    private static AlreadyExistsException taken(String accountId) {
        return new AlreadyExistsException(ALREADY_EXISTS, "live account " + accountId + " already has a room", Map.of("live_account_id", accountId));
    }
}
