package org.livecomply.commons.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livecomply.commons.error.FieldViolation;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.error.LiveComplyException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;

/** Refusals reach a real gRPC client intact, however many violations they carry. */
class ErrorStatusesTest {

    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void hundredsOfFieldViolationsStillArriveAsInvalidArgument() throws Exception {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            violations.add(new FieldViolation("records[" + i + "].artefacts",
                    "records[" + i + "].artefacts must include a KIND_PRODUCT_PAGE_SNAPSHOT for EVENT_ORDER_PLACED (Art. 16)"));
        }

        com.google.rpc.Status status = refusal(() -> new InvalidArgumentException("INVALID_ARGUMENT", violations));

        assertEquals(Status.Code.INVALID_ARGUMENT.value(), status.getCode());
        BadRequest badRequest = status.getDetails(1).unpack(BadRequest.class);
        int included = badRequest.getFieldViolationsCount();
        assertTrue(included > 10 && included < 600, "included " + included);
        assertEquals("records[0].artefacts", badRequest.getFieldViolations(0).getField());
        ErrorInfo info = status.getDetails(0).unpack(ErrorInfo.class);
        assertEquals("600", info.getMetadataOrThrow("violations_total"));
        assertEquals(Integer.toString(included), info.getMetadataOrThrow("violations_included"));
        assertTrue(status.getMessage().startsWith("Invalid request (600 problems, the first 5 here): records[0]"), status.getMessage());
        assertTrue(status.getMessage().length() <= ErrorStatuses.MESSAGE_CHARS);
    }

    @Test
    void aFewViolationsAreSentInFullWithoutTruncationNotes() throws Exception {
        com.google.rpc.Status status = refusal(() -> InvalidArgumentException.of("name", "name is required"));

        assertEquals(1, status.getDetails(1).unpack(BadRequest.class).getFieldViolationsCount());
        assertTrue(status.getDetails(0).unpack(ErrorInfo.class).getMetadataMap().isEmpty());
    }

    @Test
    void longRuleRefusalListsAreBoundedToo() throws Exception {
        List<RuleViolation> violations = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            violations.add(new RuleViolation("MARKETER_NOT_VERIFIED", "Art. 8 ¶3", "marketers/" + i + "-0000-0000-0000-000000000000",
                    "the marketer's identity has not been verified; verify it before the session"));
        }

        com.google.rpc.Status status = refusal(() -> new RuleViolationException(violations));

        assertEquals(Status.Code.FAILED_PRECONDITION.value(), status.getCode());
        PreconditionFailure failure = status.getDetails(1).unpack(PreconditionFailure.class);
        assertTrue(failure.getViolationsCount() > 5 && failure.getViolationsCount() < 400);
        assertEquals("400", status.getDetails(0).unpack(ErrorInfo.class).getMetadataOrThrow("violations_total"));
    }

    private com.google.rpc.Status refusal(Supplier<LiveComplyException> refusal) throws Exception {
        HealthGrpc.HealthImplBase refusing = new HealthGrpc.HealthImplBase() {
            @Override
            public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> response) {
                response.onError(ErrorStatuses.of(refusal.get(), "test.livecomply"));
            }
        };
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(refusing).build().start();
        channel = Grpc.newChannelBuilder("127.0.0.1:" + server.getPort(), InsecureChannelCredentials.create()).build();
        try {
            HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
            throw new AssertionError("the call should have been refused");
        } catch (StatusRuntimeException e) {
            return StatusProto.fromThrowable(e);
        }
    }
}
