package org.livecomply.commons.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.DependencyUnavailableException;
import org.livecomply.commons.error.FieldViolation;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.error.LiveComplyException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;

/**
 * The one mapping from refusals to {@code google.rpc.Status}: canonical code, an {@link ErrorInfo} always
 * (reason, domain {@code <service>.livecomply}, metadata), a {@link BadRequest} for INVALID_ARGUMENT and a
 * {@link PreconditionFailure} citing the article for rule refusals.
 */
public final class ErrorStatuses {

    private ErrorStatuses() {
    }

    public static String domain(String serviceName) {
        return serviceName + ".livecomply";
    }

    public static StatusRuntimeException of(LiveComplyException e, String domain) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(codeOf(e).getNumber())
                .setMessage(e.getMessage())
                .addDetails(Any.pack(errorInfo(e.reason(), domain, e.metadata())));
        if (e instanceof InvalidArgumentException invalid) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            for (FieldViolation violation : invalid.violations()) {
                badRequest.addFieldViolationsBuilder().setField(violation.field()).setDescription(violation.description());
            }
            status.addDetails(Any.pack(badRequest.build()));
        } else if (e instanceof RuleViolationException rules) {
            PreconditionFailure.Builder failure = PreconditionFailure.newBuilder();
            for (RuleViolation violation : rules.violations()) {
                failure.addViolationsBuilder()
                        .setType(violation.reason())
                        .setSubject(violation.subject())
                        .setDescription(violation.article() + ": " + violation.description());
            }
            status.addDetails(Any.pack(failure.build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** A refusal that is not a domain exception (authentication, authorisation, internal errors). */
    public static StatusRuntimeException of(Code code, String reason, String message, String domain, Map<String, String> metadata) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(Any.pack(errorInfo(reason, domain, metadata)))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    private static ErrorInfo errorInfo(String reason, String domain, Map<String, String> metadata) {
        return ErrorInfo.newBuilder().setReason(reason).setDomain(domain).putAllMetadata(metadata).build();
    }

    private static Code codeOf(LiveComplyException e) {
        if (e instanceof InvalidArgumentException) {
            return Code.INVALID_ARGUMENT;
        } else if (e instanceof NotFoundException) {
            return Code.NOT_FOUND;
        } else if (e instanceof AlreadyExistsException) {
            return Code.ALREADY_EXISTS;
        } else if (e instanceof RuleViolationException) {
            return Code.FAILED_PRECONDITION;
        } else if (e instanceof ConcurrencyConflictException) {
            return Code.ABORTED;
        } else if (e instanceof DependencyUnavailableException) {
            return Code.UNAVAILABLE;
        }
        throw new IllegalStateException("no status code mapped for " + e.getClass().getName());
    }
}
