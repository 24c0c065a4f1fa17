package org.livecomply.sdk;

import io.grpc.ManagedChannel;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/** Closing channels: in-flight calls get a few seconds to finish, then whatever is left is cancelled. */
public final class Channels {

    private Channels() {
    }

    public static void close(Collection<ManagedChannel> channels) {
        channels.forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : channels) {
            try {
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            } catch (InterruptedException e) {
                channel.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
