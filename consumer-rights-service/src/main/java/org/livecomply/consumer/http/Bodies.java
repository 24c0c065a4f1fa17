package org.livecomply.consumer.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.livecomply.commons.error.Violations;

/**
 * Strict readers of the public request bodies: a flat JSON object of string (or null) values, or an
 * application/x-www-form-urlencoded form, both UTF-8. Anything else, a repeated key or a value that is not
 * a string is a violation naming the field (or {@code body}); nothing throws past here.
 */
public final class Bodies {

    public static final int MAX_BYTES = 16 * 1024;
    public static final int MAX_FIELDS = 20;
    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(MAX_BYTES).build())
            .build();

    private Bodies() {
    }

    /** The object's fields; violations on {@code body} or the field for anything malformed. */
    public static Map<String, String> json(byte[] body, Violations violations) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(utf8(body))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                violations.add("body", "the body must be a JSON object");
                return fields;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (fields.size() >= MAX_FIELDS) {
                    violations.add("body", "the body has too many fields");
                    return fields;
                }
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else if (value == JsonToken.VALUE_NULL) {
                    fields.put(name, "");
                } else {
                    violations.add(name, name + " must be a string");
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                violations.add("body", "the body must hold one JSON object and nothing after it");
            }
        } catch (IOException e) {
            violations.add("body", "the body is not valid JSON");
        }
        return fields;
    }

    /** The form's fields; a repeated field or bad encoding is a violation. */
    public static Map<String, String> form(byte[] body, Violations violations) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text;
        try {
            text = utf8(body);
        } catch (IOException e) {
            violations.add("body", "the body is not UTF-8");
            return fields;
        }
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (fields.size() >= MAX_FIELDS || fields.put(name, value) != null) {
                    violations.add("body", "the form repeats a field or has too many");
                    return fields;
                }
            } catch (IllegalArgumentException e) {
                violations.add("body", "the form is not properly encoded");
                return fields;
            }
        }
        return fields;
    }

    private static String utf8(byte[] body) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    }
}
