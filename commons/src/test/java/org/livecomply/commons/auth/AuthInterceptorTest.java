package org.livecomply.commons.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.DependencyUnavailableException;
import org.livecomply.commons.error.FieldViolation;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.grpc.ExceptionMappingInterceptor;
import org.livecomply.commons.grpc.ServiceName;

/**
 * A real gRPC server (Netty on loopback) with the production interceptors in front of a tiny identity
 * service, called over the wire: what a platform engineer's client actually sees.
 */
class AuthInterceptorTest {

    static final String SECRET = "interceptor-test-secret-0123456789abcdef";
    private static final String DOMAIN = "test.livecomply";
    private static final String SECRET_DETAIL = "jdbc password=hunter2 in table room_operators";

    /** A marshaller for methods whose messages are never sent. */
    static final MethodDescriptor.Marshaller<Object> NOOP = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(Object value) {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public Object parse(InputStream stream) {
            return new Object();
        }
    };

    private static final MethodDescriptor<Empty, Empty> UNDECLARED = MethodDescriptor.<Empty, Empty>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("livecomply.test.v1.Undeclared/DoAnything")
            .setRequestMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
            .build();

    private static Server server;
    private static ManagedChannel channel;

    /** getRoomOperator echoes the caller; createRoomOperator fails as its request_id says. */
    static final class EchoIdentityService extends IdentityServiceGrpc.IdentityServiceImplBase {

        @Override
        public void getRoomOperator(GetRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
            Caller caller = Caller.current();
            response.onNext(RoomOperator.newBuilder()
                    .setName(request.getName())
                    .setLegalName(caller.subject() + " " + String.join(" ", new TreeSet<>(caller.scopes())))
                    .build());
            response.onCompleted();
        }

        @Override
        public void createRoomOperator(CreateRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
            switch (request.getRequestId()) {
                case "invalid" -> throw new InvalidArgumentException(List.of(
                        new FieldViolation("room_operator.uscc", "must be 18 characters"),
                        new FieldViolation("room_operator.legal_name", "is required")));
                case "rule" -> throw new RuleViolationException(List.of(
                        new RuleViolation("MARKETER_UNDER_16", "Art. 10 ¶2", "marketers/7", "The marketer is under 16"),
                        new RuleViolation("REVERIFICATION_OVERDUE", "Art. 8 ¶1", "roomOperators/3", "Re-verification is overdue")));
                case "not-found" -> throw new NotFoundException("ROOM_OPERATOR_NOT_FOUND", "roomOperators/404");
                case "exists" -> throw new AlreadyExistsException("ROOM_OPERATOR_EXISTS", "already registered",
                        java.util.Map.of("existing", "roomOperators/1"));
                case "conflict" -> throw new ConcurrencyConflictException("REQUEST_IN_PROGRESS", "retry later");
                case "dependency" -> throw new DependencyUnavailableException("training-service",
                        new IllegalStateException(SECRET_DETAIL));
                case "deliberate" -> throw Status.RESOURCE_EXHAUSTED.withDescription("slow down").asRuntimeException();
                case "boom" -> throw new IllegalStateException(SECRET_DETAIL);
                default -> {
                    response.onNext(RoomOperator.newBuilder().setName("roomOperators/1").build());
                    response.onCompleted();
                }
            }
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        ServiceName serviceName = new ServiceName("test");
        TokenVerifier verifier = new TokenVerifier(TokenVerifierTest.hs256(SECRET), Clock.systemUTC());
        AuthInterceptor auth = new AuthInterceptor(verifier, serviceName);
        ExceptionMappingInterceptor mapping = new ExceptionMappingInterceptor(serviceName);
        ServerServiceDefinition undeclared = ServerServiceDefinition.builder("livecomply.test.v1.Undeclared")
                .addMethod(UNDECLARED, ServerCalls.asyncUnaryCall((Empty request, StreamObserver<Empty> response) -> {
                    response.onNext(Empty.getDefaultInstance());
                    response.onCompleted();
                }))
                .build();
        // ServerInterceptors.intercept runs the last interceptor first: auth outermost, as its order says
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(ServerInterceptors.intercept(new EchoIdentityService(), mapping, auth))
                .addService(ServerInterceptors.intercept(new HealthStatusManager().getHealthService(), mapping, auth))
                .addService(ServerInterceptors.intercept(undeclared, mapping, auth))
                .build()
                .start();
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.getPort(), InsecureChannelCredentials.create()).build();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String token(String subject, String... scopes) {
        return TokenMinter.mintHs256(SECRET, subject, List.of(scopes), Instant.now(), Duration.ofMinutes(5));
    }

