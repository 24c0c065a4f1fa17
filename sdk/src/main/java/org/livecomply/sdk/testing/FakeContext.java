package org.livecomply.sdk.testing;

import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the five fakes share: one lock (a call, or a test control, sees and changes all of them at once, as the
 * go-live gate and a complaint's deliveries reach across fakes), the clock and the working-day calendar.
 */
final class FakeContext {

    final Object lock = new Object();
    final Clock clock;
    final WorkingDays workingDays = new WorkingDays();

    FakeContext(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Runs one unary call under the lock and answers with its result; refusals travel to {@link CallGuard}. */
    <T> void answer(StreamObserver<T> response, Supplier<T> call) {
        T result;
        synchronized (lock) {
            result = call.get();
        }
        response.onNext(result);
        response.onCompleted();
    }

    <T> T locked(Supplier<T> work) {
        synchronized (lock) {
            return work.get();
        }
    }

    void locked(Runnable work) {
        synchronized (lock) {
            work.run();
        }
    }
}
