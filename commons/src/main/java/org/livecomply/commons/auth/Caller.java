package org.livecomply.commons.auth;

import io.grpc.Context;
import java.util.Set;

/** The authenticated caller of the current RPC: the token's subject and the scopes it grants. */
public record Caller(String subject, Set<String> scopes) {

    static final Context.Key<Caller> CONTEXT_KEY = Context.key("livecomply-caller");

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The caller of the RPC being served on this thread; the auth interceptor guarantees there is one. */
    public static Caller current() {
        Caller caller = CONTEXT_KEY.get();
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller in this gRPC context");
        }
        return caller;
    }
}
