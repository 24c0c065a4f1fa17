package org.livecomply.sdk.testing;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Code;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What every fake endpoint runs inside: the caller's subject (the {@code sub} of the bearer JWT, read but not
 * verified, for {@code recorded_by} fields), refusals thrown by the fake closed as their status (as the
 * services' exception mapping does), anything else INTERNAL, and the RPCs a fake does not implement answered
 * UNIMPLEMENTED with a message naming the fake.
 */
final class CallGuard implements ServerInterceptor {

    /** The subject when the call carries no readable JWT. */
    static final String DEFAULT_SUBJECT = "platform-test";
    static final String NOT_FAKED = "NOT_FAKED";
    private static final Context.Key<String> SUBJECT = Context.key("livecomply-fake-subject");
    private static final Metadata.Key<byte[]> STATUS_DETAILS = Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final String fake;
    private final String domain;

    CallGuard(String fake, String domain) {
        this.fake = fake;
        this.domain = domain;
    }

    /** The subject of the current call's token. */
    static String subject() {
        String subject = SUBJECT.get();
        return subject == null ? DEFAULT_SUBJECT : subject;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        ServerCall<Q, R> renaming = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (status.getCode() == Status.Code.UNIMPLEMENTED && !trailers.containsKey(STATUS_DETAILS)) {
                    StatusRuntimeException named = Refusals.plain(Code.UNIMPLEMENTED, NOT_FAKED,
                            call.getMethodDescriptor().getFullMethodName() + " is not implemented by " + fake
                                    + " (org.livecomply.sdk.testing.LiveComplyFakes); see its documentation for the faked RPCs", domain);
                    super.close(named.getStatus(), named.getTrailers());
                    return;
                }
                super.close(status, trailers);
            }
        };
        Context context = Context.current().withValue(SUBJECT, subjectOf(headers.get(AUTHORIZATION)));
        ServerCall.Listener<Q> delegate;
        try {
            delegate = Contexts.interceptCall(context, renaming, headers, next);
        } catch (RuntimeException e) {
            closeWith(renaming, e);
            return new ServerCall.Listener<>() {
            };
        }
        return new SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                guard(renaming, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                guard(renaming, super::onHalfClose);
            }

            @Override
            public void onReady() {
                guard(renaming, super::onReady);
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
        StatusRuntimeException status = e instanceof StatusRuntimeException deliberate ? deliberate
                : Refusals.plain(Code.INTERNAL, "INTERNAL_ERROR", fake + " failed: " + e, domain);
        try {
            call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
        } catch (IllegalStateException alreadyClosed) {
            // the call ended meanwhile
        }
    }

    /** The {@code sub} claim of a bearer JWT, without checking its signature (a fake trusts its test). */
    static String subjectOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return DEFAULT_SUBJECT;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length < 2) {
            return DEFAULT_SUBJECT;
        }
        try {
            Struct.Builder claims = Struct.newBuilder();
            JsonFormat.parser().ignoringUnknownFields().merge(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), claims);
            Value sub = claims.getFieldsMap().get("sub");
            return sub != null && sub.hasStringValue() && !sub.getStringValue().isBlank() ? sub.getStringValue() : DEFAULT_SUBJECT;
        } catch (IllegalArgumentException | com.google.protobuf.InvalidProtocolBufferException e) {
            return DEFAULT_SUBJECT;
        }
    }
}
