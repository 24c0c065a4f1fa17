package org.livecomply.sdk.testing;

import io.grpc.BindableService;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.GetRoomRequest;
import org.livecomply.api.grading.v1.GetViolationRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.ListRoomsRequest;
import org.livecomply.api.grading.v1.ListRoomsResponse;
import org.livecomply.api.grading.v1.ListViolationsRequest;
import org.livecomply.api.grading.v1.ListViolationsResponse;
import org.livecomply.api.grading.v1.RecordVerifiedComplaintRequest;
import org.livecomply.api.grading.v1.RecordViolationRequest;
import org.livecomply.api.grading.v1.RedLine;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.RoomGradingServiceGrpc;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.VerifiedComplaint;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.grading.v1.ViolationSource;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SessionRoster;
import org.livecomply.api.training.v1.TrainingStatus;

/**
 * The room-grading-service fake: rooms, violations of the red lines (Arts. 30–37), verified complaints
 * (Art. 20 ¶3) and the go-live gate (Arts. 8, 10, 12, 28; MPL Art. 76), which asks the identity and training
 * fakes directly and so gives the real reason codes for the facts they hold (it never answers
 * DEPENDENCY_UNAVAILABLE: the fakes are always there).
 * <p>
 * Faked RPCs: CreateRoom, GetRoom, ListRooms (without {@code monitoring_required_only}), RecordViolation,
 * GetViolation, ListViolations, RecordVerifiedComplaint, CheckGoLiveEligibility. Not faked: grades and rulesets
 * (the fake's rooms carry no grade), metrics and credit data, disposals and appeals (so no measure keeps a room
 * off the air and no violation is ever disposed), content pre-review, reports. A regulator notice's disposal is
 * due 3 working days later, as the service's default.
 */
public final class FakeRoomGrading {

    static final String DOMAIN = Refusals.domain("grading");
    private static final String UUID_PATTERN = Checks.UUID;
    private static final Pattern ROOM = Pattern.compile("rooms/(" + UUID_PATTERN + ")");
    private static final Pattern VIOLATION = Pattern.compile("rooms/(" + UUID_PATTERN + ")/violations/(" + UUID_PATTERN + ")");
    private static final Pattern ROOM_OPERATOR = Pattern.compile("roomOperators/" + UUID_PATTERN);
    private static final Pattern MARKETER = Pattern.compile("marketers/" + UUID_PATTERN);
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern COMPLAINT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<GoodsCategory> LIFE_AND_HEALTH = EnumSet.of(GoodsCategory.GOODS_CATEGORY_FOOD,
            GoodsCategory.GOODS_CATEGORY_HEALTH_FOOD, GoodsCategory.GOODS_CATEGORY_COSMETICS, GoodsCategory.GOODS_CATEGORY_MEDICAL_DEVICES,
            GoodsCategory.GOODS_CATEGORY_INFANT_GOODS, GoodsCategory.GOODS_CATEGORY_DRUGS);
    private static final int CATEGORIES = 10;
    private static final int MAX_EVIDENCE = 20;
    private static final int MAX_GATE_MARKETERS = 50;
    private static final int REGULATOR_NOTICE_WORKING_DAYS = 3;
    private static final Duration MAX_VIOLATION_AGE = Duration.ofDays(3 * 366);
    private static final Duration MARKETER_RECHECK = Duration.ofDays(30);
    private static final Map<RedLine, String> ARTICLES = Map.ofEntries(
            Map.entry(RedLine.RED_LINE_UNSAFE_GOODS, "Art. 33"), Map.entry(RedLine.RED_LINE_COUNTERFEIT_GOODS, "Art. 33"),
            Map.entry(RedLine.RED_LINE_BANNED_GOODS, "Art. 33"), Map.entry(RedLine.RED_LINE_FALSE_CLAIM, "Art. 34"),
            Map.entry(RedLine.RED_LINE_FAKE_SALES_OR_REVIEWS, "Art. 34"), Map.entry(RedLine.RED_LINE_AI_IMPERSONATION, "Arts. 34, 37"),
            Map.entry(RedLine.RED_LINE_UNLABELLED_AI_PERSON, "Art. 37"), Map.entry(RedLine.RED_LINE_DEFAMATION, "Art. 36"),
            Map.entry(RedLine.RED_LINE_ADVERTISING_LAW, "Art. 35"), Map.entry(RedLine.RED_LINE_UNCLEAR_PRICING, "Art. 32"),
            Map.entry(RedLine.RED_LINE_MISSING_PRE_SESSION_REVIEW, "Art. 30"), Map.entry(RedLine.RED_LINE_UNCORRECTED_SLIP, "Art. 31"),
            Map.entry(RedLine.RED_LINE_COMMENT_MISMANAGEMENT, "Arts. 29–31"));

