package org.livecomply.sdk;

/** The five services of a LiveComply deployment, with the ports the chart and the dev run give them. */
public enum LiveComplyService {
    IDENTITY(50051),
    ARCHIVE(50052),
    TRAINING(50053),
    ROOM_GRADING(50054),
    CONSUMER_RIGHTS(50055);

    private final int defaultPort;

    LiveComplyService(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The gRPC port of the service in the dev run and the Helm chart. */
    public int defaultPort() {
        return defaultPort;
    }
}
