package org.livecomply.devrun.demo;

import static org.livecomply.devrun.demo.DemoFailure.expect;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.StatusRuntimeException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.livecomply.api.archive.v1.Checkpoint;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.consumer.v1.Category;
import org.livecomply.api.consumer.v1.Channel;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.CreateComplaintRequest;
import org.livecomply.api.consumer.v1.Remedy;
import org.livecomply.api.consumer.v1.RequestSellerInformationRequest;
import org.livecomply.api.consumer.v1.SellerInformationDisclosure;
import org.livecomply.api.grading.v1.Appeal;
import org.livecomply.api.grading.v1.CheckGoLiveEligibilityRequest;
import org.livecomply.api.grading.v1.Condition;
import org.livecomply.api.grading.v1.CreateDisposalRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.DecideAppealRequest;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.DisposalProposal;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.FileAppealRequest;
import org.livecomply.api.grading.v1.FiredRule;
import org.livecomply.api.grading.v1.GetDisposalRequest;
import org.livecomply.api.grading.v1.GetGradingRulesetRequest;
import org.livecomply.api.grading.v1.GetRoomRequest;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.Grade;
import org.livecomply.api.grading.v1.GradeLevel;
import org.livecomply.api.grading.v1.GradeRule;
import org.livecomply.api.grading.v1.GradingRuleset;
import org.livecomply.api.grading.v1.ListGradesRequest;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.Metric;
import org.livecomply.api.grading.v1.ProposeDisposalRequest;
import org.livecomply.api.grading.v1.RecordViolationRequest;
import org.livecomply.api.grading.v1.RedLine;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.grading.v1.ViolationSource;
import org.livecomply.api.identity.v1.AdministrativeLicence;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetMarketerRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.GuardianConsent;
import org.livecomply.api.identity.v1.ListReportExportsRequest;
import org.livecomply.api.identity.v1.LiveAccount;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RecordGuardianConsentRequest;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.ReportExport;
import org.livecomply.api.identity.v1.ReportHalf;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SessionRoster;
import org.livecomply.api.identity.v1.SubmitSessionRosterRequest;
import org.livecomply.api.identity.v1.Verification;
import org.livecomply.api.training.v1.Course;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.TrainingRecord;
import org.livecomply.api.training.v1.TrainingStatus;
import org.livecomply.api.type.v1.Contact;
import org.livecomply.api.type.v1.PostalAddress;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.archive.EvidenceVerifier;
import org.livecomply.sdk.archive.ProofException;
import org.livecomply.sdk.archive.SignedCheckpoint;

/**
 * A realistic scenario played through the Java SDK against a running suite (the dev run, or e2e's five
 * processes), printing each step with its ids and outcomes. Every outcome is checked: the first one that is
 * not what the scenario expects stops it with a {@link DemoFailure} naming the step.
 *
 * <p>A food live room's operator and three marketers (one aged 17, with her guardian's consent) are registered
 * and verified; two are trained; the go-live gate lets the trained pair on the air and keeps the untrained
 * newcomer off it; a past session's orders are streamed into the archive; customer service forwards
 * complaints that are verified; a consumer complains on the public HTTP endpoint, gets the seller's
 * information with archive proofs the SDK verifies, the complaint is verified and the room's grade goes up;
 * a disposal is decided and appealed; identity's Art. 9 report of the last half year is exported.
 */
public final class DemoScenario {

    /** What the demo's token must carry. */
    public static final List<String> SCOPES = List.of("identity.read", "identity.write", "identity.verify", "reports.export",
            "training.read", "training.write", "training.admin",
            "grading.read", "grading.write", "grading.decide", "grading.gate",
            "archive.append", "archive.read",
            "consumer.read", "consumer.manage", "consumer.disclose");
    static final int ORDERS = 750;
    private static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";

    private final LiveComplyClient client;
    private final PublicComplaintApi consumers;
    private final CustomerServiceDesk desk;
    private final Path reportFolder;
    private final Narrator say;
    private final FreshIdentities fresh = new FreshIdentities();
    private final String run = fresh.runId();
    private final LocalDate today = LocalDate.now(Timestamps.CHINA);
    private final Map<String, String> people = new LinkedHashMap<>();

    private String uscc;
    private RoomOperator operator;
    private Marketer host;
    private Marketer minor;
    private Marketer newcomer;
    private String hostIdNumber;
    private Room room;
    private GradeLevel initialLevel;
    private GoLiveDecision allowed;
    private GoLiveDecision denied;
    private OrderStream orders;
    private Map<String, Long> leaves;
    private String verifierKey;
    private long treeSize;
    private GradeRule complaintRule;
    private PublicComplaintApi.Filed filed;
    private String complainedOrder;
    private SellerInformationDisclosure disclosure;
    private SignedCheckpoint provenCheckpoint;
    private Grade gradeAfter;
    private Disposal disposal;
    private Appeal appeal;
    private RegulatorReportDownload.Report report;

