package org.livecomply.consumer.client;

import jakarta.inject.Singleton;
import org.livecomply.api.grading.v1.RecordVerifiedComplaintRequest;
import org.livecomply.api.grading.v1.RoomGradingServiceGrpc;
import org.livecomply.api.grading.v1.VerifiedComplaint;
import org.livecomply.commons.client.DependencyCalls;
import org.livecomply.commons.client.ServiceClients;

/** room-grading-service as consumer-rights uses it (scope grading.write for RecordVerifiedComplaint). */
@Singleton
public class GradingClient {

    public static final String DEPENDENCY = "grading";

    private final ServiceClients clients;

    public GradingClient(ServiceClients clients) {
        this.clients = clients;
    }

    /** Art. 20 ¶3; idempotent on the complaint id in room-grading. */
    public VerifiedComplaint recordVerifiedComplaint(RecordVerifiedComplaintRequest request) {
        return DependencyCalls.call(DEPENDENCY, () -> clients.stub(DEPENDENCY, RoomGradingServiceGrpc::newBlockingStub)
                .recordVerifiedComplaint(request));
    }
}
