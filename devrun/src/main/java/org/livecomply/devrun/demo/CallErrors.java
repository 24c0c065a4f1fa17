package org.livecomply.devrun.demo;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** A failed call in words: its code, description and error details (reason, bad fields, rule refusals). */
final class CallErrors {

    private CallErrors() {
    }

    static String describe(StatusRuntimeException e) {
        StringBuilder text = new StringBuilder(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return text.toString();
        }
        for (Any detail : status.getDetailsList()) {
            try {
                if (detail.is(ErrorInfo.class)) {
                    text.append(" [").append(detail.unpack(ErrorInfo.class).getReason()).append(']');
                } else if (detail.is(BadRequest.class)) {
                    detail.unpack(BadRequest.class).getFieldViolationsList()
                            .forEach(v -> text.append(" {").append(v.getField()).append(": ").append(v.getDescription()).append('}'));
                } else if (detail.is(PreconditionFailure.class)) {
                    detail.unpack(PreconditionFailure.class).getViolationsList()
                            .forEach(v -> text.append(" {").append(v.getType()).append(' ').append(v.getSubject()).append(": ")
                                    .append(v.getDescription()).append('}'));
                }
            } catch (InvalidProtocolBufferException ignored) {
                // a detail that does not parse adds nothing
            }
        }
        return text.toString();
    }
}