    /**
     * @param client           every service's address and a token with {@link #SCOPES}
     * @param consumerHttpBase consumer-rights' HTTP base URL, e.g. {@code http://127.0.0.1:8085}
     * @param reportFolder     where the exported report files go (a sub-folder per run)
     */
    public DemoScenario(LiveComplyClient client, String consumerHttpBase, Path reportFolder, PrintStream out) {
        this.client = client;
        this.consumers = new PublicComplaintApi(consumerHttpBase);
        this.desk = new CustomerServiceDesk(client);
        this.reportFolder = reportFolder.toAbsolutePath().resolve("run-" + run);
        this.say = new Narrator(out);
    }

    /** Plays every step; the outcomes, or a {@link DemoFailure} at the first unexpected one. */
    public DemoResult run() {
        Instant start = Instant.now();
        say.text("LiveComply demo, run %s (%s China time): every step through the Java SDK, the consumer's complaint over HTTP.",
                run, Timestamps.shown(Timestamps.of(start)));
        step("Training catalogue for marketers (Art. 10 ¶1)", this::catalogue);
        step("Room operator registered and verified (Art. 8 ¶1)", this::roomOperator);
        step("Marketers registered and verified, one aged 17 with her guardian's consent (Art. 8 ¶2, ¶3; MPL Art. 76)", this::marketers);
        step("Training: two marketers trained, the newcomer not yet (Art. 10 ¶1)", this::training);
        step("Live room registered for graded management (Art. 11)", this::room);
        step("Go-live gate for tonight's session: the trained pair (Arts. 8, 10, 12, 28)", this::gateAllowed);
        step("Go-live gate for tomorrow's session: with the untrained newcomer", this::gateDenied);
        step("A past session's orders streamed into the transaction archive (Art. 16)", this::streamOrders);
        step("Customer service forwards complaints; they are verified (Art. 20 ¶3)", this::forwardedComplaints);
        step("A consumer files a complaint on the public HTTP endpoint (Art. 20; ECL Art. 59)", this::publicComplaint);
        step("Seller information with archive proofs, verified by the SDK (Art. 18; CRPL Art. 44; ECL Art. 62)", this::sellerInformation);
        step("The consumer's complaint is verified", this::verifyComplaint);
        step("The room's grade changes (Arts. 11, 20 ¶3)", this::gradeChange);
        step("A disposal is decided and appealed (Arts. 12, 14)", this::disposalAndAppeal);
        step("Identity's Art. 9 report of the last half year (the January/July report)", this::regulatorReport);
        say.text("%nDemo complete: %d steps in %.1f s. Report files in %s", say.steps(),
                Duration.between(start, Instant.now()).toMillis() / 1000.0, report.folder());
        return new DemoResult(run, operator.getName(), room.getName(), List.of(host.getName(), minor.getName(), newcomer.getName()),
                allowed, denied, orders.events(), treeSize, "complaints/" + filed.number(),
                disclosure, provenCheckpoint.treeSize(), initialLevel, gradeAfter, disposal, appeal, report.folder(), report.recordCounts());
    }

    private void step(String title, Runnable body) {
        say.step(title);
        try {
            body.run();
        } catch (DemoFailure e) {
            throw new DemoFailure(say.where() + ": " + e.getMessage(), e);
        } catch (StatusRuntimeException e) {
            throw new DemoFailure(say.where() + ": a call failed: " + CallErrors.describe(e), e);
        } catch (RuntimeException e) {
            throw new DemoFailure(say.where() + ": " + e, e);
        }
    }

    private void catalogue() {
        for (Course course : new TrainingCatalogue(client, today).ensureDemoCourses()) {
            expect(course.getState() == Course.State.STATE_PUBLISHED, course.getName() + " is not published: " + course.getState());
            say.line("%s  %s, %s, at least %d min, pass %d: published %s", course.getName(), course.getKind(),
                    course.getTopicsList().stream().map(Enum::name).map(t -> t.substring("TOPIC_".length())).collect(Collectors.joining(" + ")),
                    course.getMinimumDuration().getSeconds() / 60, course.getPassScore(), Timestamps.day(course.getPublishTime()));
        }
    }

