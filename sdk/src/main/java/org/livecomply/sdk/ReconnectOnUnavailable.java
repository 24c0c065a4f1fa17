package org.livecomply.sdk;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends a channel's reconnect backoff when a call fails UNAVAILABLE, so the next call connects at once. gRPC
 * waits up to two minutes between attempts to reach a server that was down; without this, calls kept failing
 * that long after the service came back, far beyond what the shipped retry policy (under a second) covers.
 */
public final class ReconnectOnUnavailable implements ClientInterceptor {

    private final AtomicReference<ManagedChannel> channel;

    private ReconnectOnUnavailable(AtomicReference<ManagedChannel> channel) {
        this.channel = channel;
    }

    /** Builds {@code builder}'s channel with this interceptor on it. */
    public static ManagedChannel build(ManagedChannelBuilder<?> builder) {
        AtomicReference<ManagedChannel> self = new AtomicReference<>();
        ManagedChannel channel = builder.intercept(new ReconnectOnUnavailable(self)).build();
        self.set(channel);
        return channel;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                super.start(new SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        ManagedChannel own = channel.get();
                        if (status.getCode() == Status.Code.UNAVAILABLE && own != null) {
                            own.resetConnectBackoff();
                        }
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }
}
