package org.livecomply.sdk.testing;

import com.google.protobuf.Duration;
import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.livecomply.api.consumer.v1.AcknowledgeComplaintRequest;
import org.livecomply.api.consumer.v1.Category;
import org.livecomply.api.consumer.v1.Channel;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintClock;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.ConsumerRightsServiceGrpc;
import org.livecomply.api.consumer.v1.CreateComplaintRequest;
import org.livecomply.api.consumer.v1.Delivery;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.LegalHoldState;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsResponse;
import org.livecomply.api.consumer.v1.ListComplaintsRequest;
import org.livecomply.api.consumer.v1.ListComplaintsResponse;
import org.livecomply.api.consumer.v1.PauseComplaintRequest;
import org.livecomply.api.consumer.v1.RejectComplaintRequest;
import org.livecomply.api.consumer.v1.Remedy;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.consumer.v1.RespondToComplaintRequest;
import org.livecomply.api.consumer.v1.ResumeComplaintRequest;
import org.livecomply.api.consumer.v1.WaitingOn;

/**
 * The consumer-rights-service fake: complaints filed by the platform (Art. 20) through the published process
 * (received → acknowledged → in progress → resolved / rejected, waits on the consumer or the merchant), with the
 * service's default deadlines (acknowledge 1, first response 3, resolve 7 PRC working days; waits on the consumer
 * pause the clocks) and its automatic abuse check at filing (more than 5 complaints of one complainant in 24 h,
 * another complaint about the order within 7 days). What the service sends other services through its outbox the
 * fake delivers to the other fakes right after each call: the legal hold on the order's archive records (placed
 * once the archive fake holds the order, released on closing) and, for a substantiated resolution, the verified
 * complaint to the room-grading fake (Art. 20 ¶3) against the complaint's room or the room the resolution names for a
 * complaint that names none (refused without a room, ROOM_NOT_NAMED, or with another room, ROOM_ALREADY_NAMED).
 * <p>
 * Faked RPCs: CreateComplaint, GetComplaint, ListComplaints, ListComplaintEvents, AcknowledgeComplaint,
 * RespondToComplaint, PauseComplaint, ResumeComplaint, ResolveComplaint, RejectComplaint. Not faked: escalation and
 * regulator clues, abuse flags set or cleared by a person, seller information, return eligibility, advance
 * compensation, settlements, remedy assessment, the Art. 23 hand-off, the policy, reports.
 */
public final class FakeConsumerRights {

    static final String DOMAIN = Refusals.domain("consumer");
    private static final String COLLECTION = "complaints/";
    private static final String SERVICE_ACTOR = "consumer-rights";
    private static final String ARTICLE = "Art. 20";
    private static final String VERIFIED_COMPLAINT_ARTICLE = "Art. 20 ¶3";
    private static final int NOTE_MAX = 2000;
    private static final int SUMMARY_MAX = 500;
    private static final int ACKNOWLEDGE_DAYS = 1;
    private static final int FIRST_RESPONSE_DAYS = 3;
    private static final int RESOLVE_DAYS = 7;
    private static final int REPEAT_LIMIT = 5;
    private static final java.time.Duration REPEAT_WINDOW = java.time.Duration.ofHours(24);
    private static final java.time.Duration DUPLICATE_WINDOW = java.time.Duration.ofDays(7);
    private static final String UUID_PATTERN = Checks.UUID;
    private static final Pattern NUMBER = Pattern.compile("C20[0-9]{6}-[34679ACDEFGHJKMNPQRTUVWXY]{6}");
    private static final char[] ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(Protos.CHINA);
    private static final Pattern ARCHIVE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern BUYER_REF = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern ROOM = Pattern.compile("rooms/" + UUID_PATTERN);
    private static final Pattern ROOM_OPERATOR = Pattern.compile("roomOperators/" + UUID_PATTERN);
    private static final Pattern MARKETER = Pattern.compile("marketers/" + UUID_PATTERN);
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");
    private static final Set<Complaint.State> OPEN = EnumSet.of(Complaint.State.STATE_RECEIVED, Complaint.State.STATE_ACKNOWLEDGED,
            Complaint.State.STATE_IN_PROGRESS, Complaint.State.STATE_WAITING);
    private static final Set<ComplaintEvent.Kind> ENDS = EnumSet.of(ComplaintEvent.Kind.KIND_RESOLVED, ComplaintEvent.Kind.KIND_REJECTED,
            ComplaintEvent.Kind.KIND_ESCALATED);

