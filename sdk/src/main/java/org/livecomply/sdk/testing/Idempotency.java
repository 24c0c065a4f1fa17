package org.livecomply.sdk.testing;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A mutating call at most once per (operation, request_id), as the services do it: a retry of the same request
 * answers with the first result, read again by reference (so it shows the resource as it is now); the same
 * request_id with another request is INVALID_ARGUMENT {@code REQUEST_ID_REUSED}. A refused call leaves no
 * key behind (the services roll the key back with the change), so the fakes check everything before they change anything.
 */
final class Idempotency {

    private record Seen(byte[] fingerprint, String reference) {
    }

    private final Map<String, Seen> seen = new HashMap<>();

    <T> T once(String domain, String operation, String requestId, Message request, Supplier<T> action,
               Function<T, String> reference, Function<String, T> replay) {
        String key = operation + ":" + requestId;
        byte[] fingerprint = fingerprint(request);
        Seen first = seen.get(key);
        if (first != null) {
            if (!MessageDigest.isEqual(first.fingerprint(), fingerprint)) {
                throw Refusals.invalid(domain, Refusals.REQUEST_ID_REUSED, "request_id",
                        "request_id " + requestId + " was already used for a different " + operation + " request");
            }
            return replay.apply(first.reference());
        }
        T result = action.get();
        seen.put(key, new Seen(fingerprint, reference.apply(result)));
        return result;
    }

    /** What the request asked: SHA-256 of its deterministic encoding without request_id. */
    static byte[] fingerprint(Message request) {
        Message.Builder builder = request.toBuilder();
        FieldDescriptor requestId = request.getDescriptorForType().findFieldByName("request_id");
        if (requestId != null) {
            builder.clearField(requestId);
        }
        return Protos.sha256(Protos.deterministic(builder.build()));
    }
}