    private record StoredViolation(long seq, Violation violation) {
    }

    private static final class StoredRoom {
        final long seq;
        final Room room;
        final List<StoredViolation> violations = new ArrayList<>();

        StoredRoom(long seq, Room room) {
            this.seq = seq;
            this.room = room;
        }

        String id() {
            return room.getName().substring("rooms/".length());
        }
    }

    private final FakeContext context;
    private final FakeIdentity identity;
    private final FakeTraining training;
    private final Idempotency idempotency = new Idempotency();
    private final PageTokens pageTokens = new PageTokens();
    private final Map<String, StoredRoom> rooms = new LinkedHashMap<>();
    private final Map<String, VerifiedComplaint> complaints = new LinkedHashMap<>();
    private long sequence;

    FakeRoomGrading(FakeContext context, FakeIdentity identity, FakeTraining training) {
        this.context = context;
        this.identity = identity;
        this.training = training;
    }

    BindableService service() {
        return new Endpoint();
    }

    /** The verified complaints recorded against {@code room} ({@code rooms/{room}}), oldest first. */
    public List<VerifiedComplaint> verifiedComplaints(String room) {
        return context.locked(() -> complaints.values().stream().filter(c -> c.getName().startsWith(room + "/")).toList());
    }

    // ---- rooms ----

    private Room createRoom(CreateRoomRequest request) {
        String path = "room.";
        Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
        checks.when(!request.hasRoom(), "room", "room is required");
        Room room = request.getRoom();
        match(ROOM_OPERATOR, room.getRoomOperator(), path + "room_operator", "roomOperators/{uuid}", checks);
        if (request.hasRoom()) {
            checks.text(path + "live_account_id", room.getLiveAccountId(), 1, 64)
                    .matches(path + "live_account_id", room.getLiveAccountId(), ACCOUNT_ID, "1..64 of [A-Za-z0-9_.-]")
                    .text(path + "display_name", room.getDisplayName(), 0, 100)
                    .when(room.getGoodsCategoriesCount() == 0, path + "goods_categories", path + "goods_categories needs at least one category")
                    .when(room.getGoodsCategoriesCount() > CATEGORIES, path + "goods_categories",
                            path + "goods_categories has at most " + CATEGORIES + " entries");
            Set<GoodsCategory> seen = new HashSet<>();
            for (int i = 0; i < room.getGoodsCategoriesCount(); i++) {
                String field = path + "goods_categories[" + i + "]";
                GoodsCategory category = room.getGoodsCategories(i);
                if (category == GoodsCategory.GOODS_CATEGORY_UNSPECIFIED || category == GoodsCategory.UNRECOGNIZED) {
                    checks.add(field, field + " must be a known category");
                } else if (!seen.add(category)) {
                    checks.add(field, field + " is listed twice");
                }
            }
        }
        checks.throwIfAny();
        return idempotency.once(DOMAIN, "CreateRoom", request.getRequestId(), request, () -> {
            if (rooms.values().stream().anyMatch(r -> r.room.getLiveAccountId().equals(room.getLiveAccountId()))) {
                throw Refusals.alreadyExists(DOMAIN, "ROOM_ALREADY_EXISTS", "live account " + room.getLiveAccountId() + " already has a room",
                        Map.of("live_account_id", room.getLiveAccountId()));
            }
            Room created = Room.newBuilder().setName("rooms/" + UUID.randomUUID()).setRoomOperator(room.getRoomOperator())
                    .setLiveAccountId(room.getLiveAccountId()).setDisplayName(room.getDisplayName())
                    .addAllGoodsCategories(room.getGoodsCategoriesList())
                    .setLifeAndHealth(room.getGoodsCategoriesList().stream().anyMatch(LIFE_AND_HEALTH::contains))
                    .setCreateTime(Protos.timestamp(Protos.micros(context.now()))).build();
            StoredRoom stored = new StoredRoom(++sequence, created);
            rooms.put(stored.id(), stored);
            return created;
        }, Room::getName, name -> room(name.substring("rooms/".length())).room);
    }