    /** A step of the published process: its timeline event and the states it may start from. */
    private enum Step {
        ACKNOWLEDGE(ComplaintEvent.Kind.KIND_ACKNOWLEDGED, EnumSet.of(Complaint.State.STATE_RECEIVED)),
        RESPOND(ComplaintEvent.Kind.KIND_RESPONDED, EnumSet.of(Complaint.State.STATE_RECEIVED, Complaint.State.STATE_ACKNOWLEDGED,
                Complaint.State.STATE_IN_PROGRESS)),
        PAUSE(ComplaintEvent.Kind.KIND_PAUSED, OPEN),
        RESUME(ComplaintEvent.Kind.KIND_RESUMED, EnumSet.of(Complaint.State.STATE_WAITING)),
        RESOLVE(ComplaintEvent.Kind.KIND_RESOLVED, OPEN),
        REJECT(ComplaintEvent.Kind.KIND_REJECTED, OPEN);

        final ComplaintEvent.Kind event;
        final Set<Complaint.State> from;

        Step(ComplaintEvent.Kind event, Set<Complaint.State> from) {
            this.event = event;
            this.from = from;
        }
    }

    private static final class Filed {
        final long seq;
        final String number;
        final Complaint input;
        final String complainant;
        final String statusToken;
        final Instant createTime;
        String room;
        Complaint.State state = Complaint.State.STATE_RECEIVED;
        Complaint.State resumeState;
        WaitingOn waitingOn;
        boolean abuseFlagged;
        String abuseReason = "";
        String resolution = "";
        boolean substantiated;
        String rejectionReason = "";
        LegalHoldState hold;
        String holdName = "";
        Delivery grading = Delivery.DELIVERY_UNSPECIFIED;
        Instant gradingVerifyTime;
        Instant updateTime;
        Instant closeTime;
        Instant nextDeadline;
        final List<ComplaintEvent> timeline = new ArrayList<>();

        Filed(long seq, String number, Complaint input, String complainant, String statusToken, Instant now) {
            this.seq = seq;
            this.number = number;
            this.input = input;
            this.complainant = complainant;
            this.statusToken = statusToken;
            this.createTime = now;
            this.updateTime = now;
            this.room = input.getRoom();
            this.hold = input.getOrderId().isEmpty() ? LegalHoldState.LEGAL_HOLD_STATE_UNSPECIFIED : LegalHoldState.LEGAL_HOLD_STATE_PLACING;
        }

        String name() {
            return COLLECTION + number;
        }
    }

    private final FakeContext context;
    private final FakeArchive archive;
    private final FakeRoomGrading grading;
    private final Idempotency idempotency = new Idempotency();
    private final PageTokens pageTokens = new PageTokens();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Filed> complaints = new LinkedHashMap<>();
    private long sequence;
    private long eventSequence;

    FakeConsumerRights(FakeContext context, FakeArchive archive, FakeRoomGrading grading) {
        this.context = context;
        this.archive = archive;
        this.grading = grading;
    }

    BindableService service() {
        return new Endpoint();
    }

    // ---- filing ----

    private Complaint createComplaint(CreateComplaintRequest request) {
        String path = "complaint.";
        Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
        checks.when(!request.hasComplaint(), "complaint", "complaint is required");
        Complaint complaint = request.getComplaint();
        checks.when(complaint.getRequestedRemedy() == Remedy.UNRECOGNIZED, path + "requested_remedy", path + "requested_remedy is not a known value");
        Category category = complaint.getCategory();
        if (category == Category.CATEGORY_UNSPECIFIED || category == Category.UNRECOGNIZED) {
            checks.add(path + "category", path + "category is required");
        } else if (category == Category.CATEGORY_AFTER_SALES_HANDOFF) {
            checks.add(path + "category", path + "category AFTER_SALES_HANDOFF is opened only by the Art. 23 hand-off");
        }
        checks.freeText(path + "description", complaint.getDescription(), 1, 2000);
        optional(checks, path + "order_id", complaint.getOrderId(), ARCHIVE_ID, "1..64 of [A-Za-z0-9_.:-]");
        optional(checks, path + "room", complaint.getRoom(), ROOM, "rooms/{uuid}");
        optional(checks, path + "room_operator", complaint.getRoomOperator(), ROOM_OPERATOR, "roomOperators/{uuid}");
        optional(checks, path + "marketer", complaint.getMarketer(), MARKETER, "marketers/{uuid}");
        optional(checks, path + "buyer_ref", complaint.getBuyerRef(), BUYER_REF, "1..128 of [A-Za-z0-9_.:-]");
        String contact = complaint.getContact();
        checks.when(!contact.isEmpty() && (contact.length() > 254 || !(PHONE.matcher(contact).matches() || EMAIL.matcher(contact).matches())),
                path + "contact", path + "contact must be a mainland mobile number (11 digits) or an e-mail address");
        checks.throwIfAny();
        Complaint filed = idempotency.once(DOMAIN, "CreateComplaint", request.getRequestId(), request, () -> file(complaint),
                Complaint::getNumber, number -> render(complaints.get(number), true));
        deliver();
        return filed;
    }

