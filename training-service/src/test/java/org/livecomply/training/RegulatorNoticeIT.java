package org.livecomply.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.training.TrainingFixtures.timestamp;
import static org.livecomply.training.TrainingServiceClient.ADMIN;
import static org.livecomply.training.TrainingServiceClient.READ;
import static org.livecomply.training.TrainingServiceClient.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.livecomply.api.training.v1.AcknowledgeNoticeRequest;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesRequest;
import org.livecomply.api.training.v1.CirculateRegulatorNoticeRequest;
import org.livecomply.api.training.v1.GetRegulatorNoticeRequest;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.ListNoticeAcknowledgementsRequest;
import org.livecomply.api.training.v1.ListRegulatorNoticesRequest;
import org.livecomply.api.training.v1.ListUnacknowledgedSubjectsRequest;
import org.livecomply.api.training.v1.ListUnacknowledgedSubjectsResponse;
import org.livecomply.api.training.v1.NoticeAcknowledgement;
import org.livecomply.api.training.v1.RegulatorNotice;
import org.livecomply.api.training.v1.TrainingStatus;

/** Regulators' requirements passed on to room operators and MCNs with read receipts (Art. 10 ¶2, T-4). */
@MicronautTest(environments = "test")
class RegulatorNoticeIT extends TrainingApiTest {

    private static final Instant DEADLINE = TestClock.NOW.plus(Duration.ofDays(7));

    private static RegulatorNotice.Builder notice() {
        return RegulatorNotice.newBuilder()
                .setTitle("关于加强直播营销食品安全管理的通知")
                .setIssuingAuthority("浙江省市场监督管理局")
                .setDocumentReference("浙市监食〔2026〕12号")
                .setDigest("直播间销售食品须公示经营许可证；\n主播不得夸大功效。")
                .setDocumentSha256("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae")
                .addAudiences(Audience.AUDIENCE_ROOM_OPERATOR)
                .addAudiences(Audience.AUDIENCE_MCN)
                .setAcknowledgeDeadlineTime(timestamp(DEADLINE));
    }

    private RegulatorNotice circulate(RegulatorNotice.Builder notice) {
        return client.as(ADMIN).circulateRegulatorNotice(CirculateRegulatorNoticeRequest.newBuilder().setRegulatorNotice(notice).build());
    }

    private NoticeAcknowledgement acknowledge(RegulatorNotice notice, String subject, Instant at) {
        return client.as(WRITE).acknowledgeNotice(AcknowledgeNoticeRequest.newBuilder().setParent(notice.getName())
                .setAcknowledgement(NoticeAcknowledgement.newBuilder().setSubject(subject).setAcknowledgeTime(timestamp(at))).build());
    }

    @Test
    void aNoticeIsCirculatedAndEachSubjectAcknowledgesItOnce() {
        RegulatorNotice notice = circulate(notice());
        assertTrue(notice.getName().matches("regulatorNotices/[0-9a-f-]{36}"));
        assertEquals("platform-test", notice.getCirculatedBy());
        assertEquals(List.of(Audience.AUDIENCE_ROOM_OPERATOR, Audience.AUDIENCE_MCN), notice.getAudiencesList());
        assertEquals(notice, client.as(READ).getRegulatorNotice(GetRegulatorNoticeRequest.newBuilder().setName(notice.getName()).build()));
        assertEquals(notice, client.as(READ).listRegulatorNotices(ListRegulatorNoticesRequest.getDefaultInstance()).getRegulatorNotices(0),
                "newest first");

        String operator = identity.roomOperator().getName();
        NoticeAcknowledgement receipt = acknowledge(notice, operator, TestClock.NOW);
        assertTrue(receipt.getName().startsWith(notice.getName() + "/acknowledgements/"));
        assertFalse(receipt.getLate());
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> acknowledge(notice, operator, TestClock.NOW));
        assertEquals(Status.Code.ALREADY_EXISTS, twice.getStatus().getCode());
        assertEquals("NOTICE_ALREADY_ACKNOWLEDGED", errorInfo(twice).getReason());
        assertEquals(receipt.getName(), errorInfo(twice).getMetadataMap().get("existing"));
        assertEquals(List.of(receipt), client.as(READ).listNoticeAcknowledgements(ListNoticeAcknowledgementsRequest.newBuilder()
                .setParent(notice.getName()).build()).getAcknowledgementsList());