    private static IdentityServiceGrpc.IdentityServiceBlockingStub stub(String authorization) {
        IdentityServiceGrpc.IdentityServiceBlockingStub stub = IdentityServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        if (authorization == null) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(AuthInterceptor.AUTHORIZATION, authorization);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static IdentityServiceGrpc.IdentityServiceBlockingStub withScopes(String... scopes) {
        return stub("Bearer " + token("svc-test", scopes));
    }

    private static final GetRoomOperatorRequest GET = GetRoomOperatorRequest.newBuilder().setName("roomOperators/9").build();

    private static CreateRoomOperatorRequest create(String requestId) {
        return CreateRoomOperatorRequest.newBuilder().setRequestId(requestId).build();
    }

    private static <T extends Message> T detail(com.google.rpc.Status status, Class<T> type) {
        for (Any any : status.getDetailsList()) {
            if (any.is(type)) {
                try {
                    return any.unpack(type);
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + status);
    }

    /** The call's rich status, after checking its code and its ErrorInfo reason and domain. */
    private static com.google.rpc.Status refusal(StatusRuntimeException e, Status.Code code, String reason) {
        assertEquals(code, e.getStatus().getCode(), e.toString());
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertNotNull(status, "no google.rpc.Status details in " + e);
        assertEquals(code.value(), status.getCode());
        ErrorInfo info = detail(status, ErrorInfo.class);
        assertEquals(reason, info.getReason());
        assertEquals(DOMAIN, info.getDomain());
        return status;
    }

    private static StatusRuntimeException fails(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run);
    }

    @Test
    void noTokenIsUnauthenticated() {
        refusal(fails(() -> stub(null).getRoomOperator(GET)), Status.Code.UNAUTHENTICATED, AuthInterceptor.TOKEN_MISSING);
        refusal(fails(() -> stub("Basic dXNlcjpwYXNz").getRoomOperator(GET)), Status.Code.UNAUTHENTICATED, AuthInterceptor.TOKEN_MISSING);
        refusal(fails(() -> stub(token("svc", "identity.read")).getRoomOperator(GET)), // no "Bearer " prefix
                Status.Code.UNAUTHENTICATED, AuthInterceptor.TOKEN_MISSING);
    }

    @Test
    void aBadTokenIsUnauthenticated() {
        refusal(fails(() -> stub("Bearer not-a-jwt").getRoomOperator(GET)), Status.Code.UNAUTHENTICATED, TokenVerifier.TOKEN_INVALID);
        String foreign = TokenMinter.mintHs256("some-other-secret-0123456789abcdef!!", "svc", List.of("identity.read"),
                Instant.now(), Duration.ofMinutes(5));
        refusal(fails(() -> stub("Bearer " + foreign).getRoomOperator(GET)), Status.Code.UNAUTHENTICATED, TokenVerifier.TOKEN_INVALID);
        String expired = TokenMinter.mintHs256(SECRET, "svc", List.of("identity.read"),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        refusal(fails(() -> stub("Bearer " + expired).getRoomOperator(GET)), Status.Code.UNAUTHENTICATED, TokenVerifier.TOKEN_EXPIRED);
    }

    @Test
    void aTokenWithoutTheScopeIsPermissionDenied() {
        StatusRuntimeException e = fails(() -> withScopes("identity.write", "identity.pii.read").getRoomOperator(GET));
        ErrorInfo info = detail(refusal(e, Status.Code.PERMISSION_DENIED, AuthInterceptor.SCOPE_MISSING), ErrorInfo.class);
        assertEquals("identity.read", info.getMetadataOrThrow("required_scope"));

        StatusRuntimeException write = fails(() -> withScopes("identity.read").createRoomOperator(create("ok")));
        assertEquals("identity.write",
                detail(refusal(write, Status.Code.PERMISSION_DENIED, AuthInterceptor.SCOPE_MISSING), ErrorInfo.class)
                        .getMetadataOrThrow("required_scope"));
        // a scope is matched exactly, never by prefix
        refusal(fails(() -> withScopes("identity", "identity.reader", "identity.read.all").getRoomOperator(GET)),
                Status.Code.PERMISSION_DENIED, AuthInterceptor.SCOPE_MISSING);
    }

    @Test
    void theRightScopeGetsThroughAndTheEndpointSeesTheCaller() {
        RoomOperator answer = withScopes("identity.read", "archive.append").getRoomOperator(GET);
        assertEquals("roomOperators/9", answer.getName());
        assertEquals("svc-test archive.append identity.read", answer.getLegalName());
        // the scheme is case-insensitive (RFC 6750 / 7235)
        assertEquals("svc-lower identity.read",
                stub("bearer " + token("svc-lower", "identity.read")).getRoomOperator(GET).getLegalName());
        assertEquals("roomOperators/1", withScopes("identity.write").createRoomOperator(create("ok")).getName());
    }

    @Test
    void callerIsOnlyAvailableInsideAnAuthenticatedCall() {
        assertThrows(IllegalStateException.class, Caller::current);
    }

    @Test
    void healthIsOpenWithoutAToken() {
        HealthCheckResponse response = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().setService("").build());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, response.getStatus());
    }

    @Test
    void anRpcWithoutADeclaredScopeIsRefusedForEveryone() {
        assertTrue(RequiredScopes.of(UNDECLARED).isEmpty());
        for (String authorization : new String[] {null, "Bearer " + token("root", "identity.read", "identity.write", "admin")}) {
            Metadata headers = new Metadata();
            if (authorization != null) {
                headers.put(AuthInterceptor.AUTHORIZATION, authorization);
            }
            io.grpc.Channel withHeaders = io.grpc.ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
            StatusRuntimeException e = fails(() -> ClientCalls.blockingUnaryCall(withHeaders, UNDECLARED,
                    CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), Empty.getDefaultInstance()));
            refusal(e, Status.Code.PERMISSION_DENIED, AuthInterceptor.SCOPE_UNDECLARED);
        }
    }

