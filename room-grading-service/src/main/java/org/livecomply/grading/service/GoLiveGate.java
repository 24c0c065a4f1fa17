package org.livecomply.grading.service;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SessionRoster;
import org.livecomply.api.training.v1.TrainingStatus;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.grading.client.IdentityClient;
import org.livecomply.grading.client.TrainingClient;
import org.livecomply.grading.domain.Disposal;
import org.livecomply.grading.domain.Measure;
import org.livecomply.grading.domain.gate.GateFacts;
import org.livecomply.grading.domain.gate.GoLiveReason;
import org.livecomply.grading.domain.gate.GoLiveRules;
import org.livecomply.grading.domain.gate.MarketerStatus;
import org.livecomply.grading.domain.gate.OperatorStatus;
import org.livecomply.grading.domain.gate.TrainingStanding;
import org.livecomply.grading.repository.RoomRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The go-live gate (ARCHITECTURE.md key flow 1): asks identity (operator, roster, each marketer) and training
 * (each marketer) in parallel, each call bounded by the gate's deadline, and reads the room's own measures
 * meanwhile. Any question left unanswered — error, timeout, unexpected answer — makes the gate deny with
 * DEPENDENCY_UNAVAILABLE: it never allows what it could not check.
 */
@Singleton
public class GoLiveGate {

    public static final String ROOM_STREAMING_SUSPENDED = "ROOM_STREAMING_SUSPENDED";
    public static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    public static final String SESSION_SUSPENDED = "SESSION_SUSPENDED";
    public static final String ROOM_OPERATOR_BLACKLISTED = "ROOM_OPERATOR_BLACKLISTED";
    public static final String MARKETER_BLACKLISTED = "MARKETER_BLACKLISTED";
    public static final String MARKETER_SUSPENDED = "MARKETER_SUSPENDED";
    private static final Logger LOG = LoggerFactory.getLogger(GoLiveGate.class);

    private final Rooms rooms;
    private final DisposalService disposals;
    private final IdentityClient identity;
    private final TrainingClient training;
    private final Clock clock;
    private final Duration deadline;

