package org.livecomply.commons.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.livecomply.commons.error.DependencyUnavailableException;

/**
 * Calls another service and tells the caller's caller the truth: when the dependency cannot answer
 * (down, slow, misconfigured credentials, its own fault) the result is {@link DependencyUnavailableException}
 * (UNAVAILABLE, {@code DEPENDENCY_UNAVAILABLE}, retryable); an answer about the request itself (NOT_FOUND,
 * INVALID_ARGUMENT, FAILED_PRECONDITION, ...) is rethrown for the caller to interpret.
 */
public final class DependencyCalls {

    private static final Set<Status.Code> DEPENDENCY_FAULTS = EnumSet.of(
            Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.UNAUTHENTICATED,
            Status.Code.PERMISSION_DENIED, Status.Code.INTERNAL, Status.Code.UNKNOWN,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.UNIMPLEMENTED, Status.Code.CANCELLED,
            Status.Code.DATA_LOSS);

    private DependencyCalls() {
    }

    public static <T> T call(String dependency, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw translate(dependency, e);
        }
    }

    /** The same translation for a failure of an asynchronous call (a future's cause). */
    public static RuntimeException translate(String dependency, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StatusRuntimeException status && !isDependencyFault(status.getStatus().getCode())) {
            return status;
        }
        if (cause instanceof DependencyUnavailableException unavailable) {
            return unavailable;
        }
        return new DependencyUnavailableException(dependency, cause);
    }

    public static boolean isDependencyFault(Status.Code code) {
        return DEPENDENCY_FAULTS.contains(code);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof io.grpc.StatusException checked) {
            return checked.getStatus().asRuntimeException(checked.getTrailers());
        }
        return cause;
    }
}
