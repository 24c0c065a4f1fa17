package org.livecomply.sdk;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.MethodDescriptor;

/**
 * Gives every outgoing request that has an empty {@code request_id} a fresh one. It sits above gRPC's
 * own retries, which resend the same message, so a transparent retry keeps the id and stays idempotent.
 */
public final class RequestIdInterceptor implements ClientInterceptor {

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void sendMessage(Q message) {
                super.sendMessage(RequestIds.fill(message));
            }
        };
    }
}
