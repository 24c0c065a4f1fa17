package org.livecomply.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.sdk.testing.FakeSupport.errorInfo;
import static org.livecomply.sdk.testing.FakeSupport.refused;

import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.VerifyLogRequest;
import org.livecomply.api.identity.v1.CreateMarketerRequest;
import org.livecomply.api.identity.v1.ExportRegulatorReportRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RecordVerificationRequest;
import org.livecomply.api.identity.v1.UpdateRoomOperatorRequest;
import org.livecomply.api.identity.v1.Verification;
import org.livecomply.sdk.LiveComplyClient;

class LiveComplyFakesTest {

    private final LiveComplyFakes fakes = LiveComplyFakes.start();

    @AfterEach
    void stop() {
        fakes.close();
    }

    @Test
    void anRpcThatIsNotFakedAnswersUnimplementedNamingTheFake() {
        LiveComplyClient client = fakes.client();

        StatusRuntimeException update = refused(Status.Code.UNIMPLEMENTED,
                () -> client.identity().updateRoomOperator(UpdateRoomOperatorRequest.getDefaultInstance()));
        StatusRuntimeException verifyLog = refused(Status.Code.UNIMPLEMENTED, () -> client.archive().verifyLog(VerifyLogRequest.getDefaultInstance()));
        StatusRuntimeException report = refused(Status.Code.UNIMPLEMENTED, () -> client.identityReports()
                .exportRegulatorReport(ExportRegulatorReportRequest.getDefaultInstance()).hasNext());

        ErrorInfo info = errorInfo(update);
        assertEquals("NOT_FAKED", info.getReason());
        assertEquals("identity.livecomply", info.getDomain());
        assertTrue(update.getStatus().getDescription().contains("UpdateRoomOperator is not implemented by the identity fake"),
                update.getStatus().getDescription());
        assertTrue(verifyLog.getStatus().getDescription().contains("the archive fake"), verifyLog.getStatus().getDescription());
        assertEquals("NOT_FAKED", errorInfo(report).getReason());
    }

    @Test
    void theClientFillsRequestIdsAndWithoutOneTheFakeRefusesTheCallAsTheServiceDoes() {
        Marketer created = fakes.client().identity().createMarketer(CreateMarketerRequest.newBuilder()
                .setMarketer(FakeSupport.marketer(LocalDate.of(1990, 1, 1))).build());
        ManagedChannel raw = FakeSupport.rawChannel(fakes);
        try {
            StatusRuntimeException refused = refused(Status.Code.INVALID_ARGUMENT, () -> IdentityServiceGrpc.newBlockingStub(raw).createMarketer(
                    CreateMarketerRequest.newBuilder().setMarketer(FakeSupport.marketer(LocalDate.of(1990, 1, 1))).build()));
            assertEquals(List.of("request_id"), FakeSupport.badFields(refused));
        } finally {
            raw.shutdownNow();
        }
        assertTrue(created.getName().startsWith("marketers/"));
    }

    @Test
    void recordedByIsTheSubjectOfTheCallersToken() {
        Marketer marketer = fakes.client().identity().createMarketer(CreateMarketerRequest.newBuilder()
                .setMarketer(FakeSupport.marketer(LocalDate.of(1990, 1, 1))).build());
        String token = "eyJhbGciOiJIUzI1NiJ9." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"kyc-service\",\"exp\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".c2ln";
        try (LiveComplyClient kyc = fakes.clientBuilder().token(token).build()) {
            Verification recorded = kyc.identity().recordVerification(RecordVerificationRequest.newBuilder().setParent(marketer.getName())
                    .setVerification(Verification.newBuilder().setMethod(Verification.Method.METHOD_ID_AND_LIVENESS).setProvider("ctid")
                            .setProviderReference("ref").setResult(Verification.Result.RESULT_PASSED)
                            .setVerifyTime(FakeSupport.timestamp(java.time.Instant.now()))).build());
            assertEquals("kyc-service", recorded.getRecordedBy());
        }
    }
}
