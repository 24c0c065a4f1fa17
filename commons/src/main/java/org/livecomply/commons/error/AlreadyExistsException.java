package org.livecomply.commons.error;

import java.util.Map;

/** The resource (or the identity it carries) is already registered: ALREADY_EXISTS. */
public final class AlreadyExistsException extends LiveComplyException {

    public AlreadyExistsException(String reason, String message, Map<String, String> metadata) {
        super(reason, message, metadata);
    }
}
