package org.livecomply.grading.client;

import jakarta.inject.Singleton;
import org.livecomply.api.consumer.v1.ConsumerRightsServiceGrpc;
import org.livecomply.api.consumer.v1.ReceiveRoomDisposalRequest;
import org.livecomply.api.consumer.v1.ReceiveRoomDisposalResponse;
import org.livecomply.commons.client.DependencyCalls;
import org.livecomply.commons.client.ServiceClients;

/**
 * consumer-rights-service as the outbox reaches it (Art. 23): the hand-off of a suspended or closed room's open
 * orders. Never called synchronously from a request: room-grading → consumer-rights runs against the DAG, so
 * only the outbox delivers it, retrying until consumer-rights has it.
 */
@Singleton
public class ConsumerRightsClient {

    public static final String DEPENDENCY = "consumer";

    private final ServiceClients clients;

    public ConsumerRightsClient(ServiceClients clients) {
        this.clients = clients;
    }

    public ReceiveRoomDisposalResponse receiveRoomDisposal(ReceiveRoomDisposalRequest request) {
        return DependencyCalls.call(DEPENDENCY,
                () -> clients.stub(DEPENDENCY, ConsumerRightsServiceGrpc::newBlockingStub).receiveRoomDisposal(request));
    }
}