    @Test
    void invalidArgumentCarriesOneFieldViolationPerBadField() {
        StatusRuntimeException e = fails(() -> withScopes("identity.write").createRoomOperator(create("invalid")));
        com.google.rpc.Status status = refusal(e, Status.Code.INVALID_ARGUMENT, InvalidArgumentException.INVALID_ARGUMENT);
        BadRequest badRequest = detail(status, BadRequest.class);
        assertEquals(2, badRequest.getFieldViolationsCount());
        assertEquals("room_operator.uscc", badRequest.getFieldViolations(0).getField());
        assertEquals("must be 18 characters", badRequest.getFieldViolations(0).getDescription());
        assertEquals("room_operator.legal_name", badRequest.getFieldViolations(1).getField());
        assertTrue(status.getMessage().contains("room_operator.uscc"), status.getMessage());
    }

    @Test
    void ruleRefusalsCarryAPreconditionFailureCitingTheArticle() {
        StatusRuntimeException e = fails(() -> withScopes("identity.write").createRoomOperator(create("rule")));
        com.google.rpc.Status status = refusal(e, Status.Code.FAILED_PRECONDITION, "MARKETER_UNDER_16");
        assertEquals("Art. 10 ¶2", detail(status, ErrorInfo.class).getMetadataOrThrow("article"));
        PreconditionFailure failure = detail(status, PreconditionFailure.class);
        assertEquals(2, failure.getViolationsCount());
        PreconditionFailure.Violation first = failure.getViolations(0);
        assertEquals("MARKETER_UNDER_16", first.getType());
        assertEquals("marketers/7", first.getSubject());
        assertEquals("Art. 10 ¶2: The marketer is under 16", first.getDescription());
        assertEquals("REVERIFICATION_OVERDUE", failure.getViolations(1).getType());
        assertTrue(failure.getViolations(1).getDescription().startsWith("Art. 8 ¶1"), failure.getViolations(1).getDescription());
    }

