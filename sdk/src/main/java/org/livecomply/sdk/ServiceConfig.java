package org.livecomply.sdk;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gRPC service config the SDK ships ({@code org/livecomply/sdk/service-config.json}): round-robin
 * over the service's addresses, and retries of UNAVAILABLE (up to 4 attempts, exponential backoff) within
 * the call's deadline. Retrying is safe because every mutating RPC carries a request_id that the SDK fills
 * once, before gRPC's retries resend the same message.
 */
public final class ServiceConfig {

    static final String RESOURCE = "/org/livecomply/sdk/service-config.json";

    private ServiceConfig() {
    }

    /** The shipped config as the map {@code ManagedChannelBuilder.defaultServiceConfig} takes (numbers as doubles). */
    public static Map<String, ?> shipped() {
        try (InputStream in = ServiceConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the SDK jar");
            }
            Struct.Builder config = Struct.newBuilder();
            JsonFormat.parser().merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), config);
            return toMap(config.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, toJava(value)));
        return map;
    }

    private static List<Object> toList(ListValue list) {
        return list.getValuesList().stream().map(ServiceConfig::toJava).toList();
    }

    private static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case STRUCT_VALUE -> toMap(value.getStructValue());
            case LIST_VALUE -> toList(value.getListValue());
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case NULL_VALUE, KIND_NOT_SET -> null;
        };
    }
}
