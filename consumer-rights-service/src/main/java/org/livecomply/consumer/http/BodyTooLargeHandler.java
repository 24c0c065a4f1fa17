package org.livecomply.consumer.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A body over {@code micronaut.server.max-request-size}: 413 in the caller's language, JSON for the API, HTML for the pages. */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
@Requires(classes = {ContentLengthExceededException.class, ExceptionHandler.class})
public class BodyTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        Lang lang = Lang.of(request, null);
        if (request.getPath().startsWith("/complaints")) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(Pages.plainError(lang, "error.too_large"));
        }
        return PublicErrors.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", lang, "error.too_large");
    }
}
