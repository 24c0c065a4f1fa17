package org.livecomply.commons.error;

import java.util.Map;

/** The named resource does not exist: NOT_FOUND. */
public final class NotFoundException extends LiveComplyException {

    public NotFoundException(String reason, String resourceName) {
        super(reason, resourceName + " not found", Map.of("resource_name", resourceName));
    }
}
