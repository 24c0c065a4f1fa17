package org.livecomply.grading.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.grading.domain.Grade;
import org.livecomply.grading.domain.GradingRuleset;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.domain.rules.GradeInputs;
import org.livecomply.grading.domain.rules.GradeResult;
import org.livecomply.grading.domain.rules.GradingEvaluator;
import org.livecomply.grading.domain.rules.GradingRules;
import org.livecomply.grading.grpc.GradeMapper;
import org.livecomply.grading.repository.ComplaintRepository;
import org.livecomply.grading.repository.ContractJson;
import org.livecomply.grading.repository.GradeRepository;
import org.livecomply.grading.repository.GradeRow;
import org.livecomply.grading.repository.RoomRepository;
import org.livecomply.grading.repository.RoomRow;
import org.livecomply.grading.repository.ViolationRepository;
import org.livecomply.grading.repository.ViolationRow;

/**
 * Grades rooms under the ruleset in force (Art. 11 ¶1; Art. 20 ¶3 counts verified complaints) and keeps the
 * history: a new grade is stored when the outcome changes — level, monitoring, fired rules, monitoring
 * triggers or the ruleset — so the history shows every change and why, not every metrics report.
 */
@Singleton
public class GradingService {

    static final int LONGEST_WINDOW_DAYS = 365;

    private final RoomRepository rooms;
    private final ViolationRepository violations;
    private final ComplaintRepository complaints;
    private final GradeRepository grades;
    private final RulesetService rulesets;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public GradingService(RoomRepository rooms, ViolationRepository violations, ComplaintRepository complaints, GradeRepository grades,
                          RulesetService rulesets, Idempotency idempotency, PageTokens pageTokens, Clock clock) {
        this.rooms = rooms;
        this.violations = violations;
        this.complaints = complaints;
        this.grades = grades;
        this.rulesets = rulesets;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** Re-grades a room whose row the caller locked in its transaction; returns the current grade. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Grade regrade(RoomRow locked) {
        Instant now = Micros.of(clock.instant());
        GradingRuleset ruleset = rulesets.inForce();
        Room room = locked.toDomain();
        GradeResult result = evaluate(ruleset.rules(), locked, now);
        Optional<Grade> current = current(locked);
        if (current.isPresent() && sameOutcome(current.get(), result, ruleset.version())) {
            return current.get();
        }
        int number = locked.gradeNumber() + 1;
        Grade grade = new Grade(room.id(), number, result, ruleset.version(), now);
        grades.save(new GradeRow(null, locked.seq(), number, result.level().name(), result.monitoringRequired(), ruleset.version(),
                result.explanation(), ContractJson.gradeDetail(GradeMapper.toProto(grade)), now));
        rooms.updateGrade(locked.seq(), number, result.monitoringRequired(), now);
        return grade;
    }

    /** EvaluateRoom: windows move with time, so a room is re-graded on request (and by the daily job). */
    @Transactional
    public Grade evaluate(String requestId, String fingerprint, String roomId) {
        return idempotency.once("EvaluateRoom", requestId, fingerprint, () -> regrade(lock(roomId)), Grade::name,
                name -> get(roomId, Integer.parseInt(name.substring(name.lastIndexOf('/') + 1))));
    }

    /** Re-grades one room in its own transaction (the daily job). */
    @Transactional
    public Grade regrade(String roomId) {
        return regrade(lock(roomId));
    }

    /** What a room's grade is under {@code rules} now, stored nowhere (dry runs). */
    GradeResult evaluate(GradingRules rules, RoomRow row, Instant now) {
        List<GradeInputs.ViolationFact> facts = violations.since(row.seq(), now.minus(Duration.ofDays(LONGEST_WINDOW_DAYS)))
                .stream().map(ViolationRow::fact).toList();
        List<Instant> complaintTimes = complaints.verifyTimesSince(row.seq(), now.minus(Duration.ofDays(90)));
        return GradingEvaluator.evaluate(rules, GradeInputs.of(row.toDomain(), facts, complaintTimes, rules.severityWeights(), now));
    }

    @Transactional(readOnly = true)
    public Optional<Grade> current(RoomRow row) {
        if (row.gradeNumber() == 0) {
            return Optional.empty();
        }
        return grades.findByRoomSeqAndNumber(row.seq(), row.gradeNumber()).map(g -> g.toDomain(row.resourceId()));
    }

    @Transactional(readOnly = true)
    public Map<Long, Grade> current(List<RoomRow> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> ids = rows.stream().collect(Collectors.toMap(RoomRow::seq, RoomRow::resourceId));
        return grades.current(ids.keySet()).stream()
                .collect(Collectors.toMap(GradeRow::roomSeq, g -> g.toDomain(ids.get(g.roomSeq())), (a, b) -> a));
    }

    @Transactional(readOnly = true)
    public Grade get(String roomId, int number) {
        RoomRow room = row(roomId);
        return grades.findByRoomSeqAndNumber(room.seq(), number).map(g -> g.toDomain(roomId))
                .orElseThrow(() -> new NotFoundException(RoomService.NOT_FOUND, Room.COLLECTION + roomId + "/" + Grade.COLLECTION + number));
    }

    @Transactional(readOnly = true)
    public PagedResult<Grade> list(String roomId, int pageSize, String pageToken) {
        RoomRow room = row(roomId);
        String query = "ListGrades?parent=" + roomId;
        List<GradeRow> rows = grades.page(room.seq(), (int) pageTokens.resume(pageToken, query, Integer.MAX_VALUE), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, GradeRow::number, shown -> shown.stream().map(g -> g.toDomain(roomId)).toList());
    }

    /** One dry-run result per room of the page: the current grade next to the draft's. Nothing is stored. */
    public record DryRun(Room room, Grade current, GradeResult draft) {
    }

    @Transactional(readOnly = true)
    public PagedResult<DryRun> dryRun(int version, int pageSize, String pageToken) {
        GradingRules rules = rulesets.get(version).rules();
        String query = "DryRunGradingRuleset?ruleset=" + version;
        List<RoomRow> rows = rooms.page(pageTokens.resume(pageToken, query, 0), false, pageSize + 1);
        Instant now = Micros.of(clock.instant());
        return pageTokens.page(query, rows, pageSize, RoomRow::seq, shown -> {
            Map<Long, Grade> currents = current(shown);
            return shown.stream().map(row -> new DryRun(row.toDomain(), currents.get(row.seq()), evaluate(rules, row, now))).toList();
        });
    }

    private static boolean sameOutcome(Grade current, GradeResult result, int rulesetVersion) {
        Function<GradeResult, List<String>> fired = r -> r.firedRules().stream().map(GradeResult.FiredRule::ruleId).toList();
        Function<GradeResult, List<?>> triggers = r -> r.monitoringReasons().stream().map(GradeResult.MonitoringReason::trigger).toList();
        return current.rulesetVersion() == rulesetVersion
                && current.result().sameOutcome(result.level(), result.monitoringRequired())
                && fired.apply(current.result()).equals(fired.apply(result))
                && triggers.apply(current.result()).equals(triggers.apply(result));
    }

    private RoomRow lock(String roomId) {
        return rooms.lock(roomId).orElseThrow(() -> new NotFoundException(RoomService.NOT_FOUND, Room.COLLECTION + roomId));
    }

    private RoomRow row(String roomId) {
        return rooms.findByResourceId(roomId).orElseThrow(() -> new NotFoundException(RoomService.NOT_FOUND, Room.COLLECTION + roomId));
    }
}
