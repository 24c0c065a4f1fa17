package org.livecomply.commons.error;

import java.util.Map;

/**
 * This replica is already doing as much of this work as it may: UNAVAILABLE, retryable (the SDK retries with
 * backoff, on another replica where there is one). Shedding a request at once beats queueing it past its deadline.
 */
public final class OverloadedException extends LiveComplyException {

    public OverloadedException(String reason, String message, Map<String, String> metadata) {
        super(reason, message, metadata);
    }
}
