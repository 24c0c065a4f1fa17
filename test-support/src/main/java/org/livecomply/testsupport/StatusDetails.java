package org.livecomply.testsupport;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Optional;

/** Reads the google.rpc details a LiveComply error carries, for assertions. */
public final class StatusDetails {

    private StatusDetails() {
    }

    public static ErrorInfo errorInfo(StatusRuntimeException e) {
        return detail(e, ErrorInfo.class).orElseThrow(() -> new AssertionError("no ErrorInfo in " + e.getStatus()));
    }

    /** The fields named by the BadRequest detail, in order. */
    public static List<String> badFields(StatusRuntimeException e) {
        return detail(e, BadRequest.class).orElseThrow(() -> new AssertionError("no BadRequest in " + e.getStatus()))
                .getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList();
    }

    public static PreconditionFailure preconditionFailure(StatusRuntimeException e) {
        return detail(e, PreconditionFailure.class).orElseThrow(() -> new AssertionError("no PreconditionFailure in " + e.getStatus()));
    }

    public static <T extends Message> Optional<T> detail(StatusRuntimeException e, Class<T> type) {
        Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return Optional.empty();
        }
        for (Any any : status.getDetailsList()) {
            if (any.is(type)) {
                try {
                    return Optional.of(any.unpack(type));
                } catch (InvalidProtocolBufferException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        return Optional.empty();
    }
}
