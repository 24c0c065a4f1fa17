package org.livecomply.grading.client;

import com.google.common.util.concurrent.ListenableFuture;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.TrainingServiceGrpc;
import org.livecomply.api.training.v1.TrainingStatus;
import org.livecomply.commons.client.ServiceClients;

/** training-service as the go-live gate uses it: a marketer's training status now (Art. 10 ¶1). */
@Singleton
public class TrainingClient {

    public static final String DEPENDENCY = "training";

    private final ServiceClients clients;

    public TrainingClient(ServiceClients clients) {
        this.clients = clients;
    }

    public ListenableFuture<TrainingStatus> status(String marketer, Duration deadline) {
        return clients.stub(DEPENDENCY, TrainingServiceGrpc::newFutureStub).withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
                .getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject(marketer).build());
    }
}
