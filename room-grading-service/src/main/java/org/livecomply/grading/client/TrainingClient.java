package org.livecomply.grading.client;

import com.google.common.util.concurrent.ListenableFuture;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesRequest;
import org.livecomply.api.training.v1.BatchGetTrainingStatusesResponse;
import org.livecomply.api.training.v1.TrainingServiceGrpc;
import org.livecomply.commons.client.ServiceClients;

/** training-service as the go-live gate uses it: the training statuses of a session's marketers now (Art. 10 ¶1). */
@Singleton
public class TrainingClient {

    public static final String DEPENDENCY = "training";

    private final ServiceClients clients;

    public TrainingClient(ServiceClients clients) {
        this.clients = clients;
    }

    /** The training statuses of a session's marketers in one call, in the order asked. */
    public ListenableFuture<BatchGetTrainingStatusesResponse> statuses(List<String> marketers, Duration deadline) {
        return clients.stub(DEPENDENCY, TrainingServiceGrpc::newFutureStub).withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
                .batchGetTrainingStatuses(BatchGetTrainingStatusesRequest.newBuilder().addAllSubjects(marketers).build());
    }
}
