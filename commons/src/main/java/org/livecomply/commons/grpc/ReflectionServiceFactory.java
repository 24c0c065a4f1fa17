package org.livecomply.commons.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** gRPC server reflection v1 (for buf curl / grpcurl), only where {@code livecomply.grpc.reflection.enabled}. */
@Factory
@Requires(property = "livecomply.grpc.reflection.enabled", value = "true")
public class ReflectionServiceFactory {

    @Singleton
    public BindableService reflectionService() {
        return ProtoReflectionServiceV1.newInstance();
    }
}