    public GoLiveGate(Rooms rooms, DisposalService disposals, IdentityClient identity, TrainingClient training, Clock clock,
                      @Value("${livecomply.grading.gate-deadline:500ms}") Duration deadline) {
        this.rooms = rooms;
        this.disposals = disposals;
        this.identity = identity;
        this.training = training;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** The gate's answer: every failing reason; empty means allowed. */
    public record Decision(String room, String sessionId, Instant checkTime, List<GoLiveReason> reasons) {

        public boolean allowed() {
            return reasons.isEmpty();
        }
    }

    public Decision check(String roomId, String sessionId, List<String> marketers) {
        RoomRow room = rooms.row(roomId);
        Instant now = clock.instant();
        Set<String> unavailable = new LinkedHashSet<>();
        ListenableFuture<RoomOperator> operatorCall = call(() -> identity.roomOperator(room.roomOperator(), deadline), IdentityClient.DEPENDENCY, unavailable);
        ListenableFuture<SessionRoster> rosterCall = call(() -> identity.sessionRoster(room.roomOperator(), sessionId, deadline),
                IdentityClient.DEPENDENCY, unavailable);
        Map<String, ListenableFuture<Marketer>> marketerCalls = new LinkedHashMap<>();
        Map<String, ListenableFuture<TrainingStatus>> trainingCalls = new LinkedHashMap<>();
        for (String marketer : marketers) {
            marketerCalls.put(marketer, call(() -> identity.marketer(marketer, deadline), IdentityClient.DEPENDENCY, unavailable));
            trainingCalls.put(marketer, call(() -> training.status(marketer, deadline), TrainingClient.DEPENDENCY, unavailable));
        }
        List<Disposal> inForce = disposals.inForce(room);
        List<GoLiveReason> roomMeasures = roomMeasures(room, inForce, sessionId, now);
        Map<String, List<GoLiveReason>> marketerMeasures = marketerMeasures(inForce, marketers, now);

        OperatorStatus operator = answer(operatorCall, IdentityClient.DEPENDENCY, unavailable)
                .map(found -> found.map(GoLiveGate::operator).orElse(new OperatorStatus(room.roomOperator(), null, null))).orElse(null);
        Boolean rosterSubmitted = null;
        Set<String> rosterMarketers = Set.of();
        Optional<Optional<SessionRoster>> roster = answer(rosterCall, IdentityClient.DEPENDENCY, unavailable);
        if (roster.isPresent()) {
            rosterSubmitted = roster.get().isPresent();
            rosterMarketers = roster.get().map(r -> (Set<String>) new HashSet<>(r.getMarketersList())).orElse(Set.of());
        }
        Map<String, MarketerStatus> marketerStatuses = new HashMap<>();
        Map<String, TrainingStanding> standings = new HashMap<>();
        for (String marketer : marketers) {
            answer(marketerCalls.get(marketer), IdentityClient.DEPENDENCY, unavailable).ifPresent(found ->
                    marketerStatuses.put(marketer, found.map(GoLiveGate::marketer).orElse(new MarketerStatus(marketer, null, null, false))));
            answer(trainingCalls.get(marketer), TrainingClient.DEPENDENCY, unavailable).ifPresent(found ->
                    standings.put(marketer, found.map(s -> new TrainingStanding(marketer, s.getPreServiceComplete(), s.getAnnualCurrent()))
                            .orElse(new TrainingStanding(marketer, false, false))));
        }
        GateFacts facts = new GateFacts(room.resourceId(), sessionId, marketers, operator, rosterSubmitted, rosterMarketers, marketerStatuses,
                standings, roomMeasures, marketerMeasures, List.copyOf(unavailable));
        return new Decision("rooms/" + roomId, sessionId, now, GoLiveRules.check(facts, now, LocalDate.ofInstant(now, WorkingDayCalendar.CHINA)));
    }

    /** Measures in force that keep this room (or this session) off the air (Arts. 12 ¶1, 14). */
    private List<GoLiveReason> roomMeasures(RoomRow room, List<Disposal> inForce, String sessionId, Instant now) {
        List<GoLiveReason> reasons = new ArrayList<>();
        for (Disposal d : inForce) {
            if (d.marketer() != null || !d.measure().keepsOffAir()) {
                continue;
            }
            switch (d.measure()) {
                case STREAMING_SUSPENSION -> reasons.add(reason(ROOM_STREAMING_SUSPENDED, Measure.ARTICLE, d, "streaming is suspended until " + d.endTime()));
                case ACCOUNT_CLOSURE -> reasons.add(reason(ACCOUNT_CLOSED, Measure.ARTICLE, d, "the live account is closed"));
                case SESSION_SUSPENSION -> {
                    if (sessionId.equals(d.sessionId())) {
                        reasons.add(reason(SESSION_SUSPENDED, "Arts. 12 ¶1, 13", d, "this session was suspended"));
                    }
                }
                default -> { }
            }
        }
        for (Disposal d : disposals.operatorBans(room.roomOperator(), now)) {
            reasons.add(reason(ROOM_OPERATOR_BLACKLISTED, "Art. 14", d, "the room operator is under a " + d.measure()
                    + (d.endTime() == null ? "" : " until " + d.endTime())));
        }
        return reasons;
    }

    /** Blacklists and bans of each marketer from any room, and suspensions of a marketer in this room. */
    private Map<String, List<GoLiveReason>> marketerMeasures(List<Disposal> inForce, List<String> marketers, Instant now) {
        Map<String, List<GoLiveReason>> reasons = new HashMap<>();
        for (Disposal d : disposals.marketerBans(marketers, now)) {
            reasons.computeIfAbsent(d.marketer(), m -> new ArrayList<>()).add(reason(MARKETER_BLACKLISTED, "Art. 14", d,
                    "the marketer is under a " + d.measure() + (d.endTime() == null ? "" : " until " + d.endTime())));
        }
        for (Disposal d : inForce) {
            if (d.marketer() != null && marketers.contains(d.marketer()) && d.measure().keepsOffAir() && !d.measure().identityEntry()
                    && d.measure() != Measure.SESSION_SUSPENSION) {
                reasons.computeIfAbsent(d.marketer(), m -> new ArrayList<>()).add(reason(MARKETER_SUSPENDED, Measure.ARTICLE, d,
                        "the marketer is under a " + d.measure() + " in this room"));
            }
        }
        return reasons;
    }

    private static GoLiveReason reason(String code, String article, Disposal disposal, String description) {
        return new GoLiveReason(code, article, disposal.name(), description);
    }

    /** Starts a call; a call that cannot even start counts as its dependency not answering. */
    private static <T> ListenableFuture<T> call(java.util.function.Supplier<ListenableFuture<T>> start, String dependency, Set<String> unavailable) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            LOG.warn("{} call could not start: {}", dependency, e.toString());
            return com.google.common.util.concurrent.Futures.immediateFailedFuture(e);
        }
    }

    /**
     * The answer: empty when the dependency did not answer usably (then it is listed in {@code unavailable});
     * Optional.empty() inside when it answered NOT_FOUND.
     */
    private static <T> Optional<Optional<T>> answer(ListenableFuture<T> call, String dependency, Set<String> unavailable) {
        try {
            return Optional.of(Optional.of(call.get()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status && status.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.of(Optional.empty());
            }
            LOG.warn("{} did not answer the go-live gate: {}", dependency, e.getCause() == null ? e : e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unavailable.add(dependency);
        return Optional.empty();
    }

    private static OperatorStatus operator(RoomOperator proto) {
        OperatorStatus.State state = switch (proto.getState()) {
            case STATE_VERIFIED -> OperatorStatus.State.VERIFIED;
            case STATE_REVERIFICATION_DUE -> OperatorStatus.State.REVERIFICATION_DUE;
            case STATE_REVERIFICATION_OVERDUE -> OperatorStatus.State.REVERIFICATION_OVERDUE;
            case STATE_SUSPENDED -> OperatorStatus.State.SUSPENDED;
            case STATE_VERIFICATION_FAILED -> OperatorStatus.State.VERIFICATION_FAILED;
            // Unknown or unset states are treated as unverified: the gate fails closed.
            default -> OperatorStatus.State.PENDING_VERIFICATION;
        };
        Instant due = proto.hasReverificationDueTime()
                ? Instant.ofEpochSecond(proto.getReverificationDueTime().getSeconds(), proto.getReverificationDueTime().getNanos()) : null;
        return new OperatorStatus(proto.getName(), state, due);
    }

    private static MarketerStatus marketer(Marketer proto) {
        MarketerStatus.State state = switch (proto.getState()) {
            case STATE_VERIFIED -> MarketerStatus.State.VERIFIED;
            case STATE_SUSPENDED -> MarketerStatus.State.SUSPENDED;
            case STATE_VERIFICATION_FAILED -> MarketerStatus.State.VERIFICATION_FAILED;
            default -> MarketerStatus.State.PENDING_VERIFICATION;
        };
        LocalDate birth = proto.hasBirthDate() && proto.getBirthDate().getYear() > 0
                ? LocalDate.of(proto.getBirthDate().getYear(), proto.getBirthDate().getMonth(), proto.getBirthDate().getDay()) : null;
        return new MarketerStatus(proto.getName(), state, birth, proto.hasGuardianConsent());
    }
}