    private StoredRoom room(String id) {
        StoredRoom found = rooms.get(id);
        if (found == null) {
            throw Refusals.notFound(DOMAIN, "ROOM_NOT_FOUND", "rooms/" + id);
        }
        return found;
    }

    private Room getRoom(GetRoomRequest request) {
        Checks checks = new Checks(DOMAIN);
        String id = group(match(ROOM, request.getName(), "name", "rooms/{uuid}", checks), 1);
        checks.throwIfAny();
        return room(id).room;
    }

    private ListRoomsResponse listRooms(ListRoomsRequest request) {
        new Checks(DOMAIN).checkPageSize(request.getPageSize()).throwIfAny();
        if (request.getMonitoringRequiredOnly()) {
            throw Refusals.plain(com.google.rpc.Code.UNIMPLEMENTED, CallGuard.NOT_FAKED,
                    "ListRooms with monitoring_required_only is not implemented by the room-grading fake: its rooms carry no grade", DOMAIN);
        }
        PageTokens.Page<StoredRoom> page = pageTokens.page(DOMAIN, "ListRooms?monitoring=false", List.copyOf(rooms.values()), r -> r.seq, false,
                Checks.pageSize(request.getPageSize()), request.getPageToken());
        return ListRoomsResponse.newBuilder().addAllRooms(page.items().stream().map(r -> r.room).toList())
                .setNextPageToken(page.nextPageToken()).build();
    }

    // ---- violations (Arts. 30–37) ----

    private Violation recordViolation(RecordViolationRequest request) {
        Instant now = context.now();
        String path = "violation.";
        Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
        String roomId = group(match(ROOM, request.getParent(), "parent", "rooms/{uuid}", checks), 1);
        checks.when(!request.hasViolation(), "violation", "violation is required");
        Violation violation = request.getViolation();
        if (!violation.getMarketer().isEmpty()) {
            match(MARKETER, violation.getMarketer(), path + "marketer", "marketers/{uuid}", checks);
        }
        Instant occurTime = Protos.instant(violation.hasOccurTime(), violation.getOccurTime(), path + "occur_time", checks);
        if (request.hasViolation()) {
            boolean regulator = violation.getSource() == ViolationSource.VIOLATION_SOURCE_REGULATOR_NOTICE;
            checks.when(!known(violation.getRedLine().getNumber(), violation.getRedLine() == RedLine.UNRECOGNIZED), path + "red_line",
                            path + "red_line is required")
                    .when(!known(violation.getSeverity().getNumber(), violation.getSeverity() == Severity.UNRECOGNIZED), path + "severity",
                            path + "severity is required")
                    .when(!known(violation.getSource().getNumber(), violation.getSource() == ViolationSource.UNRECOGNIZED), path + "source",
                            path + "source is required")
                    .text(path + "description", violation.getDescription(), 1, 2000)
                    .matches(path + "session_id", violation.getSessionId(), SESSION_ID, "1..64 of [A-Za-z0-9_.-]")
                    .when(occurTime == null, path + "occur_time", path + "occur_time is required")
                    .when(occurTime != null && occurTime.isAfter(now.plusSeconds(300)), path + "occur_time", path + "occur_time must not be in the future")
                    .when(occurTime != null && occurTime.isBefore(now.minus(MAX_VIOLATION_AGE)), path + "occur_time",
                            path + "occur_time must be within 3 years");
            checkEvidence(violation.getEvidenceList(), path + "evidence", checks);
            if (regulator) {
                checks.text(path + "regulator_reference", violation.getRegulatorReference(), 1, 100);
            } else {
                checks.when(!violation.getRegulatorReference().isEmpty(), path + "regulator_reference",
                        path + "regulator_reference is only for VIOLATION_SOURCE_REGULATOR_NOTICE");
            }
        }
        checks.throwIfAny();
        return idempotency.once(DOMAIN, "RecordViolation", request.getRequestId(), request, () -> {
            StoredRoom room = room(roomId);
            Instant recordTime = Protos.micros(context.now());
            Violation.Builder recorded = Violation.newBuilder().setName(room.room.getName() + "/violations/" + UUID.randomUUID())
                    .setRedLine(violation.getRedLine()).setSeverity(violation.getSeverity()).setSource(violation.getSource())
                    .setDescription(violation.getDescription()).setSessionId(violation.getSessionId()).setMarketer(violation.getMarketer())
                    .addAllEvidence(violation.getEvidenceList()).setOccurTime(Protos.timestamp(Protos.micros(occurTime)))
                    .setRegulatorReference(violation.getRegulatorReference()).setArticle(ARTICLES.get(violation.getRedLine()))
                    .setRecordedBy(CallGuard.subject()).setRecordTime(Protos.timestamp(recordTime));
            if (violation.getSource() == ViolationSource.VIOLATION_SOURCE_REGULATOR_NOTICE) {
                // Arts. 12 ¶2, 50: measures follow a regulator's notice promptly, within the platform's working days.
                recorded.setDisposalDueTime(Protos.timestamp(context.workingDays.deadline(recordTime, REGULATOR_NOTICE_WORKING_DAYS)));
            }
            Violation result = recorded.build();
            room.violations.add(new StoredViolation(++sequence, result));
            return result;
        }, Violation::getName, name -> violation(roomId, name.substring(name.lastIndexOf('/') + 1)));
    }

