package org.livecomply.commons.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.LinkedHashMap;
import java.util.Map;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.DependencyUnavailableException;
import org.livecomply.commons.error.FieldViolation;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.error.LiveComplyException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.OverloadedException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;

/**
 * The one mapping from refusals to {@code google.rpc.Status}: canonical code, an {@link ErrorInfo} always
 * (reason, domain {@code <service>.livecomply}, metadata), a {@link BadRequest} for INVALID_ARGUMENT and a
 * {@link PreconditionFailure} citing the article for rule refusals.
 */
public final class ErrorStatuses {

    /*
     * The status travels in the trailers, base64-encoded, and clients refuse trailers beyond 8 KiB
     * (grpc-java's default) with a PROTOCOL_ERROR that hides the answer. A request with hundreds of bad
     * records must still get its INVALID_ARGUMENT: the first violations that fit are sent, and ErrorInfo
     * says how many there were.
     */
    static final int DETAIL_BUDGET_BYTES = 3_072;
    static final int MESSAGE_CHARS = 512;
    private static final int TEXT_CHARS = 256;

    private ErrorStatuses() {
    }

    public static String domain(String serviceName) {
        return serviceName + ".livecomply";
    }

    public static StatusRuntimeException of(LiveComplyException e, String domain) {
        Map<String, String> metadata = new LinkedHashMap<>(e.metadata());
        Any detail = null;
        if (e instanceof InvalidArgumentException invalid) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            int included = 0;
            for (FieldViolation violation : invalid.violations()) {
                BadRequest.FieldViolation item = BadRequest.FieldViolation.newBuilder()
                        .setField(clip(violation.field())).setDescription(clip(violation.description())).build();
                if (badRequest.build().getSerializedSize() + item.getSerializedSize() > DETAIL_BUDGET_BYTES) {
                    break;
                }
                badRequest.addFieldViolations(item);
                included++;
            }
            noteTruncation(metadata, included, invalid.violations().size());
            detail = Any.pack(badRequest.build());
        } else if (e instanceof RuleViolationException rules) {
            PreconditionFailure.Builder failure = PreconditionFailure.newBuilder();
            int included = 0;
            for (RuleViolation violation : rules.violations()) {
                PreconditionFailure.Violation item = PreconditionFailure.Violation.newBuilder()
                        .setType(violation.reason())
                        .setSubject(clip(violation.subject()))
                        .setDescription(clip(violation.article() + ": " + violation.description())).build();
                if (failure.build().getSerializedSize() + item.getSerializedSize() > DETAIL_BUDGET_BYTES) {
                    break;
                }
                failure.addViolations(item);
                included++;
            }
            noteTruncation(metadata, included, rules.violations().size());
            detail = Any.pack(failure.build());
        }
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(codeOf(e).getNumber())
                .setMessage(clip(e.getMessage(), MESSAGE_CHARS))
                .addDetails(Any.pack(errorInfo(e.reason(), domain, metadata)));
        if (detail != null) {
            status.addDetails(detail);
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    private static void noteTruncation(Map<String, String> metadata, int included, int total) {
        if (included < total) {
            metadata.put("violations_total", Integer.toString(total));
            metadata.put("violations_included", Integer.toString(included));
        }
    }

    private static String clip(String text) {
        return clip(text, TEXT_CHARS);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
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
        } else if (e instanceof DependencyUnavailableException || e instanceof OverloadedException) {
            return Code.UNAVAILABLE;
        }
        throw new IllegalStateException("no status code mapped for " + e.getClass().getName());
    }
}
