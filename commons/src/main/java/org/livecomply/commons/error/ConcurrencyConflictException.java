package org.livecomply.commons.error;

import java.util.Map;

/** Another request holds the same resource or request id right now; retrying later is safe: ABORTED. */
public final class ConcurrencyConflictException extends LiveComplyException {

    public ConcurrencyConflictException(String reason, String message) {
        super(reason, message, Map.of());
    }
}