    @Test
    void otherRefusalsMapToTheirCanonicalCodes() {
        IdentityServiceGrpc.IdentityServiceBlockingStub stub = withScopes("identity.write");
        ErrorInfo notFound = detail(refusal(fails(() -> stub.createRoomOperator(create("not-found"))),
                Status.Code.NOT_FOUND, "ROOM_OPERATOR_NOT_FOUND"), ErrorInfo.class);
        assertEquals("roomOperators/404", notFound.getMetadataOrThrow("resource_name"));
        ErrorInfo exists = detail(refusal(fails(() -> stub.createRoomOperator(create("exists"))),
                Status.Code.ALREADY_EXISTS, "ROOM_OPERATOR_EXISTS"), ErrorInfo.class);
        assertEquals("roomOperators/1", exists.getMetadataOrThrow("existing"));
        refusal(fails(() -> stub.createRoomOperator(create("conflict"))), Status.Code.ABORTED, "REQUEST_IN_PROGRESS");
        StatusRuntimeException unavailable = fails(() -> stub.createRoomOperator(create("dependency")));
        ErrorInfo dependency = detail(refusal(unavailable, Status.Code.UNAVAILABLE,
                DependencyUnavailableException.DEPENDENCY_UNAVAILABLE), ErrorInfo.class);
        assertEquals("training-service", dependency.getMetadataOrThrow("dependency"));
        assertFalse(unavailable.getStatus().getDescription().contains("hunter2"), unavailable.getStatus().getDescription());
    }

    @Test
    void aDeliberateStatusPassesThroughUnchanged() {
        StatusRuntimeException e = fails(() -> withScopes("identity.write").createRoomOperator(create("deliberate")));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
        assertEquals("slow down", e.getStatus().getDescription());
    }

    @Test
    void anUnexpectedFailureIsInternalWithOnlyACorrelationId() {
        StatusRuntimeException e = fails(() -> withScopes("identity.write").createRoomOperator(create("boom")));
        com.google.rpc.Status status = refusal(e, Status.Code.INTERNAL, ExceptionMappingInterceptor.INTERNAL_ERROR);
        String correlationId = detail(status, ErrorInfo.class).getMetadataOrThrow("correlation_id");
        assertTrue(correlationId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), correlationId);
        String description = e.getStatus().getDescription();
        assertTrue(description.contains(correlationId), description);
        assertFalse(description.contains("hunter2") || description.contains("IllegalStateException"), description);
        assertFalse(status.toString().contains("hunter2"), "no detail leaks the exception either");

        // each failure gets its own id
        StatusRuntimeException again = fails(() -> withScopes("identity.write").createRoomOperator(create("boom")));
        Matcher matcher = Pattern.compile("[0-9a-f-]{36}").matcher(again.getStatus().getDescription());
        assertTrue(matcher.find());
        assertFalse(matcher.group().equals(correlationId));
        // and the server keeps serving
        assertEquals("roomOperators/1", withScopes("identity.write").createRoomOperator(create("ok")).getName());
        assertEquals(Optional.of("identity.write"),
                RequiredScopes.of(IdentityServiceGrpc.getCreateRoomOperatorMethod()));
    }
}
