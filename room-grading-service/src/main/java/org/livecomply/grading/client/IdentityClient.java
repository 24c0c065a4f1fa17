package org.livecomply.grading.client;

import com.google.common.util.concurrent.ListenableFuture;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.livecomply.api.identity.v1.BlacklistEntry;
import org.livecomply.api.identity.v1.CreateBlacklistEntryRequest;
import org.livecomply.api.identity.v1.GetGoLiveFactsRequest;
import org.livecomply.api.identity.v1.GoLiveFacts;
import org.livecomply.api.identity.v1.IdentityServiceGrpc;
import org.livecomply.api.identity.v1.RevokeBlacklistEntryRequest;
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

    /** The gate's identity facts for one session in one call (operator, roster, each marketer). */
    public ListenableFuture<GoLiveFacts> goLiveFacts(String roomOperator, String sessionId, List<String> marketers, Duration deadline) {
        return future(deadline).getGoLiveFacts(GetGoLiveFactsRequest.newBuilder().setRoomOperator(roomOperator).setSessionId(sessionId)
                .addAllMarketers(marketers).build());
    }

    /** Idempotent by the request's request_id; DependencyUnavailableException when identity cannot answer. */
    public BlacklistEntry createBlacklistEntry(CreateBlacklistEntryRequest request) {
        return DependencyCalls.call(DEPENDENCY, () -> clients.stub(DEPENDENCY, IdentityServiceGrpc::newBlockingStub).createBlacklistEntry(request));
    }

    /** Idempotent by the request's request_id; DependencyUnavailableException when identity cannot answer. */
    public BlacklistEntry revokeBlacklistEntry(RevokeBlacklistEntryRequest request) {
        return DependencyCalls.call(DEPENDENCY, () -> clients.stub(DEPENDENCY, IdentityServiceGrpc::newBlockingStub).revokeBlacklistEntry(request));
    }

    private IdentityServiceGrpc.IdentityServiceFutureStub future(Duration deadline) {
        return clients.stub(DEPENDENCY, IdentityServiceGrpc::newFutureStub).withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }
}