    private static boolean known(int number, boolean unrecognized) {
        return number != 0 && !unrecognized;
    }

    private static void checkEvidence(List<Evidence> evidence, String path, Checks checks) {
        checks.when(evidence.isEmpty(), path, path + " needs at least 1 item(s)")
                .when(evidence.size() > MAX_EVIDENCE, path, path + " has at most " + MAX_EVIDENCE + " items");
        for (int i = 0; i < Math.min(evidence.size(), MAX_EVIDENCE); i++) {
            Evidence item = evidence.get(i);
            String field = path + "[" + i + "]";
            boolean leaf = item.getKindCase() == Evidence.KindCase.ARCHIVE_LEAF_INDEX;
            boolean artefact = item.getKindCase() == Evidence.KindCase.ARTEFACT_SHA256;
            checks.when(!leaf && !artefact, field, field + " needs archive_leaf_index or artefact_sha256")
                    .when(leaf && item.getArchiveLeafIndex() < 0, field + ".archive_leaf_index", field + ".archive_leaf_index must be ≥ 0")
                    .when(artefact && !SHA256_HEX.matcher(item.getArtefactSha256()).matches(), field + ".artefact_sha256",
                            field + ".artefact_sha256 must be 64 lowercase hex characters")
                    .text(field + ".description", item.getDescription(), 0, 200);
        }
    }

    private Violation violation(String roomId, String violationId) {
        String name = "rooms/" + roomId + "/violations/" + violationId;
        StoredRoom room = rooms.get(roomId);
        return room == null ? null : room.violations.stream().map(StoredViolation::violation).filter(v -> v.getName().equals(name))
                .findFirst().orElse(null);
    }

    private Violation getViolation(GetViolationRequest request) {
        Checks checks = new Checks(DOMAIN);
        Matcher name = match(VIOLATION, request.getName(), "name", "rooms/{uuid}/violations/{uuid}", checks);
        checks.throwIfAny();
        boolean anywhere = rooms.values().stream().flatMap(r -> r.violations.stream())
                .anyMatch(v -> v.violation().getName().endsWith("/violations/" + name.group(2)));
        if (anywhere) {
            room(name.group(1));
        }
        Violation found = violation(name.group(1), name.group(2));
        if (found == null) {
            throw Refusals.notFound(DOMAIN, "VIOLATION_NOT_FOUND", request.getName());
        }
        return found;
    }

