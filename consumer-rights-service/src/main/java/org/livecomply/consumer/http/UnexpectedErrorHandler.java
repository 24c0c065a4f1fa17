package org.livecomply.consumer.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any failure no more specific handler answers: 500 with a correlation id only (logged with the stack
 * trace), in the caller's language; never the exception's message or trace.
 */
@Singleton
@Produces
@Requires(classes = {Exception.class, ExceptionHandler.class})
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        String correlationId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure in {} {} (correlation id {})", request.getMethodName(), request.getPath(), correlationId, exception);
        Lang lang = Lang.of(request, null);
        if (request.getPath().startsWith("/api/") || !request.getPath().startsWith("/complaint")) {
            return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new PublicErrors.Body(new PublicErrors.Error(500, "INTERNAL_ERROR", Messages.get(lang, "error.internal"), null, correlationId)));
        }
        return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.TEXT_HTML_TYPE)
                .body(Pages.plainError(lang, "error.internal"));
    }
}
