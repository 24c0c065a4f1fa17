package org.livecomply.commons.idempotency;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.util.HexFormat;
import org.livecomply.commons.config.IntegrityKeys;

/**
 * What a mutating request asked, as a keyed hash of its deterministic proto encoding without its
 * request_id. Keyed (not a bare SHA-256) because requests carry personal data such as ID numbers,
 * whose small space a bare hash would not protect.
 */
@Singleton
public class RequestFingerprints {

    private final IntegrityKeys keys;

    public RequestFingerprints(IntegrityKeys keys) {
        this.keys = keys;
    }

    public String of(Message request) {
        Message.Builder builder = request.toBuilder();
        FieldDescriptor requestId = request.getDescriptorForType().findFieldByName("request_id");
        if (requestId != null) {
            builder.clearField(requestId);
        }
        byte[] bytes = toDeterministicBytes(builder.build());
        return HexFormat.of().formatHex(keys.mac("request-fingerprint").doFinal(bytes));
    }

    private static byte[] toDeterministicBytes(Message message) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(message.getSerializedSize());
            com.google.protobuf.CodedOutputStream coded = com.google.protobuf.CodedOutputStream.newInstance(out);
            coded.useDeterministicSerialization();
            message.writeTo(coded);
            coded.flush();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("in-memory serialization failed", e);
        }
    }
}
