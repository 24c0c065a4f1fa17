package org.livecomply.consumer.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.livecomply.commons.error.FieldViolation;

/** The public API's error bodies: a reason code, a message in the caller's language, and one entry per bad field. */
public final class PublicErrors {

    private PublicErrors() {
    }

    /** {@code {"error": {...}}}. */
    @Serdeable
    public record Body(Error error) {
    }

    /** What went wrong. {@code detail} of a field is the precise English rule, for developers. */
    @Serdeable
    public record Error(int status, String reason, String message, @Nullable List<Field> violations, @Nullable String correlationId) {
    }

    /** One bad field. */
    @Serdeable
    public record Field(String field, String description, String detail) {
    }

    public static MutableHttpResponse<Body> of(HttpStatus status, String reason, Lang lang, String messageKey) {
        return HttpResponse.<Body>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new Body(new Error(status.getCode(), reason, Messages.get(lang, messageKey), null, null)));
    }

    /** 400 INVALID_ARGUMENT naming every bad field, each described in {@code lang}. */
    public static MutableHttpResponse<Body> invalid(Lang lang, List<FieldViolation> violations) {
        List<Field> fields = violations.stream()
                .map(v -> new Field(v.field(), Messages.get(lang, fieldKey(v.field(), v.description())), v.description())).toList();
        return HttpResponse.<Body>status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new Body(new Error(400, "INVALID_ARGUMENT", Messages.get(lang, "error.invalid"), fields, null)));
    }

    /** The message key of a field's error: its own, or one for its kind of problem. */
    static String fieldKey(String field, String description) {
        if (description.startsWith("unknown field")) {
            return "error.unknown_field";
        }
        if (description.endsWith("must be a string")) {
            return "error.not_string";
        }
        String key = "error." + field;
        return Messages.all(Lang.EN).containsKey(key) ? key : "error.invalid";
    }
}
