package org.livecomply.commons.grpc;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The short name of the running service ({@code livecomply.service-name}), e.g. "identity". */
@Singleton
public class ServiceName {

    private final String name;

    public ServiceName(@Value("${livecomply.service-name}") String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The ErrorInfo domain of this service's errors, e.g. "identity.livecomply". */
    public String errorDomain() {
        return ErrorStatuses.domain(name);
    }
}
