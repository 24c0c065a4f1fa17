package org.livecomply.commons.grpc;

import com.google.rpc.Code;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.UUID;
import org.livecomply.commons.error.LiveComplyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever an endpoint throws into a status the caller can act on. Domain refusals get their
 * catalogued status; anything unexpected becomes INTERNAL carrying only a correlation id, which is logged
 * with the stack trace, so nothing internal leaks to the caller.
 */
@Singleton
public class ExceptionMappingInterceptor implements ServerInterceptor, Ordered {

    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappingInterceptor.class);

    private final ServiceName serviceName;

    public ExceptionMappingInterceptor(ServiceName serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> delegate;
        try {
            delegate = next.startCall(call, headers);
        } catch (RuntimeException e) {
            closeWith(call, e);
            return new ServerCall.Listener<>() {
            };
        }
        return new SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                guard(call, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                guard(call, super::onHalfClose);
            }

            @Override
            public void onReady() {
                guard(call, super::onReady);
            }
        };
    }

    private void guard(ServerCall<?, ?> call, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            closeWith(call, e);
        }
    }

    private void closeWith(ServerCall<?, ?> call, RuntimeException e) {
        StatusRuntimeException status = toStatus(e, call.getMethodDescriptor().getFullMethodName());
        Metadata trailers = status.getTrailers() == null ? new Metadata() : status.getTrailers();
        try {
            call.close(status.getStatus(), trailers);
        } catch (IllegalStateException alreadyClosed) {
            LOG.debug("call already closed when mapping {}", e.toString());
        }
    }

    /** An exhausted or unreachable connection pool: overload or an outage, retryable, not a defect. */
    private static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    StatusRuntimeException toStatus(RuntimeException e, String method) {
        if (e instanceof LiveComplyException refusal) {
            return ErrorStatuses.of(refusal, serviceName.errorDomain());
        }
        if (e instanceof StatusRuntimeException deliberate) {
            return deliberate;
        }
        if (e.getCause() instanceof StatusException deliberate) {
            return new StatusRuntimeException(deliberate.getStatus(), deliberate.getTrailers());
        }
        if (databaseUnavailable(e)) {
            LOG.warn("{}: the database did not hand out a connection in time: {}", method, e.toString());
            return ErrorStatuses.of(Code.UNAVAILABLE, DATABASE_UNAVAILABLE, "The service's database did not answer in time; retry later",
                    serviceName.errorDomain(), Map.of());
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure in {} (correlation id {})", method, correlationId, e);
        return ErrorStatuses.of(Code.INTERNAL, INTERNAL_ERROR,
                "Internal error; quote correlation id " + correlationId + " when reporting it",
                serviceName.errorDomain(), Map.of("correlation_id", correlationId));
    }
}