    private ListViolationsResponse listViolations(ListViolationsRequest request) {
        Checks checks = new Checks(DOMAIN).checkPageSize(request.getPageSize());
        String roomId = group(match(ROOM, request.getParent(), "parent", "rooms/{uuid}", checks), 1);
        checks.throwIfAny();
        List<StoredViolation> newestFirst = new ArrayList<>(room(roomId).violations);
        java.util.Collections.reverse(newestFirst);
        // No disposal is ever made in the fake, so every violation is undisposed.
        PageTokens.Page<StoredViolation> page = pageTokens.page(DOMAIN, "ListViolations?parent=" + roomId + "&undisposed=" + request.getUndisposedOnly(),
                newestFirst, v -> v.seq(), true, Checks.pageSize(request.getPageSize()), request.getPageToken());
        return ListViolationsResponse.newBuilder().addAllViolations(page.items().stream().map(StoredViolation::violation).toList())
                .setNextPageToken(page.nextPageToken()).build();
    }

    // ---- verified complaints (Art. 20 ¶3) ----

    private VerifiedComplaint recordVerifiedComplaint(RecordVerifiedComplaintRequest request) {
        Instant now = context.now();
        String path = "verified_complaint.";
        Checks checks = new Checks(DOMAIN);
        String roomId = group(match(ROOM, request.getParent(), "parent", "rooms/{uuid}", checks), 1);
        checks.when(!request.hasVerifiedComplaint(), "verified_complaint", "verified_complaint is required");
        VerifiedComplaint complaint = request.getVerifiedComplaint();
        Instant verifyTime = Protos.instant(complaint.hasVerifyTime(), complaint.getVerifyTime(), path + "verify_time", checks);
        if (request.hasVerifiedComplaint()) {
            checks.text(path + "complaint_id", complaint.getComplaintId(), 1, 64)
                    .matches(path + "complaint_id", complaint.getComplaintId(), COMPLAINT_ID, "1..64 of [A-Za-z0-9_.-]")
                    .text(path + "summary", complaint.getSummary(), 1, 500)
                    .when(verifyTime == null, path + "verify_time", path + "verify_time is required")
                    .when(verifyTime != null && verifyTime.isAfter(now.plusSeconds(300)), path + "verify_time", path + "verify_time must not be in the future");
        }
        checks.throwIfAny();
        return record(roomId, complaint.getComplaintId(), complaint.getSummary(), verifyTime);
    }

    /** Idempotent by complaint id: the same complaint again returns the first record, other content is refused. */
    VerifiedComplaint record(String roomId, String complaintId, String summary, Instant verifyTime) {
        Instant verified = Protos.micros(verifyTime);
        VerifiedComplaint existing = complaints.get(complaintId);
        if (existing != null) {
            boolean same = existing.getName().equals("rooms/" + roomId + "/verifiedComplaints/" + complaintId)
                    && existing.getSummary().equals(summary) && Protos.instant(existing.getVerifyTime()).equals(verified);
            if (same) {
                return existing;
            }
            throw Refusals.alreadyExists(DOMAIN, "COMPLAINT_ALREADY_RECORDED", "complaint " + complaintId + " was already recorded with other content",
                    Map.of("existing", existing.getName()));
        }
        StoredRoom room = room(roomId);
        VerifiedComplaint recorded = VerifiedComplaint.newBuilder().setName(room.room.getName() + "/verifiedComplaints/" + complaintId)
                .setComplaintId(complaintId).setSummary(summary).setVerifyTime(Protos.timestamp(verified))
                .setRecordTime(Protos.timestamp(Protos.micros(context.now()))).build();
        complaints.put(complaintId, recorded);
        return recorded;
    }

    // ---- the go-live gate ----

