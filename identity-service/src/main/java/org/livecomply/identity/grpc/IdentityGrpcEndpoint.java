package org.livecomply.identity.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.livecomply.api.identity.v1.CreateRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.ListRoomOperatorsRequest;
import org.livecomply.api.identity.v1.ListRoomOperatorsResponse;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.idempotency.RequestFingerprints;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.identity.domain.NewRoomOperator;
import org.livecomply.identity.domain.RoomOperatorQuery;
import org.livecomply.identity.service.RoomOperatorService;

/** The IdentityService gRPC API: checks and translates requests, nothing else. */
@Singleton
public class IdentityGrpcEndpoint extends IdentityServiceGrpc.IdentityServiceImplBase {

    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ROOM_OPERATOR_NAME = Pattern.compile(
            "roomOperators/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final RoomOperatorService roomOperators;
    private final RequestFingerprints fingerprints;

    public IdentityGrpcEndpoint(RoomOperatorService roomOperators, RequestFingerprints fingerprints) {
        this.roomOperators = roomOperators;
        this.fingerprints = fingerprints;
    }

    @Override
    public void createRoomOperator(CreateRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
        Violations violations = requestId(request.getRequestId());
        violations.when(!request.hasRoomOperator(), "room_operator", "room_operator is required");
        NewRoomOperator operator = RoomOperatorMapper.fromProto(request.getRoomOperator(), violations);
        if (request.hasRoomOperator()) {
            operator.check(violations, roomOperators.today());
        }
        violations.throwIfAny();
        reply(response, RoomOperatorMapper.toProto(
                roomOperators.register(request.getRequestId(), fingerprints.of(request), operator)));
    }

    @Override
    public void getRoomOperator(GetRoomOperatorRequest request, StreamObserver<RoomOperator> response) {
        new Violations().text("name", request.getName(), 1, 100)
                .matches("name", request.getName(), ROOM_OPERATOR_NAME, "roomOperators/{uuid}")
                .throwIfAny();
        String id = request.getName().substring("roomOperators/".length());
        reply(response, RoomOperatorMapper.toProto(roomOperators.get(id)));
    }

    @Override
    public void listRoomOperators(ListRoomOperatorsRequest request, StreamObserver<ListRoomOperatorsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        RoomOperatorQuery query = new RoomOperatorQuery(
                RoomOperatorMapper.stateFilter(request.getState(), "state", violations),
                RoomOperatorMapper.kind(request.getKind(), "kind", violations));
        violations.throwIfAny();
        PagedResult<org.livecomply.identity.domain.RoomOperator> page =
                roomOperators.list(query, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListRoomOperatorsResponse.Builder reply = ListRoomOperatorsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(operator -> reply.addRoomOperators(RoomOperatorMapper.toProto(operator)));
        reply(response, reply.build());
    }

    private static Violations requestId(String requestId) {
        return new Violations().text("request_id", requestId, 1, 64)
                .matches("request_id", requestId, REQUEST_ID, "1..64 of [A-Za-z0-9_-]");
    }

    private static <T> void reply(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }
}
