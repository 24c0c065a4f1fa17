package org.livecomply.grading.service;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.livecomply.api.identity.v1.GoLiveFacts;
import org.livecomply.api.identity.v1.MarketerFacts;
import org.livecomply.api.identity.v1.RoomOperatorFacts;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesResponse;
import org.livecomply.api.training.v1.TrainingStatus;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.OverloadedException;
import org.livecomply.grading.client.IdentityClient;
import org.livecomply.grading.client.TrainingClient;
import org.livecomply.grading.domain.Disposal;
import org.livecomply.grading.domain.Measure;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.domain.gate.GateFacts;
import org.livecomply.grading.domain.gate.GoLiveReason;
import org.livecomply.grading.domain.gate.GoLiveRules;
import org.livecomply.grading.domain.gate.MarketerStatus;
import org.livecomply.grading.domain.gate.OperatorStatus;
import org.livecomply.grading.domain.gate.TrainingStanding;
import org.livecomply.grading.repository.GateStore;
import org.livecomply.grading.repository.GateStore.GateMeasure;
import org.livecomply.grading.repository.GateStore.GateMeasures;
import org.livecomply.grading.repository.GateStore.GateRoom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The go-live gate (ARCHITECTURE.md key flow 1): asks identity (operator, roster, every marketer: one
 * GetGoLiveFacts) and training (every marketer: one BatchGetTrainingStatuses) in parallel, each call bounded
 * by the gate's deadline, and reads the room's own measures meanwhile. Any question left unanswered — error, timeout, unexpected answer — makes the gate deny with
 * DEPENDENCY_UNAVAILABLE: it never allows what it could not check.
 */
@Singleton
public class GoLiveGate {

    public static final String ROOM_STREAMING_SUSPENDED = "ROOM_STREAMING_SUSPENDED";
    public static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    public static final String SESSION_SUSPENDED = "SESSION_SUSPENDED";
    public static final String MARKETER_SUSPENDED = "MARKETER_SUSPENDED";
    public static final String GATE_OVERLOADED = "GATE_OVERLOADED";
    private static final Logger LOG = LoggerFactory.getLogger(GoLiveGate.class);

    private final GateStore store;
    private final IdentityClient identity;
    private final TrainingClient training;
    private final Clock clock;
    private final Duration deadline;
    private final int maxConcurrent;
    private final Semaphore inFlight;

