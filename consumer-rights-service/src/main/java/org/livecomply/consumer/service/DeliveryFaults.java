package org.livecomply.consumer.service;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Set;
import org.livecomply.consumer.outbox.DeliveryRefusedException;

/** Which answers of a receiver end an outbox event for good: it says the request itself is wrong. */
final class DeliveryFaults {

    private static final Set<Status.Code> FINAL = EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
            Status.Code.ALREADY_EXISTS, Status.Code.FAILED_PRECONDITION, Status.Code.OUT_OF_RANGE);

    private DeliveryFaults() {
    }

    /** Rethrows a final refusal as {@link DeliveryRefusedException}; anything else as it is (retried). */
    static RuntimeException classify(RuntimeException e) {
        if (e instanceof StatusRuntimeException status && FINAL.contains(status.getStatus().getCode())) {
            return new DeliveryRefusedException(status.getStatus().getCode() + ": " + status.getStatus().getDescription(), e);
        }
        return e;
    }
}
