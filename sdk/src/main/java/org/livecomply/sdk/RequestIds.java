package org.livecomply.sdk;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.UUID;

/** Request ids for mutating calls: a retry must reuse the id so the server can answer it idempotently. */
public final class RequestIds {

    public static final String FIELD = "request_id";

    private RequestIds() {
    }

    /** A fresh id, a random UUID (36 characters of [0-9a-f-], valid on every LiveComply RPC). */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** {@code message} with a fresh request_id if it has such a field and it is empty; otherwise unchanged. */
    @SuppressWarnings("unchecked")
    public static <T> T fill(T message) {
        if (!(message instanceof Message proto)) {
            return message;
        }
        FieldDescriptor field = proto.getDescriptorForType().findFieldByName(FIELD);
        if (field == null || field.getType() != FieldDescriptor.Type.STRING || field.isRepeated()
                || !((String) proto.getField(field)).isEmpty()) {
            return message;
        }
        return (T) proto.toBuilder().setField(field, newId()).build();
    }
}
