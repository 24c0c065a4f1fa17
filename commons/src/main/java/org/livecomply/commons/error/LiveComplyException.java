package org.livecomply.commons.error;

import java.util.Map;

/**
 * A refusal the caller can act on: a stable UPPER_SNAKE_CASE reason from docs/api-errors.md plus metadata.
 * Plain Java so domain code can throw it; the gRPC layer maps each subclass to its status code.
 */
public abstract class LiveComplyException extends RuntimeException {

    private final String reason;
    private final Map<String, String> metadata;

    protected LiveComplyException(String reason, String message, Map<String, String> metadata) {
        super(message);
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
    }

    public String reason() {
        return reason;
    }

    public Map<String, String> metadata() {
        return metadata;
    }
}