    public GoLiveGate(GateStore store, IdentityClient identity, TrainingClient training, Clock clock,
                      @Value("${livecomply.grading.gate-deadline:500ms}") Duration deadline,
                      @Value("${livecomply.grading.gate-max-concurrent:64}") int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
        this.inFlight = new Semaphore(maxConcurrent);
        this.store = store;
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

    /**
     * At most {@code livecomply.grading.gate-max-concurrent} checks run at once on this replica; one more is
     * refused at once (UNAVAILABLE, GATE_OVERLOADED) instead of queueing: a cold or overloaded replica would
     * otherwise answer it past every deadline, with threads growing by the hundred.
     */
    public Decision check(String roomId, String sessionId, List<String> marketers) {
        if (!inFlight.tryAcquire()) {
            throw new OverloadedException(GATE_OVERLOADED, "This replica is already answering " + maxConcurrent
                    + " go-live checks; retry shortly (another replica may answer at once)", Map.of("max_concurrent", Integer.toString(maxConcurrent)));
        }
        try {
            return checkNow(roomId, sessionId, marketers);
        } finally {
            inFlight.release();
        }
    }

    private Decision checkNow(String roomId, String sessionId, List<String> marketers) {
        GateRoom room = store.room(roomId).orElseThrow(() -> new NotFoundException(RoomService.NOT_FOUND, Room.COLLECTION + roomId));
        Instant now = clock.instant();
        Set<String> unavailable = new LinkedHashSet<>();
        ListenableFuture<GoLiveFacts> identityCall = call(() -> identity.goLiveFacts(room.roomOperator(), sessionId, marketers, deadline),
                IdentityClient.DEPENDENCY);
        ListenableFuture<BatchGetTrainingStatusesResponse> trainingCall = marketers.isEmpty()
                ? Futures.immediateFuture(BatchGetTrainingStatusesResponse.getDefaultInstance())
                : call(() -> training.statuses(marketers, deadline), TrainingClient.DEPENDENCY);
        GateMeasures measures = store.measures(room, marketers, now);
        List<GoLiveReason> roomMeasures = roomMeasures(measures, sessionId);
        Map<String, List<GoLiveReason>> marketerMeasures = marketerMeasures(measures, marketers);

        OperatorStatus operator = null;
        Boolean rosterSubmitted = null;
        Set<String> rosterMarketers = Set.of();
        Map<String, MarketerStatus> marketerStatuses = new HashMap<>();
        GoLiveFacts facts = answer(identityCall, IdentityClient.DEPENDENCY, unavailable);
        if (facts != null && facts.getMarketersCount() == marketers.size()) {
            operator = operator(facts.getRoomOperator());
            rosterSubmitted = facts.getRosterSubmitted();
            rosterMarketers = Set.copyOf(facts.getRosterMarketersList());
            for (int i = 0; i < marketers.size(); i++) {
                marketerStatuses.put(marketers.get(i), marketer(marketers.get(i), facts.getMarketers(i)));
            }
        } else if (facts != null) {
            LOG.warn("identity answered {} marketers for {} asked", facts.getMarketersCount(), marketers.size());
            unavailable.add(IdentityClient.DEPENDENCY);
        }
        Map<String, TrainingStanding> standings = new HashMap<>();
        BatchGetTrainingStatusesResponse statuses = answer(trainingCall, TrainingClient.DEPENDENCY, unavailable);
        if (statuses != null && statuses.getStatusesCount() == marketers.size()) {
            for (int i = 0; i < marketers.size(); i++) {
                TrainingStatus status = statuses.getStatuses(i);
                standings.put(marketers.get(i), new TrainingStanding(marketers.get(i), status.getPreServiceComplete(), status.getAnnualCurrent()));
            }
        } else if (statuses != null) {
            LOG.warn("training answered {} statuses for {} asked", statuses.getStatusesCount(), marketers.size());
            unavailable.add(TrainingClient.DEPENDENCY);
        }
        GateFacts gateFacts = new GateFacts(room.resourceId(), sessionId, marketers, operator, rosterSubmitted, rosterMarketers, marketerStatuses,
                standings, roomMeasures, marketerMeasures, List.copyOf(unavailable));
        return new Decision("rooms/" + roomId, sessionId, now, GoLiveRules.check(gateFacts, now, LocalDate.ofInstant(now, WorkingDayCalendar.CHINA)));
    }

    /** Measures in force that keep this room (or this session) off the air (Arts. 12 ¶1, 14). */
    private static List<GoLiveReason> roomMeasures(GateMeasures measures, String sessionId) {
        List<GoLiveReason> reasons = new ArrayList<>();
        for (GateMeasure d : measures.inForce()) {
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
        for (GateMeasure d : measures.operatorBans()) {
            reasons.add(reason(GoLiveRules.ROOM_OPERATOR_BLACKLISTED, "Art. 14", d, "the room operator is under a " + d.measure()
                    + (d.endTime() == null ? "" : " until " + d.endTime())));
        }
        return reasons;
    }

    /** Blacklists and bans of each marketer from any room, and suspensions of a marketer in this room. */
    private static Map<String, List<GoLiveReason>> marketerMeasures(GateMeasures measures, List<String> marketers) {
        Map<String, List<GoLiveReason>> reasons = new HashMap<>();
        for (GateMeasure d : measures.marketerBans()) {
            reasons.computeIfAbsent(d.marketer(), m -> new ArrayList<>()).add(reason(GoLiveRules.MARKETER_BLACKLISTED, "Art. 14", d,
                    "the marketer is under a " + d.measure() + (d.endTime() == null ? "" : " until " + d.endTime())));
        }
        for (GateMeasure d : measures.inForce()) {
            if (d.marketer() != null && marketers.contains(d.marketer()) && d.measure().keepsOffAir() && !d.measure().identityEntry()
                    && d.measure() != Measure.SESSION_SUSPENSION) {
                reasons.computeIfAbsent(d.marketer(), m -> new ArrayList<>()).add(reason(MARKETER_SUSPENDED, Measure.ARTICLE, d,
                        "the marketer is under a " + d.measure() + " in this room"));
            }
        }
        return reasons;
    }

    private static GoLiveReason reason(String code, String article, GateMeasure measure, String description) {
        return new GoLiveReason(code, article, Room.COLLECTION + measure.roomId() + "/" + Disposal.COLLECTION + measure.disposalId(), description);
    }

    /** Starts a call; a call that cannot even start counts as its dependency not answering. */
    private static <T> ListenableFuture<T> call(Supplier<ListenableFuture<T>> start, String dependency) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            LOG.warn("{} call could not start: {}", dependency, e.toString());
            return Futures.immediateFailedFuture(e);
        }
    }

    /** The answer, or null when the dependency did not answer usably (it is then listed in {@code unavailable}). */
    private static <T> T answer(ListenableFuture<T> call, String dependency, Set<String> unavailable) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            LOG.warn("{} did not answer the go-live gate: {}", dependency, e.getCause() == null ? e : e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unavailable.add(dependency);
        return null;
    }

    private static OperatorStatus operator(RoomOperatorFacts proto) {
        if (!proto.getRegistered()) {
            return new OperatorStatus(proto.getName(), null, null, false);
        }
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
        return new OperatorStatus(proto.getName(), state, due, proto.getBlacklisted());
    }

    private static MarketerStatus marketer(String name, MarketerFacts proto) {
        if (!proto.getRegistered()) {
            return new MarketerStatus(name, null, null, false, false, false);
        }
        MarketerStatus.State state = switch (proto.getState()) {
            case STATE_VERIFIED -> MarketerStatus.State.VERIFIED;
            case STATE_SUSPENDED -> MarketerStatus.State.SUSPENDED;
            case STATE_VERIFICATION_FAILED -> MarketerStatus.State.VERIFICATION_FAILED;
            default -> MarketerStatus.State.PENDING_VERIFICATION;
        };
        LocalDate birth = proto.hasBirthDate() && proto.getBirthDate().getYear() > 0
                ? LocalDate.of(proto.getBirthDate().getYear(), proto.getBirthDate().getMonth(), proto.getBirthDate().getDay()) : null;
        return new MarketerStatus(name, state, birth, proto.getGuardianConsent(), proto.getVerificationCurrent(), proto.getBlacklisted());
    }
}