    private GoLiveDecision checkGoLiveEligibility(CheckGoLiveEligibilityRequest request) {
        Checks checks = new Checks(DOMAIN);
        String roomId = group(match(ROOM, request.getRoom(), "room", "rooms/{uuid}", checks), 1);
        checks.text("session_id", request.getSessionId(), 1, 64)
                .matches("session_id", request.getSessionId(), SESSION_ID, "1..64 of [A-Za-z0-9_.-]")
                .when(request.getMarketersCount() == 0, "marketers", "at least one marketer is required (Art. 28)")
                .when(request.getMarketersCount() > MAX_GATE_MARKETERS, "marketers", "at most " + MAX_GATE_MARKETERS + " marketers");
        Set<String> marketers = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(request.getMarketersCount(), MAX_GATE_MARKETERS); i++) {
            String field = "marketers[" + i + "]";
            Matcher marketer = match(MARKETER, request.getMarketers(i), field, "marketers/{uuid}", checks);
            checks.when(marketer != null && !marketers.add(request.getMarketers(i)), field, field + " is listed twice");
        }
        checks.throwIfAny();
        StoredRoom room = room(roomId);
        Instant now = context.now();
        LocalDate today = Protos.today(now);
        String sessionId = request.getSessionId();
        List<GoLiveReason> reasons = new ArrayList<>();
        String operatorName = room.room.getRoomOperator();
        RoomOperator operator = identity.roomOperator(operatorName);
        if (operator == null) {
            reasons.add(reason("ROOM_OPERATOR_NOT_REGISTERED", "Art. 8 ¶1", operatorName, "the room operator is not registered"));
        } else {
            Instant due = operator.hasReverificationDueTime() ? Protos.instant(operator.getReverificationDueTime()) : null;
            String state = operator.getState().name().substring("STATE_".length());
            switch (operator.getState()) {
                case STATE_PENDING_VERIFICATION, STATE_VERIFICATION_FAILED -> reasons.add(reason("ROOM_OPERATOR_NOT_VERIFIED", "Art. 8 ¶1",
                        operatorName, "the room operator's identity is not verified (" + state + ")"));
                case STATE_REVERIFICATION_OVERDUE -> reasons.add(overdue(operatorName, due));
                case STATE_SUSPENDED -> reasons.add(reason("ROOM_OPERATOR_SUSPENDED", "Art. 12 ¶1", operatorName, "the room operator is suspended"));
                default -> {
                    if (due != null && !now.isBefore(due)) {
                        reasons.add(overdue(operatorName, due));
                    }
                }
            }
        }
        SessionRoster roster = identity.roster(operatorName, sessionId);
        if (roster == null) {
            reasons.add(reason("SESSION_ROSTER_NOT_FOUND", "Art. 28", sessionId, "no roster of verified marketers was submitted for session " + sessionId));
        }
        for (String name : marketers) {
            if (roster != null && !roster.getMarketersList().contains(name)) {
                reasons.add(reason("MARKETER_NOT_ON_ROSTER", "Art. 28", name, "the marketer is not on the roster submitted for session " + sessionId));
            }
            marketerReasons(name, identity.marketer(name), now, today, reasons);
            TrainingStatus status = training.status(name, Protos.micros(now));
            if (!status.getPreServiceComplete()) {
                reasons.add(reason("PRE_SERVICE_TRAINING_MISSING", "Art. 10 ¶1", name, "pre-service training on the four areas of Art. 10 ¶1 is not complete"));
            }
            if (!status.getAnnualCurrent()) {
                reasons.add(reason("ANNUAL_TRAINING_MISSING", "Art. 10 ¶1", name, "this year's training is not complete"));
            }
        }
        return GoLiveDecision.newBuilder().setOutcome(reasons.isEmpty() ? GoLiveDecision.Outcome.OUTCOME_ALLOWED : GoLiveDecision.Outcome.OUTCOME_DENIED)
                .addAllReasons(reasons).setRoom(room.room.getName()).setSessionId(sessionId).setCheckTime(Protos.timestamp(now)).build();
    }

    private static void marketerReasons(String name, Marketer marketer, Instant now, LocalDate today, List<GoLiveReason> reasons) {
        if (marketer == null) {
            reasons.add(reason("MARKETER_NOT_REGISTERED", "Art. 8 ¶2", name, "the marketer's identity is not registered"));
            return;
        }
        switch (marketer.getState()) {
            case STATE_VERIFIED -> {
                boolean current = marketer.hasLastVerifyTime() && !now.isAfter(Protos.instant(marketer.getLastVerifyTime()).plus(MARKETER_RECHECK));
                if (!current) {
                    reasons.add(reason("MARKETER_VERIFICATION_STALE", "Art. 8 ¶3", name,
                            "the marketer's last identity check is older than the platform's re-check period: verify again"));
                }
            }
            case STATE_SUSPENDED -> reasons.add(reason("MARKETER_SUSPENDED", "Art. 12 ¶1", name, "the marketer is suspended"));
            default -> reasons.add(reason("MARKETER_NOT_VERIFIED", "Art. 8 ¶3", name,
                    "the marketer's identity is not verified (" + marketer.getState().name().substring("STATE_".length()) + ")"));
        }
        if (marketer.hasBirthDate()) {
            LocalDate birth = LocalDate.of(marketer.getBirthDate().getYear(), marketer.getBirthDate().getMonth(), marketer.getBirthDate().getDay());
            int age = Period.between(birth, today).getYears();
            if (age < 16) {
                reasons.add(reason("MARKETER_UNDER_16", "MPL Art. 76", name, "the marketer is younger than 16"));
            } else if (age < 18 && !marketer.hasGuardianConsent()) {
                reasons.add(reason("MARKETER_GUARDIAN_CONSENT_MISSING", "MPL Art. 76", name, "a marketer aged 16 or 17 needs a guardian's consent on record"));
            }
        }
    }

    private static GoLiveReason overdue(String operator, Instant due) {
        return reason("REVERIFICATION_OVERDUE", "Art. 8 ¶1", operator, "re-verification was due by " + due);
    }

    private static GoLiveReason reason(String code, String article, String subject, String description) {
        return GoLiveReason.newBuilder().setCode(code).setArticle(article).setSubject(subject).setDescription(description).build();
    }

    // ---- names ----

    private static Matcher match(Pattern pattern, String name, String field, String shape, Checks checks) {
        if (name == null || name.isEmpty()) {
            checks.add(field, field + " is required");
            return null;
        }
        Matcher matcher = name.length() <= 200 ? pattern.matcher(name) : null;
        if (matcher == null || !matcher.matches()) {
            checks.add(field, field + " must be " + shape);
            return null;
        }
        return matcher;
    }

    private static String group(Matcher matcher, int group) {
        return matcher == null ? null : matcher.group(group);
    }

    /** The RoomGradingService RPCs the fake implements; the others answer UNIMPLEMENTED. */
    private final class Endpoint extends RoomGradingServiceGrpc.RoomGradingServiceImplBase {

        @Override
        public void createRoom(CreateRoomRequest request, StreamObserver<Room> response) {
            context.answer(response, () -> FakeRoomGrading.this.createRoom(request));
        }

        @Override
        public void getRoom(GetRoomRequest request, StreamObserver<Room> response) {
            context.answer(response, () -> FakeRoomGrading.this.getRoom(request));
        }

        @Override
        public void listRooms(ListRoomsRequest request, StreamObserver<ListRoomsResponse> response) {
            context.answer(response, () -> FakeRoomGrading.this.listRooms(request));
        }

        @Override
        public void recordViolation(RecordViolationRequest request, StreamObserver<Violation> response) {
            context.answer(response, () -> FakeRoomGrading.this.recordViolation(request));
        }

        @Override
        public void getViolation(GetViolationRequest request, StreamObserver<Violation> response) {
            context.answer(response, () -> FakeRoomGrading.this.getViolation(request));
        }

        @Override
        public void listViolations(ListViolationsRequest request, StreamObserver<ListViolationsResponse> response) {
            context.answer(response, () -> FakeRoomGrading.this.listViolations(request));
        }

        @Override
        public void recordVerifiedComplaint(RecordVerifiedComplaintRequest request, StreamObserver<VerifiedComplaint> response) {
            context.answer(response, () -> FakeRoomGrading.this.recordVerifiedComplaint(request));
        }

        @Override
        public void checkGoLiveEligibility(CheckGoLiveEligibilityRequest request, StreamObserver<GoLiveDecision> response) {
            context.answer(response, () -> FakeRoomGrading.this.checkGoLiveEligibility(request));
        }
    }
}