    private static void optional(Checks checks, String field, String value, Pattern pattern, String expectation) {
        checks.when(!value.isEmpty() && (value.length() > 300 || !pattern.matcher(value).matches()), field, field + " must be " + expectation);
    }

    private Complaint file(Complaint complaint) {
        Instant now = Protos.micros(context.now());
        String contact = complaint.getContact();
        Complaint input = Complaint.newBuilder().setChannel(Channel.CHANNEL_PLATFORM).setCategory(complaint.getCategory())
                .setDescription(complaint.getDescription()).setOrderId(complaint.getOrderId()).setRoom(complaint.getRoom())
                .setRoomOperator(complaint.getRoomOperator()).setMarketer(complaint.getMarketer()).setRequestedRemedy(complaint.getRequestedRemedy())
                .setContact(contact.isEmpty() ? "" : contact.contains("@") ? Protos.maskEmail(contact) : Protos.maskPhone(contact))
                .setBuyerRef(complaint.getBuyerRef()).build();
        Optional<String> abuse = abuseCheck(contact.toLowerCase(Locale.ROOT), complaint.getBuyerRef(), complaint.getOrderId(), now);
        String number;
        do {
            StringBuilder drawn = new StringBuilder("C").append(DAY.format(now)).append('-');
            for (int i = 0; i < 6; i++) {
                drawn.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            number = drawn.toString();
        } while (complaints.containsKey(number));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Filed filed = new Filed(++sequence, number, input, contact.toLowerCase(Locale.ROOT), Base64.getUrlEncoder().withoutPadding().encodeToString(secret), now);
        complaints.put(number, filed);
        record(filed, ComplaintEvent.Kind.KIND_FILED, CallGuard.subject(), null, "", now);
        if (abuse.isPresent()) {
            // Flag only: the complaint stays received with its clocks running until a person decides.
            filed.abuseFlagged = true;
            filed.abuseReason = abuse.get();
            record(filed, ComplaintEvent.Kind.KIND_ABUSE_FLAGGED, SERVICE_ACTOR, null, abuse.get(), now);
        }
        filed.nextDeadline = nextDeadline(filed, now);
        return render(filed, true);
    }

    /** Art. 20 ¶1: the published automatic check, before the new complaint counts itself. */
    private Optional<String> abuseCheck(String complainant, String buyerRef, String orderId, Instant now) {
        List<String> reasons = new ArrayList<>();
        List<String> repeats = complaints.values().stream()
                .filter(c -> (!complainant.isEmpty() && c.complainant.equals(complainant)) || (!buyerRef.isEmpty() && c.input.getBuyerRef().equals(buyerRef)))
                .filter(c -> c.createTime.isAfter(now.minus(REPEAT_WINDOW)) && !c.createTime.isAfter(now)).map(c -> c.number).toList();
        if (repeats.size() >= REPEAT_LIMIT) {
            reasons.add("this is the complainant's complaint number " + (repeats.size() + 1) + " in 24 h, more than the published limit of "
                    + REPEAT_LIMIT + " (earlier: " + shown(repeats) + ")");
        }
        List<String> duplicates = orderId.isEmpty() ? List.of() : complaints.values().stream()
                .filter(c -> c.input.getOrderId().equals(orderId))
                .filter(c -> c.createTime.isAfter(now.minus(DUPLICATE_WINDOW)) && !c.createTime.isAfter(now)).map(c -> c.number).toList();
        if (!duplicates.isEmpty()) {
            reasons.add("another complaint about the same order was filed within 7 d before it (earlier: " + shown(duplicates) + ")");
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of("Automatic check (Art. 20 ¶1), for a person to review: " + String.join("; ", reasons) + ".");
    }

    private static String shown(List<String> numbers) {
        return numbers.size() <= 10 ? String.join(", ", numbers) : String.join(", ", numbers.subList(0, 10)) + " and " + (numbers.size() - 10) + " more";
    }

    // ---- reading ----

    private Complaint render(Filed filed, boolean withToken) {
        Instant now = context.now();
        Complaint.Builder proto = filed.input.toBuilder().setName(filed.name()).setNumber(filed.number).setRoom(filed.room).setState(filed.state)
                .setAbuseFlagged(filed.abuseFlagged).setAbuseReason(filed.abuseReason).setResolution(filed.resolution)
                .setSubstantiated(filed.substantiated).setRejectionReason(filed.rejectionReason).setLegalHold(filed.hold)
                .setLegalHoldName(filed.holdName).setGradingSignal(filed.grading).setCreateTime(Protos.timestamp(filed.createTime))
                .setUpdateTime(Protos.timestamp(filed.updateTime)).addAllClocks(clocks(filed, now));
        if (filed.waitingOn != null) {
            proto.setWaitingOn(filed.waitingOn);
        }
        if (filed.closeTime != null) {
            proto.setCloseTime(Protos.timestamp(filed.closeTime));
        }
        if (withToken) {
            proto.setStatusToken(filed.statusToken);
        }
        return proto.build();
    }

    private Filed filed(String number) {
        Filed found = complaints.get(number);
        if (found == null) {
            throw Refusals.notFound(DOMAIN, "COMPLAINT_NOT_FOUND", COLLECTION + number);
        }
        return found;
    }

    private String number(String name, String field, Checks checks) {
        if (name == null || name.isEmpty()) {
            checks.add(field, field + " is required");
            return null;
        }
        String number = name.startsWith(COLLECTION) ? name.substring(COLLECTION.length()) : "";
        if (name.length() > 100 || !NUMBER.matcher(number).matches()) {
            checks.add(field, field + " must be complaints/{number}, e.g. complaints/C20261129-7KQ4XP");
            return null;
        }
        return number;
    }

    private Complaint getComplaint(GetComplaintRequest request) {
        Checks checks = new Checks(DOMAIN);
        String number = number(request.getName(), "name", checks);
        checks.throwIfAny();
        return render(filed(number), false);
    }

    private ListComplaintsResponse listComplaints(ListComplaintsRequest request) {
        Checks checks = new Checks(DOMAIN).checkPageSize(request.getPageSize());
        checks.when(request.getState() == Complaint.State.UNRECOGNIZED, "state", "state is not a known value")
                .when(request.getChannel() == Channel.UNRECOGNIZED, "channel", "channel is not a known value");
        optional(checks, "order_id", request.getOrderId(), ARCHIVE_ID, "1..64 of [A-Za-z0-9_.:-]");
        checks.throwIfAny();
        Instant now = context.now();
        List<Filed> matching = complaints.values().stream()
                .filter(c -> request.getState() == Complaint.State.STATE_UNSPECIFIED || c.state == request.getState())
                .filter(c -> request.getChannel() == Channel.CHANNEL_UNSPECIFIED || c.input.getChannel() == request.getChannel())
                .filter(c -> request.getOrderId().isEmpty() || c.input.getOrderId().equals(request.getOrderId()))
                .filter(c -> !request.getOverdueOnly() || (c.nextDeadline != null && !c.nextDeadline.isAfter(now))).toList();
        String query = "ListComplaints?state=" + request.getState() + "&channel=" + request.getChannel() + "&order=" + request.getOrderId()
                + "&overdue=" + request.getOverdueOnly();
        PageTokens.Page<Filed> page = pageTokens.page(DOMAIN, query, matching, c -> c.seq, false, Checks.pageSize(request.getPageSize()),
                request.getPageToken());
        return ListComplaintsResponse.newBuilder().addAllComplaints(page.items().stream().map(c -> render(c, false)).toList())
                .setNextPageToken(page.nextPageToken()).build();
    }

    private ListComplaintEventsResponse listComplaintEvents(ListComplaintEventsRequest request) {
        Checks checks = new Checks(DOMAIN).checkPageSize(request.getPageSize());
        String number = number(request.getParent(), "parent", checks);
        checks.throwIfAny();
        Filed filed = filed(number);
        PageTokens.Page<ComplaintEvent> page = pageTokens.page(DOMAIN, "ListComplaintEvents?parent=" + number, filed.timeline,
                e -> Long.parseLong(e.getName().substring(e.getName().lastIndexOf('/') + 1)), false, Checks.pageSize(request.getPageSize()),
                request.getPageToken());
        return ListComplaintEventsResponse.newBuilder().addAllEvents(page.items()).setNextPageToken(page.nextPageToken()).build();
    }

    // ---- the process (Art. 20) ----

    private Complaint step(String operation, String requestId, com.google.protobuf.Message request, String name, Step step, WaitingOn waitingOn,
                           String note, Checks checks) {
        String number = number(name, "name", checks);
        checks.throwIfAny();
        Complaint result = idempotency.once(DOMAIN, operation, requestId, request, () -> {
            Filed filed = filed(number);
            if (step == Step.RESOLVE) {
                ResolveComplaintRequest resolve = (ResolveComplaintRequest) request;
                // The process's refusal comes first: a closed complaint takes no room either.
                allow(filed, step);
                String room = roomAtResolution(filed, resolve.getRoom(), resolve.getSubstantiated());
                if (filed.room.isEmpty() && !room.isEmpty()) {
                    filed.room = room;
                    filed.updateTime = Protos.micros(context.now());
                    record(filed, ComplaintEvent.Kind.KIND_ROOM_LINKED, CallGuard.subject(), null, room, filed.updateTime);
                }
            }
            Instant now = apply(filed, step, waitingOn, note);
            if (step == Step.RESOLVE) {
                filed.resolution = note;
                filed.substantiated = ((ResolveComplaintRequest) request).getSubstantiated();
                if (filed.substantiated) {
                    filed.grading = Delivery.DELIVERY_PENDING;
                    filed.gradingVerifyTime = now;
                }
            } else if (step == Step.REJECT) {
                filed.rejectionReason = note;
            }
            return render(filed, false);
        }, Complaint::getName, ignored -> render(filed(number), false));
        deliver();
        return result;
    }

    /** Art. 20 ¶3: the room a verified complaint counts against; a room once named is never replaced by another. */
    private static String roomAtResolution(Filed filed, String given, boolean substantiated) {
        if (!filed.room.isEmpty() && !given.isEmpty() && !filed.room.equals(given)) {
            throw Refusals.precondition(DOMAIN, new Refusals.Rule("ROOM_ALREADY_NAMED", VERIFIED_COMPLAINT_ARTICLE, filed.name(),
                    "the complaint already names " + filed.room + ", not " + given + "; its room is not replaced"));
        }
        String room = filed.room.isEmpty() ? given : filed.room;
        if (substantiated && room.isEmpty()) {
            throw Refusals.precondition(DOMAIN, new Refusals.Rule("ROOM_NOT_NAMED", VERIFIED_COMPLAINT_ARTICLE, filed.name(),
                    "a substantiated complaint is a verified complaint that counts against its room; the complaint names no room:"
                            + " give room (rooms/{room})"));
        }
        return room;
    }

    /** FAILED_PRECONDITION unless the published process allows {@code step} from the complaint's state. */
    private static void allow(Filed filed, Step step) {
        if (!step.from.contains(filed.state)) {
            boolean terminal = !OPEN.contains(filed.state);
            throw Refusals.precondition(DOMAIN, terminal
                    ? new Refusals.Rule("COMPLAINT_CLOSED", ARTICLE, filed.name(), "the complaint is " + lower(filed.state) + " and takes no further step")
                    : new Refusals.Rule("COMPLAINT_STEP_NOT_ALLOWED", ARTICLE, filed.name(),
                    "a complaint that is " + lower(filed.state) + " cannot be " + lower(step.event)));
        }
    }

    private Instant apply(Filed filed, Step step, WaitingOn waitingOn, String note) {
        Instant now = Protos.micros(context.now());
        allow(filed, step);
        Complaint.State next;
        Complaint.State resume = null;
        switch (step) {
            case ACKNOWLEDGE -> next = Complaint.State.STATE_ACKNOWLEDGED;
            case RESPOND -> next = Complaint.State.STATE_IN_PROGRESS;
            // A wait on the other party while waiting keeps the step the first wait paused.
            case PAUSE -> {
                next = Complaint.State.STATE_WAITING;
                resume = filed.state == Complaint.State.STATE_WAITING ? filed.resumeState : filed.state;
            }
            case RESUME -> next = filed.resumeState;
            case RESOLVE -> next = Complaint.State.STATE_RESOLVED;
            default -> next = Complaint.State.STATE_REJECTED;
        }
        WaitingOn waiting = next == Complaint.State.STATE_WAITING ? waitingOn : null;
        filed.state = next;
        filed.resumeState = resume;
        filed.waitingOn = waiting;
        record(filed, step.event, CallGuard.subject(), waiting, note, now);
        filed.nextDeadline = nextDeadline(filed, now);
        filed.updateTime = now;
        boolean closed = next == Complaint.State.STATE_RESOLVED || next == Complaint.State.STATE_REJECTED;
        if (closed) {
            filed.closeTime = now;
            if (filed.hold == LegalHoldState.LEGAL_HOLD_STATE_PLACING || filed.hold == LegalHoldState.LEGAL_HOLD_STATE_ACTIVE) {
                filed.hold = LegalHoldState.LEGAL_HOLD_STATE_RELEASING;
            }
        }
        return now;
    }

    private static String lower(Enum<?> value) {
        String name = value.name();
        return name.substring(name.indexOf('_') + 1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void record(Filed filed, ComplaintEvent.Kind kind, String actor, WaitingOn waitingOn, String note, Instant at) {
        ComplaintEvent.Builder event = ComplaintEvent.newBuilder().setName(filed.name() + "/events/" + (++eventSequence)).setKind(kind)
                .setActor(actor).setOccurTime(Protos.timestamp(at)).setState(filed.state).setNote(note == null ? "" : note);
        if (waitingOn != null) {
            event.setWaitingOn(waitingOn);
        }
        filed.timeline.add(event.build());
    }

    /**
     * What the service's outbox delivers, done right after the call: the legal hold once the archive holds the
     * order (released after closing), and a substantiated complaint's signal to room-grading.
     */
    private void deliver() {
        for (Filed filed : complaints.values()) {
            boolean placing = filed.hold == LegalHoldState.LEGAL_HOLD_STATE_PLACING
                    || (filed.hold == LegalHoldState.LEGAL_HOLD_STATE_RELEASING && filed.holdName.isEmpty());
            if (placing && archive.knowsOrder(filed.input.getOrderId())) {
                filed.holdName = "legalHolds/" + UUID.randomUUID();
                if (filed.hold == LegalHoldState.LEGAL_HOLD_STATE_PLACING) {
                    filed.hold = LegalHoldState.LEGAL_HOLD_STATE_ACTIVE;
                }
                note(filed, ComplaintEvent.Kind.KIND_LEGAL_HOLD_PLACED, filed.holdName);
            }
            if (filed.hold == LegalHoldState.LEGAL_HOLD_STATE_RELEASING && !filed.holdName.isEmpty()) {
                filed.hold = LegalHoldState.LEGAL_HOLD_STATE_RELEASED;
                note(filed, ComplaintEvent.Kind.KIND_LEGAL_HOLD_RELEASED, filed.holdName);
            }
            if (filed.grading == Delivery.DELIVERY_PENDING) {
                signal(filed);
            }
        }
    }

    private void signal(Filed filed) {
        String summary = filed.input.getCategory().name().substring("CATEGORY_".length()) + ": " + filed.resolution;
        if (summary.codePointCount(0, summary.length()) > SUMMARY_MAX) {
            summary = summary.substring(0, summary.offsetByCodePoints(0, SUMMARY_MAX - 1)) + "…";
        }
        try {
            String recorded = grading.record(filed.room.substring("rooms/".length()), filed.number, summary, filed.gradingVerifyTime).getName();
            filed.grading = Delivery.DELIVERY_DONE;
            note(filed, ComplaintEvent.Kind.KIND_GRADING_SIGNAL_DELIVERED, recorded);
        } catch (StatusRuntimeException refused) {
            // room-grading refused for good (an unknown room, other content under the number): a person must look at it.
            Status status = refused.getStatus();
            filed.grading = Delivery.DELIVERY_FAILED;
            note(filed, ComplaintEvent.Kind.KIND_DELIVERY_FAILED, "room-grading verified complaint: " + status.getCode() + ": " + status.getDescription());
        }
    }

    private void note(Filed filed, ComplaintEvent.Kind kind, String note) {
        record(filed, kind, SERVICE_ACTOR, null, note, Protos.micros(context.now()));
    }

    // ---- clocks: the published deadlines on the PRC working-day calendar ----

    private enum ClockKind { ACKNOWLEDGE, FIRST_RESPONSE, RESOLVE }

    private List<ComplaintClock> clocks(Filed filed, Instant now) {
        Instant filedAt = filed.createTime;
        Map<ClockKind, Instant> stops = stops(filed.timeline);
        List<ComplaintClock> readings = new ArrayList<>();
        for (ClockKind kind : ClockKind.values()) {
            Instant stop = stops.get(kind);
            Instant horizon = stop != null ? stop : now;
            List<WorkingDays.Interval> pauses = pauses(filed.timeline, horizon);
            int days = days(kind);
            Instant deadline = context.workingDays.deadline(filedAt, days, pauses);
            java.time.Duration paused = context.workingDays.pausedWorkingTime(filedAt, pauses);
            ComplaintClock.State state;
            if (stop != null) {
                state = stop.isBefore(deadline) ? ComplaintClock.State.STATE_MET : ComplaintClock.State.STATE_MISSED;
            } else if (!now.isBefore(deadline)) {
                state = ComplaintClock.State.STATE_OVERDUE;
            } else if (pausedAt(filed.timeline, now)) {
                state = ComplaintClock.State.STATE_PAUSED;
            } else {
                state = ComplaintClock.State.STATE_RUNNING;
            }
            ComplaintClock.Builder clock = ComplaintClock.newBuilder().setKind(ComplaintClock.Kind.valueOf("KIND_" + kind.name()))
                    .setWorkingDays(days).setDeadlineTime(Protos.timestamp(deadline)).setState(state)
                    .setPausedWorkingTime(Duration.newBuilder().setSeconds(paused.getSeconds()).setNanos(paused.getNano()));
            if (stop != null) {
                clock.setStopTime(Protos.timestamp(stop));
            }
            readings.add(clock.build());
        }
        return readings;
    }

    /** The earliest deadline of a clock that runs at {@code at}, fixed until the next step; null when none runs. */
    private Instant nextDeadline(Filed filed, Instant at) {
        Instant next = null;
        for (ComplaintClock clock : clocks(filed, at)) {
            boolean counts = clock.getState() == ComplaintClock.State.STATE_RUNNING || clock.getState() == ComplaintClock.State.STATE_OVERDUE;
            Instant deadline = Protos.instant(clock.getDeadlineTime());
            if (counts && (next == null || deadline.isBefore(next))) {
                next = deadline;
            }
        }
        return next;
    }

    private static int days(ClockKind kind) {
        return switch (kind) {
            case ACKNOWLEDGE -> ACKNOWLEDGE_DAYS;
            case FIRST_RESPONSE -> FIRST_RESPONSE_DAYS;
            case RESOLVE -> RESOLVE_DAYS;
        };
    }

    private static Map<ClockKind, Instant> stops(List<ComplaintEvent> timeline) {
        Map<ClockKind, Instant> stops = new EnumMap<>(ClockKind.class);
        for (ComplaintEvent event : timeline) {
            Instant at = Protos.instant(event.getOccurTime());
            boolean end = ENDS.contains(event.getKind());
            if (end || event.getKind() == ComplaintEvent.Kind.KIND_ACKNOWLEDGED || event.getKind() == ComplaintEvent.Kind.KIND_RESPONDED) {
                stops.putIfAbsent(ClockKind.ACKNOWLEDGE, at);
            }
            if (end || event.getKind() == ComplaintEvent.Kind.KIND_RESPONDED) {
                stops.putIfAbsent(ClockKind.FIRST_RESPONSE, at);
            }
            if (end) {
                stops.putIfAbsent(ClockKind.RESOLVE, at);
            }
        }
        return stops;
    }

    /** Waits on the consumer pause the clocks (waits on the merchant do not, the service's default). */
    private static boolean pauses(WaitingOn waitingOn) {
        return waitingOn == WaitingOn.WAITING_ON_CONSUMER;
    }

    private static List<WorkingDays.Interval> pauses(List<ComplaintEvent> timeline, Instant horizon) {
        List<WorkingDays.Interval> pauses = new ArrayList<>();
        Instant openSince = null;
        for (ComplaintEvent event : timeline) {
            Instant at = Protos.instant(event.getOccurTime());
            if (!at.isBefore(horizon)) {
                break;
            }
            ComplaintEvent.Kind kind = event.getKind();
            boolean closesWait = kind == ComplaintEvent.Kind.KIND_PAUSED || kind == ComplaintEvent.Kind.KIND_RESUMED || ENDS.contains(kind);
            if (closesWait && openSince != null) {
                pauses.add(new WorkingDays.Interval(openSince, at));
                openSince = null;
            }
            if (kind == ComplaintEvent.Kind.KIND_PAUSED && pauses(event.getWaitingOn())) {
                openSince = at;
            }
        }
        if (openSince != null) {
            pauses.add(new WorkingDays.Interval(openSince, horizon));
        }
        return pauses;
    }

    private static boolean pausedAt(List<ComplaintEvent> timeline, Instant now) {
        WaitingOn waiting = null;
        for (ComplaintEvent event : timeline) {
            if (Protos.instant(event.getOccurTime()).isAfter(now)) {
                break;
            }
            if (event.getKind() == ComplaintEvent.Kind.KIND_PAUSED) {
                waiting = event.getWaitingOn();
            } else if (event.getKind() == ComplaintEvent.Kind.KIND_RESUMED || ENDS.contains(event.getKind())) {
                waiting = null;
            }
        }
        return waiting != null && pauses(waiting);
    }

    /** The ConsumerRightsService RPCs the fake implements; the others answer UNIMPLEMENTED. */
    private final class Endpoint extends ConsumerRightsServiceGrpc.ConsumerRightsServiceImplBase {

        @Override
        public void createComplaint(CreateComplaintRequest request, StreamObserver<Complaint> response) {
            context.answer(response, () -> FakeConsumerRights.this.createComplaint(request));
        }

        @Override
        public void getComplaint(GetComplaintRequest request, StreamObserver<Complaint> response) {
            context.answer(response, () -> FakeConsumerRights.this.getComplaint(request));
        }

        @Override
        public void listComplaints(ListComplaintsRequest request, StreamObserver<ListComplaintsResponse> response) {
            context.answer(response, () -> FakeConsumerRights.this.listComplaints(request));
        }

        @Override
        public void listComplaintEvents(ListComplaintEventsRequest request, StreamObserver<ListComplaintEventsResponse> response) {
            context.answer(response, () -> FakeConsumerRights.this.listComplaintEvents(request));
        }

        @Override
        public void acknowledgeComplaint(AcknowledgeComplaintRequest request, StreamObserver<Complaint> response) {
            context.answer(response, () -> stepWithNote("AcknowledgeComplaint", request.getRequestId(), request, request.getName(), Step.ACKNOWLEDGE,
                    null, request.getNote(), 0, Checks.withRequestId(DOMAIN, request.getRequestId())));
        }

        @Override
        public void respondToComplaint(RespondToComplaintRequest request, StreamObserver<Complaint> response) {
            context.answer(response, () -> stepWithNote("RespondToComplaint", request.getRequestId(), request, request.getName(), Step.RESPOND, null,
                    request.getNote(), 1, Checks.withRequestId(DOMAIN, request.getRequestId())));
        }

        @Override
        public void pauseComplaint(PauseComplaintRequest request, StreamObserver<Complaint> response) {
            context.answer(response, () -> {
                Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
                String number = number(request.getName(), "name", checks);
                boolean known = request.getWaitingOn() == WaitingOn.WAITING_ON_CONSUMER || request.getWaitingOn() == WaitingOn.WAITING_ON_MERCHANT;
                checks.when(!known, "waiting_on", "waiting_on must be WAITING_ON_CONSUMER or WAITING_ON_MERCHANT")
                        .freeText("note", request.getNote(), 1, NOTE_MAX);
                checks.throwIfAny();
                return step("PauseComplaint", request.getRequestId(), request, COLLECTION + number, Step.PAUSE, request.getWaitingOn(),
                        request.getNote(), new Checks(DOMAIN));
            });
        }

        @Override
        public void resumeComplaint(ResumeComplaintRequest request, StreamObserver<Complaint> response) {
            context.answer(response, () -> stepWithNote("ResumeComplaint", request.getRequestId(), request, request.getName(), Step.RESUME, null,
                    request.getNote(), 0, Checks.withRequestId(DOMAIN, request.getRequestId())));
        }

        @Override
        public void resolveComplaint(ResolveComplaintRequest request, StreamObserver<Complaint> response) {
            context.answer(response, () -> {
                Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
                String number = number(request.getName(), "name", checks);
                checks.freeText("resolution", request.getResolution(), 1, NOTE_MAX);
                optional(checks, "room", request.getRoom(), ROOM, "rooms/{uuid}");
                checks.throwIfAny();
                return step("ResolveComplaint", request.getRequestId(), request, COLLECTION + number, Step.RESOLVE, null, request.getResolution(),
                        new Checks(DOMAIN));
            });
        }

        @Override
        public void rejectComplaint(RejectComplaintRequest request, StreamObserver<Complaint> response) {
            context.answer(response, () -> {
                Checks checks = Checks.withRequestId(DOMAIN, request.getRequestId());
                String number = number(request.getName(), "name", checks);
                checks.freeText("reason", request.getReason(), 1, NOTE_MAX).throwIfAny();
                return step("RejectComplaint", request.getRequestId(), request, COLLECTION + number, Step.REJECT, null, request.getReason(),
                        new Checks(DOMAIN));
            });
        }

        /** A step whose only input besides the name is a note of {@code minNote..2000} characters. */
        private Complaint stepWithNote(String operation, String requestId, com.google.protobuf.Message request, String name, Step step,
                                       WaitingOn waitingOn, String note, int minNote, Checks checks) {
            String number = number(name, "name", checks);
            checks.freeText("note", note, minNote, NOTE_MAX).throwIfAny();
            return step(operation, requestId, request, COLLECTION + number, step, waitingOn, note, new Checks(DOMAIN));
        }
    }
}
