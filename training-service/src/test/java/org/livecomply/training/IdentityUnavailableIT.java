package org.livecomply.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.livecomply.training.TrainingFixtures.passing;
import static org.livecomply.training.TrainingFixtures.timestamp;
import static org.livecomply.training.TrainingServiceClient.ADMIN;
import static org.livecomply.training.TrainingServiceClient.READ;
import static org.livecomply.training.TrainingServiceClient.WRITE;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.api.training.v1.AcknowledgeNoticeRequest;
import org.livecomply.api.training.v1.Audience;
import org.livecomply.api.training.v1.CirculateRegulatorNoticeRequest;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.ListNonCompliantRequest;
import org.livecomply.api.training.v1.NoticeAcknowledgement;
import org.livecomply.api.training.v1.RecordTrainingRefusalRequest;
import org.livecomply.api.training.v1.RecordTrainingRequest;
import org.livecomply.api.training.v1.RegulatorNotice;
import org.livecomply.api.training.v1.TrainingRefusal;

/**
 * identity-service not answering: whatever needs it is refused with UNAVAILABLE {@code DEPENDENCY_UNAVAILABLE}
 * (retryable) and nothing is written; what does not need it (the status) still answers. Training here
 * points at a port that accepts connections and never speaks, so each call runs into its deadline; a
 * test then closes that port, so calls are refused at once.
 */
@MicronautTest(environments = "test")
class IdentityUnavailableIT extends TrainingApiTest {

    private static final String SUBJECT = "marketers/00000000-0000-4000-8000-00000000aaaa";

    private final SilentServer silent = new SilentServer();
    private TrainingFixtures.Catalogue catalogue;

    @Override
    protected String identityAddress() {
        return "127.0.0.1:" + silent.port();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("livecomply.clients.identity.deadline", "500ms");
    }

    @BeforeAll
    void publishCatalogue() {
        catalogue = fixtures.catalogue();
    }

    @AfterAll
    void closeSilentServer() {
        silent.close();
    }

    @Test
    void writesThatNeedIdentityAreRefusedAsUnavailableAndLeaveNothingBehind() throws Exception {
        assertUnavailable(() -> fixtures.record(passing(SUBJECT, catalogue.preServiceLaw(), TestClock.NOW.minusSeconds(3600))));
        assertUnavailable(() -> client.as(WRITE).recordTrainingRefusal(RecordTrainingRefusalRequest.newBuilder().setTrainingRefusal(
                TrainingRefusal.newBuilder().setSubject(SUBJECT).setCourse(catalogue.preServiceLaw().getName())
                        .setRefuseTime(timestamp(TestClock.NOW))).build()));
        RegulatorNotice notice = client.as(ADMIN).circulateRegulatorNotice(CirculateRegulatorNoticeRequest.newBuilder().setRegulatorNotice(
                RegulatorNotice.newBuilder().setTitle("通知").setIssuingAuthority("市场监管局").setDocumentReference("2026-1").setDigest("要求")
                        .addAudiences(Audience.AUDIENCE_MARKETER).setAcknowledgeDeadlineTime(timestamp(TestClock.NOW.plus(Duration.ofDays(5)))))
                .build());
        assertUnavailable(() -> client.as(WRITE).acknowledgeNotice(AcknowledgeNoticeRequest.newBuilder().setParent(notice.getName())
                .setAcknowledgement(NoticeAcknowledgement.newBuilder().setSubject(SUBJECT).setAcknowledgeTime(timestamp(TestClock.NOW))).build()));
        assertUnavailable(() -> client.as(READ).listNonCompliant(ListNonCompliantRequest.newBuilder().setAudience(Audience.AUDIENCE_MARKETER)
                .setYear(2026).build()));

        assertEquals(0, count("SELECT COUNT(*) FROM training_records"));
        assertEquals(0, count("SELECT COUNT(*) FROM training_refusals"));
        assertEquals(0, count("SELECT COUNT(*) FROM notice_acknowledgements"));
        assertEquals(0, count("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key NOT LIKE 'CreateCourse:%'"
                + " AND idempotency_key NOT LIKE 'PublishCourses:%' AND idempotency_key NOT LIKE 'CirculateRegulatorNotice:%'"),
                "no request id is used up: a retry can succeed once identity answers");
        assertFalse(client.as(READ).getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject(SUBJECT).build()).getPreServiceComplete(),
                "the status reads training's own data only");

        silent.close();
        assertUnavailable(() -> fixtures.record(passing(SUBJECT, catalogue.preServiceLaw(), TestClock.NOW.minusSeconds(3600))));
        assertEquals(0, count("SELECT COUNT(*) FROM training_records"));
    }

    @Test
    void aRetryWithTheSameRequestIdIsRefusedAgainNotReplayedWhileIdentityIsDown() throws Exception {
        RecordTrainingRequest request = RecordTrainingRequest.newBuilder().setRequestId("retry-while-down")
                .setTrainingRecord(passing(SUBJECT, catalogue.preServiceQuality(), TestClock.NOW.minusSeconds(3600))).build();
        assertUnavailable(() -> client.as(WRITE).recordTraining(request));
        assertUnavailable(() -> client.as(WRITE).recordTraining(request));
        assertEquals(0, count("SELECT COUNT(*) FROM training_records"));
    }

    private static void assertUnavailable(org.junit.jupiter.api.function.Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
        ErrorInfo info = errorInfo(e);
        assertEquals("DEPENDENCY_UNAVAILABLE", info.getReason());
        assertEquals("identity", info.getMetadataMap().get("dependency"));
        assertEquals("training.livecomply", info.getDomain());
    }

    /** Accepts TCP connections and never answers: a hung dependency. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() {
            try {
                socket = new ServerSocket(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        accepted.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-identity");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket connection : accepted) {
                    connection.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
