package org.livecomply.commons.error;

import java.util.Map;

/** A service this one depends on did not answer in time: UNAVAILABLE, retryable. */
public final class DependencyUnavailableException extends LiveComplyException {

    public static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(DEPENDENCY_UNAVAILABLE, dependency + " is unavailable", Map.of("dependency", dependency));
        initCause(cause);
    }
}
