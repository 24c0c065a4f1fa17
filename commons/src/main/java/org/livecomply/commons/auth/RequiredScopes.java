package org.livecomply.commons.auth;

import com.google.protobuf.Descriptors;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.Optional;
import org.livecomply.api.auth.v1.AnnotationsProto;

/** Reads the scope an RPC declares in its contract ({@code option (livecomply.auth.v1.required_scope)}). */
public final class RequiredScopes {

    private RequiredScopes() {
    }

    public static Optional<String> of(MethodDescriptor<?, ?> method) {
        if (method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier) {
            return of(supplier.getMethodDescriptor());
        }
        return Optional.empty();
    }

    public static Optional<String> of(Descriptors.MethodDescriptor method) {
        String scope = method.getOptions().getExtension(AnnotationsProto.requiredScope);
        return scope == null || scope.isBlank() ? Optional.empty() : Optional.of(scope);
    }
}
