package org.livecomply.commons.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Unexpected failures become INTERNAL with a correlation id; a database that hands out no connection is UNAVAILABLE, retryable. */
class ExceptionMappingInterceptorTest {

    private final ExceptionMappingInterceptor interceptor = new ExceptionMappingInterceptor(new ServiceName("grading"));

    @Test
    void anExhaustedConnectionPoolIsUnavailableNotAnInternalError() {
        RuntimeException timeout = new RuntimeException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms."));
        StatusRuntimeException status = interceptor.toStatus(timeout, "svc/Method");
        assertEquals(Status.Code.UNAVAILABLE, status.getStatus().getCode());
        assertEquals(ExceptionMappingInterceptor.DATABASE_UNAVAILABLE, errorInfo(status).getReason());
        assertEquals("grading.livecomply", errorInfo(status).getDomain());

        StatusRuntimeException down = interceptor.toStatus(new IllegalStateException(new SQLNonTransientConnectionException("Connection refused")),
                "svc/Method");
        assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode());
    }

    @Test
    void anythingElseUnexpectedIsInternalWithACorrelationId() {
        StatusRuntimeException status = interceptor.toStatus(new IllegalStateException("boom"), "svc/Method");
        assertEquals(Status.Code.INTERNAL, status.getStatus().getCode());
        assertEquals(ExceptionMappingInterceptor.INTERNAL_ERROR, errorInfo(status).getReason());
        assertEquals(36, errorInfo(status).getMetadataOrThrow("correlation_id").length());
    }
}
