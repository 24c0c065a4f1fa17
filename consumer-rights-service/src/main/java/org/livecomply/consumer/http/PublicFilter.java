package org.livecomply.consumer.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;

/**
 * In front of every public path (ARCHITECTURE "Public HTTP intake"): a per-client rate limit answering 429
 * with Retry-After (in the caller's language, JSON for the API, HTML for the pages), and response headers
 * that keep the pages from being framed, sniffed, cached or leaking the status key in a Referer to another
 * site. (Not no-referrer: Chrome then sends {@code Origin: null} with the form, which a same-origin check
 * must refuse.)
 */
@ServerFilter({"/api/v1/complaints", "/api/v1/complaints/**", "/api/v1/complaint-policy", "/complaints", "/complaints/**", "/complaint-policy"})
public class PublicFilter {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final RateLimiter limiter;
    private final ClientAddresses clients;

    public PublicFilter(RateLimiter limiter, ClientAddresses clients) {
        this.limiter = limiter;
        this.clients = clients;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        Duration wait = limiter.acquire(clients.of(request));
        if (wait.isZero()) {
            return null;
        }
        String retryAfter = Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
        Lang lang = Lang.of(request, null);
        if (request.getPath().startsWith("/api/")) {
            return PublicErrors.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", lang, "error.rate_limited").header("Retry-After", retryAfter);
        }
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", retryAfter).contentType(MediaType.TEXT_HTML_TYPE)
                .body(Pages.plainError(lang, "error.rate_limited"));
    }

    @ResponseFilter
    public void headers(MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", CSP);
    }
}
