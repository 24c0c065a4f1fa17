package org.livecomply.consumer.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.Violations;
import org.livecomply.consumer.domain.Channel;
import org.livecomply.consumer.domain.ComplaintPolicy;
import org.livecomply.consumer.domain.NewComplaint;
import org.livecomply.consumer.service.ComplaintService;

/**
 * The consumers' JSON intake (Art. 20; ECL Art. 59): file a complaint, read its status with the secret
 * returned at filing (header {@value #TOKEN_HEADER}), read the published policy. Bad input is 400 with
 * every bad field described in the caller's language; nothing is stored then.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ComplaintApiController {

    public static final String TOKEN_HEADER = "X-Complaint-Token";

    private final ComplaintService complaints;
    private final ComplaintPolicy policy;

    public ComplaintApiController(ComplaintService complaints, ComplaintPolicy policy) {
        this.complaints = complaints;
        this.policy = policy;
    }

    @Post(uri = "/complaints", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> file(HttpRequest<?> request, @Body @Nullable byte[] body) {
        Lang lang = Lang.of(request, null);
        if (!isJson(request)) {
            return PublicErrors.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", lang, "error.content_type");
        }
        if (body != null && body.length > Bodies.MAX_BYTES) {
            return PublicErrors.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", lang, "error.too_large");
        }
        Violations violations = new Violations();
        var fields = Bodies.json(body == null ? new byte[0] : body, violations);
        NewComplaint complaint = violations.isEmpty() ? PublicComplaints.from(fields, Channel.HTTP_API, Set.of(), violations) : null;
        if (!violations.isEmpty()) {
            return PublicErrors.invalid(lang, violations.list());
        }
        ComplaintService.Filed filed = complaints.fileFromPublic(complaint);
        String number = filed.complaint().number();
        String statusUrl = "/complaints/" + number + "?token=" + URLEncoder.encode(filed.statusToken(), StandardCharsets.UTF_8);
        return HttpResponse.created(new JsonViews.Filed(number, filed.statusToken(), statusUrl, filed.complaint().state().name(),
                filed.complaint().createTime().toString(), JsonViews.deadlines(filed.complaint())));
    }

    @Get(uri = "/complaints/{number}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> status(HttpRequest<?> request, @PathVariable String number, @Header(TOKEN_HEADER) @Nullable String token) {
        Lang lang = Lang.of(request, null);
        if (token == null || token.isBlank()) {
            return PublicErrors.invalid(lang, new Violations().add(TOKEN_HEADER, TOKEN_HEADER + " is required").list());
        }
        try {
            ComplaintService.ConsumerView view = complaints.getWithToken(number, token);
            return HttpResponse.ok(JsonViews.status(view.complaint(), view.timeline()));
        } catch (NotFoundException e) {
            return PublicErrors.of(HttpStatus.NOT_FOUND, "COMPLAINT_NOT_FOUND", lang, "error.not_found");
        }
    }

    @Get(uri = "/complaint-policy", produces = MediaType.APPLICATION_JSON)
    public JsonViews.Policy policy(HttpRequest<?> request) {
        return JsonViews.policy(policy, Lang.of(request, null));
    }

    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.getName().equals(MediaType.APPLICATION_JSON)
                && type.getParameters().get("charset").map(c -> c.equalsIgnoreCase("utf-8")).orElse(true)).orElse(false);
    }
}