        StatusRuntimeException marketer = assertThrows(StatusRuntimeException.class, () -> acknowledge(notice, identity.marketer().getName(),
                TestClock.NOW));
        assertEquals(Status.Code.FAILED_PRECONDITION, marketer.getStatus().getCode());
        assertEquals("SUBJECT_NOT_IN_NOTICE_AUDIENCE", errorInfo(marketer).getReason());
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> acknowledge(notice,
                "mcnInstitutions/00000000-0000-4000-8000-000000000000", TestClock.NOW));
        assertEquals("SUBJECT_NOT_FOUND", errorInfo(unknown).getReason());
        StatusRuntimeException beforeCirculation = assertThrows(StatusRuntimeException.class, () -> acknowledge(notice,
                identity.mcn().getName(), TestClock.NOW.minus(Duration.ofDays(1))));
        assertEquals(List.of("acknowledgement.acknowledge_time"), badFields(beforeCirculation));
    }

    @Test
    void subjectsWithoutAReadReceiptAreListedAndOverdueAfterTheDeadline() {
        // Earlier than the other tests' notices, so that only this one is overdue at its deadline.
        Instant deadline = TestClock.NOW.plus(Duration.ofDays(3));
        RegulatorNotice notice = circulate(notice().setAcknowledgeDeadlineTime(timestamp(deadline)));
        String read = identity.roomOperator().getName();
        String unread = identity.roomOperator().getName();
        String mcn = identity.mcn().getName();
        String marketer = identity.marketer().getName();
        acknowledge(notice, read, TestClock.NOW);

        List<String> listed = new ArrayList<>();
        ListUnacknowledgedSubjectsRequest request = ListUnacknowledgedSubjectsRequest.newBuilder().setParent(notice.getName()).setPageSize(3).build();
        ListUnacknowledgedSubjectsResponse page;
        do {
            page = client.as(READ).listUnacknowledgedSubjects(request);
            assertFalse(page.getOverdue());
            assertTrue(page.getSubjectsCount() <= 3);
            listed.addAll(page.getSubjectsList());
            request = request.toBuilder().setPageToken(page.getNextPageToken()).build();
        } while (!page.getNextPageToken().isEmpty());
        assertTrue(listed.contains(unread));
        assertTrue(listed.contains(mcn));
        assertFalse(listed.contains(read));
        assertFalse(listed.contains(marketer), "marketers are not in this notice's audience");
        assertEquals(listed.size(), listed.stream().distinct().count(), "nobody listed twice across pages");

        TrainingStatus before = status(unread, deadline.minusSeconds(1));
        assertEquals(List.of(), before.getOverdueNoticesList());
        TrainingStatus overdue = status(unread, deadline);
        assertEquals(List.of(notice.getName()), overdue.getOverdueNoticesList());
        assertTrue(overdue.getReasonsList().stream().anyMatch(r -> r.getReason().equals("REGULATOR_NOTICE_UNACKNOWLEDGED")
                && r.getArticle().equals("Art. 10 ¶2") && r.getResource().equals(notice.getName())));
        assertEquals(List.of(), status(read, deadline).getOverdueNoticesList());
        assertEquals(List.of(overdue, status(read, deadline), status(marketer, deadline)), client.as(READ).batchGetTrainingStatuses(
                BatchGetTrainingStatusesRequest.newBuilder().addSubjects(unread).addSubjects(read).addSubjects(marketer)
                        .setEvaluateTime(timestamp(deadline)).build()).getStatusesList(), "a batch sees the same overdue notices");

        clock.set(deadline.plus(Duration.ofDays(1)));
        assertTrue(client.as(READ).listUnacknowledgedSubjects(ListUnacknowledgedSubjectsRequest.newBuilder().setParent(notice.getName())
                .build()).getOverdue());
        NoticeAcknowledgement late = acknowledge(notice, unread, deadline.plus(Duration.ofHours(2)));
        assertTrue(late.getLate());
        assertEquals(List.of(), status(unread, clock.instant()).getOverdueNoticesList(), "a late receipt ends the overdue state");
    }

    @Test
    void badNoticesAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        long before = count("SELECT COUNT(*) FROM regulator_notices");
        Map<String, UnaryOperator<RegulatorNotice.Builder>> bad = new LinkedHashMap<>();
        bad.put("regulator_notice.title", n -> n.setTitle(""));
        bad.put("regulator_notice.issuing_authority", n -> n.setIssuingAuthority("x".repeat(101)));
        bad.put("regulator_notice.document_reference", n -> n.setDocumentReference(""));
        bad.put("regulator_notice.digest", n -> n.setDigest("   "));
        bad.put("regulator_notice.document_sha256", n -> n.setDocumentSha256("ABC"));
        bad.put("regulator_notice.audiences", RegulatorNotice.Builder::clearAudiences);
        bad.put("regulator_notice.audiences[2]", n -> n.addAudiences(Audience.AUDIENCE_MCN));
        bad.put("regulator_notice.acknowledge_deadline_time", n -> n.setAcknowledgeDeadlineTime(timestamp(TestClock.NOW.minusSeconds(1))));
        bad.forEach((field, change) -> {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> circulate(change.apply(notice())));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), field);
            assertEquals(List.of(field), badFields(e), field);
        });
        assertEquals(List.of("regulator_notice.acknowledge_deadline_time"), badFields(assertThrows(StatusRuntimeException.class,
                () -> circulate(notice().setAcknowledgeDeadlineTime(timestamp(TestClock.NOW.plus(Duration.ofDays(367))))))));
        assertEquals(List.of("request_id", "parent", "acknowledgement"), badFields(assertThrows(StatusRuntimeException.class,
                () -> client.as(WRITE).acknowledgeNotice(AcknowledgeNoticeRequest.newBuilder().setRequestId("?").setParent("notices/1").build()))));
        assertEquals(List.of("acknowledgement.subject", "acknowledgement.acknowledge_time"), badFields(assertThrows(StatusRuntimeException.class,
                () -> client.as(WRITE).acknowledgeNotice(AcknowledgeNoticeRequest.newBuilder()
                        .setParent("regulatorNotices/00000000-0000-4000-8000-000000000000")
                        .setAcknowledgement(NoticeAcknowledgement.newBuilder().setSubject("marketers")).build()))));
        StatusRuntimeException writer = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).circulateRegulatorNotice(
                CirculateRegulatorNoticeRequest.newBuilder().setRegulatorNotice(notice()).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, writer.getStatus().getCode());
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> client.as(READ).getRegulatorNotice(
                GetRegulatorNoticeRequest.newBuilder().setName("regulatorNotices/00000000-0000-4000-8000-000000000000").build()));
        assertEquals("REGULATOR_NOTICE_NOT_FOUND", errorInfo(missing).getReason());
        assertEquals(before, count("SELECT COUNT(*) FROM regulator_notices"));

        assertEquals(List.of("name"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ).getRegulatorNotice(
                GetRegulatorNoticeRequest.newBuilder().setName("regulatorNotices/x").build()))));
        assertEquals(List.of("page_size"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ).listRegulatorNotices(
                ListRegulatorNoticesRequest.newBuilder().setPageSize(-1).build()))));
        assertEquals(List.of("page_size", "parent"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listNoticeAcknowledgements(ListNoticeAcknowledgementsRequest.newBuilder().setPageSize(-1).setParent("x").build()))));
        assertEquals(List.of("parent"), badFields(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listUnacknowledgedSubjects(ListUnacknowledgedSubjectsRequest.getDefaultInstance()))));
        assertEquals("REGULATOR_NOTICE_NOT_FOUND", errorInfo(assertThrows(StatusRuntimeException.class, () -> client.as(READ)
                .listUnacknowledgedSubjects(ListUnacknowledgedSubjectsRequest.newBuilder()
                        .setParent("regulatorNotices/00000000-0000-4000-8000-000000000000").build()))).getReason());
    }

    private TrainingStatus status(String subject, Instant at) {
        return client.as(READ).getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject(subject).setEvaluateTime(timestamp(at)).build());
    }
}