    private void roomOperator() {
        uscc = fresh.uscc();
        String account = "xianwei-" + run;
        RoomOperator created = client.identity().createRoomOperator(CreateRoomOperatorRequest.newBuilder().setRoomOperator(RoomOperator.newBuilder()
                .setKind(RoomOperator.Kind.KIND_REGISTERED_ENTITY).setLegalName("杭州鲜味优选电子商务有限公司").setUscc(uscc)
                .setBusinessAddress(address("文三路 100 号 鲜味大厦 8 楼"))
                .setContact(Contact.newBuilder().setPhone(fresh.mobile()).setEmail("compliance@xianwei.example.cn"))
                .addLicences(AdministrativeLicence.newBuilder().setKind("食品经营许可证").setNumber("JY133010600" + uscc.substring(10, 16))
                        .setIssuer("杭州市西湖区市场监督管理局"))
                .addLiveAccounts(LiveAccount.newBuilder().setAccountId(account).setDisplayName("鲜味优选直播间"))).build());
        expect(created.getState() == RoomOperator.State.STATE_PENDING_VERIFICATION, "a new operator should await verification: " + created.getState());
        say.line("%s  %s, USCC %s, live account %s → %s", created.getName(), created.getLegalName(), uscc, account, created.getState());
        Verification check = verify(created.getName(), Verification.Method.METHOD_BUSINESS_LICENCE_CHECK, "gsxt");
        operator = client.identity().getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(created.getName()).build());
        expect(operator.getState() == RoomOperator.State.STATE_VERIFIED, "after a passed check the operator should be verified: " + operator.getState());
        say.line("%s passed (%s) → %s; re-verification due by %s (Art. 8 ¶1: at least every 6 months)", check.getName(),
                check.getMethod(), operator.getState(), Timestamps.day(operator.getReverificationDueTime()));
        say.line("contact as shown without the PII scope: %s", operator.getContact().getPhone());
    }

    private void marketers() {
        hostIdNumber = fresh.idNumber(fresh.birthBetween(LocalDate.of(1992, 1, 1), 1500));
        host = marketer("林晓", hostIdNumber, "带货主播");
        LocalDate minorBirth = fresh.birthBetween(today.minusYears(17).minusDays(310), 300);
        minor = marketer("陈小雨", fresh.idNumber(minorBirth), "助播");
        String consentDocument = HexFormat.of().formatHex(OrderStream.sha256("监护人同意书 " + minor.getName()).toByteArray());
        minor = client.identity().recordGuardianConsent(RecordGuardianConsentRequest.newBuilder().setMarketer(minor.getName())
                .setGuardianConsent(GuardianConsent.newBuilder().setGuardianName("陈建国")
                        .setGuardianIdNumber(fresh.idNumber(fresh.birthBetween(LocalDate.of(1972, 1, 1), 3000))).setRelationship("父亲")
                        .setConsentDocumentSha256(consentDocument).setConsentTime(Timestamps.of(Instant.now().minus(Duration.ofDays(2)))))
                .build());
        expect(minor.hasGuardianConsent(), "the guardian's consent should be on record");
        newcomer = marketer("王强", fresh.idNumber(fresh.birthBetween(LocalDate.of(1988, 1, 1), 2000)), "新人主播");
        for (Marketer marketer : List.of(host, minor, newcomer)) {
            verify(marketer.getName(), Verification.Method.METHOD_ID_AND_LIVENESS, "ctid");
            Marketer verified = client.identity().getMarketer(GetMarketerRequest.newBuilder().setName(marketer.getName()).build());
            expect(verified.getState() == Marketer.State.STATE_VERIFIED, marketer.getName() + " should be verified: " + verified.getState());
            String age = "born " + date(verified.getBirthDate()) + ", ID " + verified.getIdNumber();
            String consent = verified.hasGuardianConsent() ? "; aged " + java.time.Period.between(LocalDate.parse(date(verified.getBirthDate())),
                    today).getYears() + ": guardian " + verified.getGuardianConsent().getGuardianName()
                    + " (" + verified.getGuardianConsent().getRelationship() + ") consented, document sha256 " + consentDocument.substring(0, 12) + "…"
                    : "";
            say.line("%s  %s, %s%s → %s", verified.getName(), verified.getLegalName(), age, consent, verified.getState());
        }
    }

    private void training() {
        TrainingCatalogue catalogue = new TrainingCatalogue(client, today);
        List<Course> required = catalogue.requiredOfMarketers();
        for (Marketer marketer : List.of(host, minor)) {
            List<String> certificates = new ArrayList<>();
            for (Course course : required) {
                TrainingRecord record = catalogue.record(marketer.getName(), course);
                expect(record.getPassed() && !record.getCertificateId().isEmpty(), "a passing record should get a certificate: " + record);
                certificates.add(course.getCode() + " " + record.getCertificateId());
            }
            TrainingStatus status = status(marketer);
            expect(status.getPreServiceComplete() && status.getAnnualCurrent() && status.getReasonsCount() == 0,
                    people.get(marketer.getName()) + " should be fully trained: " + status.getReasonsList());
            say.line("%s: pre-service complete, annual training current until %s; certificates %s", people.get(marketer.getName()),
                    Timestamps.day(status.getLapsesAt()), String.join(", ", certificates));
        }
        TrainingStatus untrained = status(newcomer);
        expect(!untrained.getPreServiceComplete(), "the newcomer has no training yet");
        say.line("%s: %s", people.get(newcomer.getName()),
                untrained.getReasonsList().stream().map(r -> r.getReason()).distinct().collect(Collectors.joining(", ")));
    }

    private void room() {
        room = client.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder().setRoomOperator(operator.getName())
                .setLiveAccountId(operator.getLiveAccounts(0).getAccountId()).setDisplayName("鲜味优选直播间")
                .addGoodsCategories(GoodsCategory.GOODS_CATEGORY_FOOD).addGoodsCategories(GoodsCategory.GOODS_CATEGORY_GENERAL)).build());
        expect(room.hasGrade(), "a new room is graded at once");
        initialLevel = room.getGrade().getLevel();
        say.line("%s  account %s, food and general goods → grade %s, monitoring %s (%s)", room.getName(), room.getLiveAccountId(),
                initialLevel, room.getGrade().getMonitoringRequired() ? "required" : "not required",
                room.getGrade().getMonitoringReasonsList().stream().map(r -> r.getTrigger() + " " + r.getArticle()).collect(Collectors.joining("; ")));
        say.line("measures matched to the grade: %s", String.join("; ", room.getGrade().getMatchedMeasuresList()));
    }

    private void gateAllowed() {
        String session = "demo-" + run + "-live1";
        roster(session, host, minor);
        allowed = gate(session, host, minor);
        expect(allowed.getOutcome() == GoLiveDecision.Outcome.OUTCOME_ALLOWED, "the trained, verified pair should be allowed on the air: "
                + reasons(allowed));
        say.line("CheckGoLiveEligibility(%s, %s, [%s, %s]) → %s", room.getName(), session, people.get(host.getName()),
                people.get(minor.getName()), allowed.getOutcome());
    }

    private void gateDenied() {
        String session = "demo-" + run + "-live2";
        roster(session, host, newcomer);
        denied = gate(session, host, newcomer);
        expect(denied.getOutcome() == GoLiveDecision.Outcome.OUTCOME_DENIED, "the untrained newcomer must keep the session off the air");
        List<String> codes = denied.getReasonsList().stream().map(GoLiveReason::getCode).toList();
        expect(codes.contains("PRE_SERVICE_TRAINING_MISSING"), "the gate should name the missing pre-service training: " + codes);
        expect(denied.getReasonsList().stream().allMatch(r -> r.getSubject().equals(newcomer.getName())),
                "every reason should concern the newcomer alone: " + reasons(denied));
        say.line("CheckGoLiveEligibility(%s, %s, [%s, %s]) → %s:", room.getName(), session, people.get(host.getName()),
                people.get(newcomer.getName()), denied.getOutcome());
        for (GoLiveReason reason : denied.getReasonsList()) {
            say.line("  %s (%s) %s: %s", reason.getCode(), reason.getArticle(), people.getOrDefault(reason.getSubject(), reason.getSubject()),
                    reason.getDescription());
        }
    }

    private void streamOrders() {
        String session = "demo-" + run + "-live0";
        Instant sessionStart = Instant.now().minus(Duration.ofDays(4));
        orders = new OrderStream(run, operator.getLiveAccounts(0).getAccountId(), session, idOf(host.getName()), sessionStart, ORDERS);
        Instant begin = Instant.now();
        leaves = orders.append(client);
        double seconds = Math.max(1, Duration.between(begin, Instant.now()).toMillis()) / 1000.0;
        verifierKey = client.archive().getPublicKey(GetPublicKeyRequest.getDefaultInstance()).getVerifierKey();
        Checkpoint checkpoint = client.archive().getCheckpoint(GetCheckpointRequest.getDefaultInstance());
        SignedCheckpoint signed = verifyCheckpoint(checkpoint);
        treeSize = signed.treeSize();
        expect(treeSize >= orders.events(), "the log should hold at least the " + orders.events() + " events just archived");
        say.line("session %s: %,d events of %,d orders (placed, paid, shipped, delivered, completed) in %d messages of one AppendRecords stream",
                session, orders.events(), orders.orders(), (orders.events() + OrderStream.EVENTS_PER_MESSAGE - 1) / OrderStream.EVENTS_PER_MESSAGE);
        say.line("acknowledged after commit in %.1f s (%,.0f events/s); leaves %d..%d", seconds, orders.events() / seconds,
                leaves.values().stream().mapToLong(Long::longValue).min().orElse(-1), leaves.values().stream().mapToLong(Long::longValue).max().orElse(-1));
        say.line("signed checkpoint: tree size %,d, signature verified by the SDK against the archive's key %s", treeSize,
                verifierKey.substring(0, verifierKey.indexOf('+') > 0 ? verifierKey.indexOf('+') : Math.min(24, verifierKey.length())));
        say.line("%d orders delivered but not yet completed: %s, ...", orders.openOrders().size(), orders.openOrders().get(0));
    }

    private void forwardedComplaints() {
        GradingRuleset ruleset = client.roomGrading().getGradingRuleset(GetGradingRulesetRequest.newBuilder().setName("gradingRulesets/current").build());
        complaintRule = complaintRule(ruleset);
        long needed = complaintsNeeded(complaintRule);
        say.line("ruleset in force %s: rule %s (%s) gives %s", ruleset.getName(), complaintRule.getId(), complaintRule.getDescription(),
                complaintRule.getLevel());
        List<Complaint> forwarded = new ArrayList<>();
        for (int i = 0; i < needed - 1; i++) {
            String order = orders.openOrders().get(i + 1);
            boolean quality = i % 2 == 0;
            Complaint complaint = client.consumerRights().createComplaint(CreateComplaintRequest.newBuilder().setComplaint(Complaint.newBuilder()
                    .setCategory(quality ? Category.CATEGORY_QUALITY : Category.CATEGORY_PRICE)
                    .setDescription(quality ? "买家来电：收到的五常大米有霉味，要求退款。" : "买家来电：直播间展示的“原价 ¥99”划线价没有依据。")
                    .setOrderId(order).setRoom(room.getName()).setRoomOperator(operator.getName()).setMarketer(host.getName())
                    .setRequestedRemedy(Remedy.REMEDY_REFUND).setContact(fresh.mobile()).setBuyerRef("buyer-cs-" + run + "-" + i)).build());
            expect(complaint.getChannel() == Channel.CHANNEL_PLATFORM, "forwarded by the platform: " + complaint.getChannel());
            desk.resolveSubstantiated(complaint.getName(), quality ? "已核实：同批次大米存在霉变，已全额退款并下架。" : "已核实：划线价无依据，已责令整改并补偿差价。");
            forwarded.add(complaint);
        }
        for (Complaint complaint : forwarded) {
            Complaint delivered = desk.awaitGradingSignal(complaint.getName());
            say.line("%s (%s, order %s) resolved substantiated → delivered to room-grading through the outbox: %s", delivered.getName(),
                    delivered.getCategory(), delivered.getOrderId(), delivered.getGradingSignal());
        }
        Room now = getRoom();
        expect(now.getGrade().getLevel() == initialLevel, "with " + (needed - 1) + " verified complaints the grade should still be "
                + initialLevel + ", is " + now.getGrade().getLevel());
        say.line("%s: %d verified complaint(s) recorded, grade still %s (the rule needs %d)", room.getName(), needed - 1,
                now.getGrade().getLevel(), needed);
    }

    private void publicComplaint() {
        complainedOrder = orders.openOrders().get(0);
        filed = consumers.file("FALSE_ADVERTISING",
                "主播林晓在直播中说这款大米是“五常核心产区当季新米”，收到后包装上的产地和生产日期都对不上。The host said this was new-season rice"
                        + " from Wuchang's core area; the bag says otherwise.", complainedOrder, fresh.mobile(), "REFUND");
        expect(!filed.number().isEmpty() && !filed.statusToken().isEmpty(), "a filing answers a number and a status key");
        expect(filed.state().equals("RECEIVED"), "a new complaint is RECEIVED: " + filed.state());
        say.line("POST %s (no token: public) → %d, complaint %s, status key issued to the consumer", filed.url(), filed.status(), filed.number());
        for (JsonNode deadline : filed.deadlines()) {
            say.line("  published deadline %-15s %d working day(s): by %s China time", deadline.path("kind").asText(),
                    deadline.path("workingDays").asInt(), Timestamps.shown(Timestamps.of(Instant.parse(deadline.path("deadlineTime").asText()))));
        }
        Complaint seen = desk.get("complaints/" + filed.number());
        expect(seen.getChannel() == Channel.CHANNEL_HTTP_API && seen.getOrderId().equals(complainedOrder),
                "the platform sees the consumer's complaint about " + complainedOrder + ": " + seen.getChannel() + " " + seen.getOrderId());
        say.line("the platform's back office reads it over gRPC: %s, %s, order %s, contact %s, legal hold on the order %s", seen.getName(),
                seen.getCategory(), seen.getOrderId(), seen.getContact(), seen.getLegalHold());
    }

    private void sellerInformation() {
        disclosure = client.consumerRights().requestSellerInformation(RequestSellerInformationRequest.newBuilder()
                .setComplaint("complaints/" + filed.number()).setRoomOperator(operator.getName()).setMarketer(host.getName()).build());
        RoomOperator seller = disclosure.getSeller().getRoomOperator();
        expect(seller.getUscc().equals(uscc), "the seller's real USCC should be disclosed: " + seller.getUscc());
        expect(disclosure.getSeller().getMarketer().getIdNumber().equals(hostIdNumber), "the marketer's ID number should be disclosed unmasked");
        say.line("%s: %s, USCC %s, %s%s%s%s, phone %s (unmasked; identity audit %s)", disclosure.getName(), seller.getLegalName(), seller.getUscc(),
                seller.getBusinessAddress().getProvince(), seller.getBusinessAddress().getCity(), seller.getBusinessAddress().getDistrict(),
                seller.getBusinessAddress().getStreetAddress(), seller.getContact().getPhone(), disclosure.getIdentityDisclosureAudit());
        say.line("marketer %s, ID %s; answered in %d ms, within the published target: %s", disclosure.getSeller().getMarketer().getLegalName(),
                disclosure.getSeller().getMarketer().getIdNumber(), com.google.protobuf.util.Durations.toMillis(disclosure.getAnswerDuration()),
                disclosure.getWithinTarget());
        EvidenceBundle bundle = disclosure.getOrderEvidence();
        expect(bundle.getOrderId().equals(complainedOrder) && bundle.getEntriesCount() == 4,
                "the order's 4 archived events should be disclosed, got " + bundle.getEntriesCount() + " of " + bundle.getOrderId());
        try {
            provenCheckpoint = EvidenceVerifier.verify(bundle, verifierKey);
        } catch (ProofException e) {
            throw new DemoFailure("the archive proofs do not verify: " + e.getMessage(), e);
        }
        expect(provenCheckpoint.treeSize() >= treeSize, "the proofs lead to a checkpoint of the log as it is now");
        say.line("order %s: %d records (%s) with inclusion proofs → verified by the SDK's EvidenceVerifier against the archive's key,"
                        + " checkpoint size %,d", complainedOrder, bundle.getEntriesCount(),
                bundle.getEntriesList().stream().map(e -> e.getRecord().getName() + " " + e.getRecord().getEvent().name().substring(6).toLowerCase())
                        .collect(Collectors.joining(", ")), provenCheckpoint.treeSize());
        EvidenceBundle tampered = bundle.toBuilder().setEntries(0, bundle.getEntries(0).toBuilder().setRecord(bundle.getEntries(0).getRecord()
                .toBuilder().setItems(0, bundle.getEntries(0).getRecord().getItems(0).toBuilder().setChargedPrice(
                        bundle.getEntries(0).getRecord().getItems(0).getChargedPrice().toBuilder().setAmountMinor(1))))).build();
        try {
            EvidenceVerifier.verify(tampered, verifierKey);
            throw new DemoFailure("a bundle with a changed price verified: the verifier is broken");
        } catch (ProofException expected) {
            say.line("the same bundle with the charged price changed to ¥0.01 is refused: %s", expected.getMessage());
        }
    }

    private void verifyComplaint() {
        String name = "complaints/" + filed.number();
        // The public intake does not ask consumers for the room: customer service, which knows the order's room, names it
        // when resolving, and consumer-rights sends the verified complaint to room-grading through its outbox.
        desk.resolveSubstantiated(name, "已核实：宣传与实物不符，全额退款；已提醒主播规范宣传用语。", room.getName());
        say.line("%s acknowledged → responded → resolved, substantiated (a verified complaint, Art. 20 ¶3), naming the order's room %s",
                name, room.getName());
        Complaint delivered = desk.awaitGradingSignal(name);
        say.line("%s → delivered to room-grading through the outbox: %s", delivered.getRoom(), delivered.getGradingSignal());
        JsonNode status = consumers.status(filed.number(), filed.statusToken());
        expect(status.path("state").asText().equals("RESOLVED"), "the consumer should see the resolution: " + status);
        say.line("the consumer reads the status with the key (GET /api/v1/complaints/%s) → %s: %s", filed.number(), status.path("state").asText(),
                status.path("resolution").asText());
    }

    private void gradeChange() {
        Room now = getRoom();
        gradeAfter = now.getGrade();
        expect(gradeAfter.getLevel().getNumber() > initialLevel.getNumber(), "the grade should go up from " + initialLevel + ", is " + gradeAfter.getLevel());
        expect(gradeAfter.getFiredRulesList().stream().anyMatch(r -> r.getRuleId().equals(complaintRule.getId())),
                "rule " + complaintRule.getId() + " should have fired: " + gradeAfter.getFiredRulesList());
        say.line("%s: %s → %s (%s, %d verified complaints in 90 days)", gradeAfter.getName(), initialLevel, gradeAfter.getLevel(),
                gradeAfter.getFiredRulesList().stream().map(FiredRule::getRuleId).collect(Collectors.joining(", ")),
                gradeAfter.getInputs().getVerifiedComplaints90D());
        say.line("measures now matched to the room: %s", String.join("; ", gradeAfter.getMatchedMeasuresList()));
        int history = client.roomGrading().listGrades(ListGradesRequest.newBuilder().setParent(room.getName()).setPageSize(200).build()).getGradesCount();
        say.line("grade history kept: %d evaluations; explanation: \"%s\"", history, firstLine(gradeAfter.getExplanation()));
    }

    private void disposalAndAppeal() {
        long placedLeaf = leaves.get(complainedOrder + "/order_placed");
        Violation violation = client.roomGrading().recordViolation(RecordViolationRequest.newBuilder().setParent(room.getName())
                .setViolation(Violation.newBuilder().setRedLine(RedLine.RED_LINE_FALSE_CLAIM).setSeverity(Severity.SEVERITY_GENERAL)
                        .setSource(ViolationSource.VIOLATION_SOURCE_COMPLAINT).setSessionId("demo-" + run + "-live0").setMarketer(host.getName())
                        .setDescription("The host presented ordinary rice as new-season rice from Wuchang's core area (complaint " + filed.number() + ").")
                        .addEvidence(Evidence.newBuilder().setArchiveLeafIndex(placedLeaf).setDescription("order placed, with the product page"))
                        .setOccurTime(Timestamps.of(Instant.now().minus(Duration.ofDays(4))))).build());
        say.line("%s: %s, %s, %s, evidence records/%d", violation.getName(), violation.getRedLine(), violation.getArticle(),
                violation.getSeverity(), placedLeaf);
        DisposalProposal proposal = client.roomGrading().proposeDisposal(ProposeDisposalRequest.newBuilder().setViolation(violation.getName()).build());
        expect(proposal.getMeasure() != Measure.MEASURE_UNSPECIFIED, "the rule table should propose a measure: " + proposal);
        expect(proposal.getMeasure() != Measure.MEASURE_BLACKLIST && proposal.getMeasure() != Measure.MEASURE_REREGISTRATION_BAN,
                "a first general violation should not be proposed for " + proposal.getMeasure());
        say.line("proposal: %s (rule %s, %d points in %d days)", proposal.getMeasure(), proposal.getRuleId(), proposal.getPoints(), proposal.getWindowDays());
        Disposal.Builder decision = Disposal.newBuilder().setMeasure(proposal.getMeasure()).addViolations(violation.getName())
                .setMarketer(host.getName())
                .setFacts("During session demo-" + run + "-live0 the host presented ordinary rice as new-season rice from Wuchang's core area;"
                        + " consumer complaint " + filed.number() + " was verified.")
                .setReasons("A false claim about the origin and freshness of food misleads consumers (Art. 34).")
                .setLegalBasis("Art. 34; Art. 12 ¶1; platform rule 4.2").setAppealChannel("平台申诉中心 appeals.xianwei.example.cn, within 15 days");
        if (proposal.hasDuration()) {
            decision.setDuration(proposal.getDuration());
        }
        if (proposal.getMeasure() == Measure.MEASURE_SESSION_SUSPENSION) {
            decision.setSessionId("demo-" + run + "-live0");
        }
        disposal = client.roomGrading().createDisposal(CreateDisposalRequest.newBuilder().setParent(room.getName()).setDisposal(decision).build());
        expect(disposal.getMeasure() == proposal.getMeasure(), "the disposal should carry the decided measure");
        say.line("decided %s: %s, state %s, reported to %s, appeal until %s", disposal.getName(), disposal.getMeasure(), disposal.getState(),
                disposal.getReportLevelsList(), Timestamps.shown(disposal.getAppealDeadlineTime()));
        Appeal filedAppeal = client.roomGrading().fileAppeal(FileAppealRequest.newBuilder().setParent(disposal.getName()).setAppeal(Appeal.newBuilder()
                .setStatement("The rice is from Wuchang; the packaging supplier printed the wrong harvest date. Origin certificate attached.")
                .addEvidence(Evidence.newBuilder().setArtefactSha256(HexFormat.of().formatHex(OrderStream.sha256("origin certificate " + run).toByteArray()))
                        .setDescription("origin certificate"))).build());
        expect(filedAppeal.getState() == Appeal.State.STATE_PENDING, "a filed appeal waits for review");
        say.line("appeal %s filed by the room operator → %s", filedAppeal.getName(), filedAppeal.getState());
        appeal = client.roomGrading().decideAppeal(DecideAppealRequest.newBuilder().setName(filedAppeal.getName()).setOutcome(Appeal.State.STATE_UPHELD)
                .setDecisionReason("The certificate covers a different batch; the claim made in the session stays misleading.").build());
        expect(appeal.getState() == Appeal.State.STATE_UPHELD && !appeal.getResultNotice().isEmpty(), "the review should uphold and notify: " + appeal);
        Disposal after = client.roomGrading().getDisposal(GetDisposalRequest.newBuilder().setName(disposal.getName()).build());
        expect(after.getState() != Disposal.State.STATE_REVOKED, "an upheld disposal stands");
        disposal = after;
        say.line("reviewed → %s; the disposal stays %s; result notice: \"%s\"", appeal.getState(), after.getState(), firstLine(appeal.getResultNotice()));
    }

    private void regulatorReport() {
        // Art. 9: reported every January and July for the half year before; the last one that has ended.
        int year = today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
        ReportHalf half = today.getMonthValue() >= 7 ? ReportHalf.REPORT_HALF_FIRST : ReportHalf.REPORT_HALF_SECOND;
        String label = year + "-H" + (half == ReportHalf.REPORT_HALF_FIRST ? 1 : 2);
        report = RegulatorReportDownload.download(client, year, half, reportFolder.resolve("identity-art9-" + label));
        expect(report.recordCounts().size() == 3, "three files (registered operators, unregistered operators, marketers): " + report.recordCounts());
        say.line("ExportRegulatorReport(%d, %s, CSV): %s; due %s", year, half, report.recordCounts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + " records").collect(Collectors.joining(", ")), report.dueDate());
        say.line("every file's SHA-256 matches manifest.json (subjects registered after the half year appear in the next report)");
        ReportExport audit = client.identityReports().listReportExports(ListReportExportsRequest.newBuilder().setPageSize(1).build()).getReportExports(0);
        expect(audit.getYear() == year && audit.getHalf() == half, "the export should be audit-logged: " + audit);
        say.line("audit-logged by identity as %s (exported by %s)", audit.getName(), audit.getExportedBy());
        say.line("written to %s", report.folder());
    }

    private Marketer marketer(String legalName, String idNumber, String occupation) {
        Marketer marketer = client.identity().createMarketer(CreateMarketerRequest.newBuilder().setMarketer(Marketer.newBuilder()
                .setLegalName(legalName).setIdNumber(idNumber).setHabitualAddress(address("古墩路 " + (100 + idNumber.charAt(16) % 50) + " 号"))
                .setContact(Contact.newBuilder().setPhone(fresh.mobile())).setOccupation(occupation)).build());
        people.put(marketer.getName(), legalName);
        return marketer;
    }

    private Verification verify(String subject, Verification.Method method, String provider) {
        Verification verification = client.identity().recordVerification(RecordVerificationRequest.newBuilder().setParent(subject)
                .setVerification(Verification.newBuilder().setMethod(method).setProvider(provider).setProviderReference(provider + "-" + run + "-"
                        + idOf(subject).substring(0, 8)).setResult(Verification.Result.RESULT_PASSED)
                        .setVerifyTime(Timestamps.of(Instant.now().minusSeconds(30)))).build());
        expect(verification.getResult() == Verification.Result.RESULT_PASSED, "the check should be recorded as passed");
        return verification;
    }

    private TrainingStatus status(Marketer marketer) {
        return client.training().getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject(marketer.getName()).build());
    }

    private void roster(String session, Marketer... marketers) {
        SessionRoster roster = client.identity().submitSessionRoster(SubmitSessionRosterRequest.newBuilder().setRoomOperator(operator.getName())
                .setSessionId(session).addAllMarketers(List.of(marketers).stream().map(Marketer::getName).toList()).build());
        say.line("roster %s accepted: %s; kept until %s (Art. 28)", roster.getName(),
                roster.getMarketersList().stream().map(people::get).collect(Collectors.joining(", ")), Timestamps.day(roster.getRetainUntilTime()));
    }

    /** The gate fails closed on a dependency's timeout (a cold dev run can be slow to answer at first): then ask again, twice at most. */
    private GoLiveDecision gate(String session, Marketer... marketers) {
        CheckGoLiveEligibilityRequest request = CheckGoLiveEligibilityRequest.newBuilder().setRoom(room.getName()).setSessionId(session)
                .addAllMarketers(List.of(marketers).stream().map(Marketer::getName).toList()).build();
        for (int attempt = 1; ; attempt++) {
            GoLiveDecision decision = client.roomGrading().checkGoLiveEligibility(request);
            boolean unavailable = decision.getReasonsList().stream().anyMatch(r -> r.getCode().equals(DEPENDENCY_UNAVAILABLE));
            if (!unavailable || attempt == 3) {
                return decision;
            }
            say.line("(the gate failed closed: %s; asking again)", reasons(decision));
            sleep(Duration.ofSeconds(1));
        }
    }

    /** The cheapest rule of the ruleset in force that verified complaints alone lift the room above its grade with. */
    private GradeRule complaintRule(GradingRuleset ruleset) {
        return ruleset.getRules().getGradeRulesList().stream()
                .filter(r -> r.getLevel().getNumber() > initialLevel.getNumber() && r.getAllOfCount() > 0
                        && r.getAllOfList().stream().allMatch(c -> c.getMetric() == Metric.METRIC_VERIFIED_COMPLAINTS_30D
                        || c.getMetric() == Metric.METRIC_VERIFIED_COMPLAINTS_90D))
                .min(Comparator.comparingLong(DemoScenario::complaintsNeeded))
                .orElseThrow(() -> new DemoFailure("the ruleset in force (" + ruleset.getName() + ") has no grade rule on verified complaints above "
                        + initialLevel + ": the demo cannot show a complaint changing the grade"));
    }

    private static long complaintsNeeded(GradeRule rule) {
        return Math.max(1, rule.getAllOfList().stream().mapToLong(Condition::getAtLeast).max().orElse(1));
    }

    private SignedCheckpoint verifyCheckpoint(Checkpoint checkpoint) {
        try {
            return SignedCheckpoint.verify(checkpoint.getSignedNote(), verifierKey);
        } catch (ProofException e) {
            throw new DemoFailure("the archive's checkpoint does not verify: " + e.getMessage(), e);
        }
    }

    private Room getRoom() {
        return client.roomGrading().getRoom(GetRoomRequest.newBuilder().setName(room.getName()).build());
    }

    private String reasons(GoLiveDecision decision) {
        return decision.getReasonsList().stream().map(r -> r.getCode() + " " + r.getSubject()).collect(Collectors.joining("; "));
    }

    private static PostalAddress address(String street) {
        return PostalAddress.newBuilder().setProvince("浙江省").setCity("杭州市").setDistrict("西湖区").setStreetAddress(street)
                .setPostalCode("310012").build();
    }

    private static String idOf(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String date(org.livecomply.api.type.v1.Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay()).toString();
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted", e);
        }
    }
}
