package org.livecomply.grading.client;

import com.google.common.util.concurrent.ListenableFuture;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.livecomply.api.identity.v1.BlacklistEntry;
import org.livecomply.api.identity.v1.CreateBlacklistEntryRequest;
import org.livecomply.api.identity.v1.GetMarketerRequest;
import org.livecomply.api.identity.v1.GetRoomOperatorRequest;
import org.livecomply.api.identity.v1.GetSessionRosterRequest;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.Marketer;
import org.livecomply.api.identity.v1.RoomOperator;
import org.livecomply.api.identity.v1.SessionRoster;
import org.livecomply.commons.client.DependencyCalls;
import org.livecomply.commons.client.ServiceClients;

/** identity-service as room-grading uses it: the gate's questions (asynchronous) and blacklist entries. */
@Singleton
public class IdentityClient {

    public static final String DEPENDENCY = "identity";

    private final ServiceClients clients;

    public IdentityClient(ServiceClients clients) {
        this.clients = clients;
    }

    public ListenableFuture<RoomOperator> roomOperator(String name, Duration deadline) {
        return future(deadline).getRoomOperator(GetRoomOperatorRequest.newBuilder().setName(name).build());
    }

    public ListenableFuture<SessionRoster> sessionRoster(String roomOperator, String sessionId, Duration deadline) {
        return future(deadline).getSessionRoster(GetSessionRosterRequest.newBuilder()
                .setName(roomOperator + "/sessionRosters/" + sessionId).build());
    }

    public ListenableFuture<Marketer> marketer(String name, Duration deadline) {
        return future(deadline).getMarketer(GetMarketerRequest.newBuilder().setName(name).build());
    }

    /** Idempotent by the request's request_id; DependencyUnavailableException when identity cannot answer. */
    public BlacklistEntry createBlacklistEntry(CreateBlacklistEntryRequest request) {
        return DependencyCalls.call(DEPENDENCY, () -> clients.stub(DEPENDENCY, IdentityServiceGrpc::newBlockingStub).createBlacklistEntry(request));
    }

    private IdentityServiceGrpc.IdentityServiceFutureStub future(Duration deadline) {
        return clients.stub(DEPENDENCY, IdentityServiceGrpc::newFutureStub).withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }
}
