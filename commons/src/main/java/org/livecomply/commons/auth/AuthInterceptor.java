package org.livecomply.commons.auth;

import com.google.rpc.Code;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.livecomply.commons.grpc.ErrorStatuses;
import org.livecomply.commons.grpc.ServiceName;

/**
 * Authenticates every call ({@code authorization: Bearer <JWT>}) and authorises it against the scope the
 * RPC declares in its contract. Fails closed: an RPC of ours without a declared scope is refused for
 * everyone. Only the standard health and reflection services are open.
 */
@Singleton
public class AuthInterceptor implements ServerInterceptor, Ordered {

    public static final String TOKEN_MISSING = "TOKEN_MISSING";
    public static final String SCOPE_MISSING = "SCOPE_MISSING";
    public static final String SCOPE_UNDECLARED = "SCOPE_UNDECLARED";
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> OPEN_SERVICES = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");
    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;
    private final ServiceName serviceName;

    public AuthInterceptor(TokenVerifier verifier, ServiceName serviceName) {
        this.verifier = verifier;
        this.serviceName = serviceName;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        Optional<String> requiredScope = RequiredScopes.of(call.getMethodDescriptor());
        if (requiredScope.isEmpty()) {
            return refuse(call, Code.PERMISSION_DENIED, SCOPE_UNDECLARED,
                    "This RPC declares no required scope and is refused for every caller", Map.of());
        }
        String header = headers.get(AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(call, Code.UNAUTHENTICATED, TOKEN_MISSING,
                    "Missing 'authorization: Bearer <token>' metadata", Map.of());
        }
        Caller caller;
        try {
            caller = verifier.verify(header.substring(BEARER.length()).trim());
        } catch (AuthenticationException e) {
            return refuse(call, Code.UNAUTHENTICATED, e.reason(), e.getMessage(), Map.of());
        }
        if (!caller.hasScope(requiredScope.get())) {
            return refuse(call, Code.PERMISSION_DENIED, SCOPE_MISSING,
                    "The token does not grant scope " + requiredScope.get(), Map.of("required_scope", requiredScope.get()));
        }
        Context context = Context.current().withValue(Caller.CONTEXT_KEY, caller);
        return Contexts.interceptCall(context, call, headers, next);
    }

    private <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Code code, String reason, String message, Map<String, String> metadata) {
        StatusRuntimeException status = ErrorStatuses.of(code, reason, message, serviceName.errorDomain(), metadata);
        call.close(status.getStatus(), status.getTrailers());
        return new ServerCall.Listener<>() {
        };
    }
}
