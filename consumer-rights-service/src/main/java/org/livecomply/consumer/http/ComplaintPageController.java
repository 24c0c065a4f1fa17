package org.livecomply.consumer.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.error.FieldViolation;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.Violations;
import org.livecomply.consumer.domain.Category;
import org.livecomply.consumer.domain.ClockReading;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintEvent;
import org.livecomply.consumer.domain.ComplaintPolicy;
import org.livecomply.consumer.domain.NewComplaint;
import org.livecomply.consumer.domain.Remedy;
import org.livecomply.consumer.service.ComplaintService;

/**
 * The consumers' web form and status page, server-rendered (no JavaScript), Chinese by default with an
 * English switch ({@code ?lang=en}); errors are shown next to their fields in the page's language. After
 * filing, the browser is sent to the status page (Post/Redirect/Get), so a reload never files twice.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ComplaintPageController {

    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingDayCalendar.CHINA);

    private final ComplaintService complaints;
    private final ComplaintPolicy policy;
    private final CsrfTokens csrf;
    private final HttpConfiguration configuration;

    public ComplaintPageController(ComplaintService complaints, ComplaintPolicy policy, CsrfTokens csrf, HttpConfiguration configuration) {
        this.complaints = complaints;
        this.policy = policy;
        this.csrf = csrf;
        this.configuration = configuration;
    }

    @Get(uri = "/complaints", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> index(HttpRequest<?> request) {
        return HttpResponse.seeOther(URI.create("/complaints/new?lang=" + Lang.of(request, null).code()));
    }

    @Get(uri = "/complaints/new", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request) {
        Lang lang = Lang.of(request, null);
        return formPage(request, lang, HttpStatus.OK, Map.of(), Map.of());
    }

    @Post(uri = "/complaints/new", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> submit(HttpRequest<?> request, @Body @Nullable byte[] body) {
        Violations violations = new Violations();
        boolean form = request.getContentType().map(t -> t.getName().equals(MediaType.APPLICATION_FORM_URLENCODED)).orElse(false);
        Map<String, String> fields = form ? Bodies.form(body == null ? new byte[0] : body, violations) : Map.of();
        Lang lang = Lang.of(request, fields.get("lang"));
        if (!form) {
            return HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(Pages.plainError(lang, "error.content_type"));
        }
        if (!violations.isEmpty()) {
            return formPage(request, lang, HttpStatus.BAD_REQUEST, fields, Map.of("body", Messages.get(lang, "error.body")));
        }
        String cookie = request.getCookies().findCookie(CsrfTokens.COOKIE).map(Cookie::getValue).orElse(null);
        if (!csrf.valid(cookie, fields.get(CsrfTokens.FIELD))) {
            return formPage(request, lang, HttpStatus.FORBIDDEN, fields, Map.of("csrf", Messages.get(lang, "error.csrf")));
        }
        NewComplaint complaint = PublicComplaints.from(fields, org.livecomply.consumer.domain.Channel.WEB_FORM, Set.of(CsrfTokens.FIELD, "lang"),
                violations);
        if (!violations.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation violation : violations.list()) {
                errors.putIfAbsent(PublicComplaints.FIELDS.contains(violation.field()) ? violation.field() : "body",
                        Messages.get(lang, PublicErrors.fieldKey(violation.field(), violation.description())));
            }
            return formPage(request, lang, HttpStatus.BAD_REQUEST, fields, errors);
        }
        ComplaintService.Filed filed = complaints.fileFromPublic(complaint);
        return HttpResponse.seeOther(URI.create(statusPath(filed.complaint().number(), filed.statusToken(), lang) + "&filed=1"));
    }

    @Get(uri = "/complaints/{number}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> status(HttpRequest<?> request, @PathVariable String number, @QueryValue @Nullable String token,
                                  @QueryValue @Nullable String filed) {
        Lang lang = Lang.of(request, null);
        ComplaintService.ConsumerView view;
        try {
            view = complaints.getWithToken(number, token == null ? "" : token);
        } catch (NotFoundException e) {
            Map<String, Object> model = Pages.model(lang, "/complaint-policy");
            model.put("message", Messages.get(lang, "error.not_found"));
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("page-error", model));
        }
        Complaint complaint = view.complaint();
        Map<String, Object> model = Pages.model(lang, "/complaints/" + complaint.number());
        model.put("switchUrl", statusPath(complaint.number(), token, lang.other()) + ("1".equals(filed) ? "&filed=1" : ""));
        model.put("number", complaint.number());
        model.put("token", "1".equals(filed) ? token : null);
        model.put("state", Messages.get(lang, "state." + complaint.state().name()));
        model.put("category", Messages.get(lang, "category." + complaint.category().name()));
        model.put("filedAt", CHINA_TIME.format(complaint.createTime()));
        model.put("outcome", !complaint.resolution().isEmpty() ? complaint.resolution() : complaint.rejectionReason());
        List<Map<String, String>> deadlines = new ArrayList<>();
        for (ClockReading clock : complaint.clocks()) {
            deadlines.add(Map.of("label", Messages.get(lang, "clock." + clock.kind().name()), "due", CHINA_TIME.format(clock.deadline()),
                    "state", Messages.get(lang, "clockstate." + clock.state().name())));
        }
        model.put("deadlines", deadlines);
        List<Map<String, String>> timeline = new ArrayList<>();
        for (ComplaintEvent event : view.timeline()) {
            if (JsonViews.PUBLIC_EVENTS.contains(event.kind())) {
                timeline.add(Map.of("time", CHINA_TIME.format(event.occurTime()), "what", Messages.get(lang, "event." + event.kind().name())));
            }
        }
        model.put("timeline", timeline);
        return HttpResponse.ok(new ModelAndView<>("complaint-status", model));
    }

    @Get(uri = "/complaint-policy", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> policy(HttpRequest<?> request) {
        Lang lang = Lang.of(request, null);
        Map<String, Object> model = Pages.model(lang, "/complaint-policy");
        addPolicy(model, lang);
        return HttpResponse.ok(new ModelAndView<>("complaint-policy", model));
    }

    private MutableHttpResponse<?> formPage(HttpRequest<?> request, Lang lang, HttpStatus status, Map<String, String> values,
                                           Map<String, String> errors) {
        String cookie = request.getCookies().findCookie(CsrfTokens.COOKIE).map(Cookie::getValue).filter(CsrfTokens::isCookieValue)
                .orElseGet(csrf::newCookieValue);
        Map<String, Object> model = Pages.model(lang, "/complaints/new");
        Map<String, String> shown = new HashMap<>();
        for (String field : PublicComplaints.FIELDS) {
            shown.put(field, values.getOrDefault(field, ""));
        }
        model.put("values", shown);
        model.put("errors", errors);
        model.put("csrf", csrf.field(cookie));
        List<Map<String, String>> categories = new ArrayList<>();
        for (Category category : Category.values()) {
            if (category.fileable()) {
                categories.add(Map.of("value", category.name(), "label", Messages.get(lang, "category." + category.name())));
            }
        }
        model.put("categories", categories);
        List<Map<String, String>> remedies = new ArrayList<>();
        for (Remedy remedy : Remedy.values()) {
            remedies.add(Map.of("value", remedy.name(), "label", Messages.get(lang, "remedy." + remedy.name())));
        }
        model.put("remedies", remedies);
        addPolicy(model, lang);
        Cookie csrfCookie = Cookie.of(CsrfTokens.COOKIE, cookie).httpOnly(true).path("/").sameSite(SameSite.Strict)
                .secure(configuration.isSecureCookies()).maxAge(CsrfTokens.VALIDITY.multipliedBy(12));
        return HttpResponse.status(status).cookie(csrfCookie).body(new ModelAndView<>("complaint-form", model));
    }

    private void addPolicy(Map<String, Object> model, Lang lang) {
        model.put("ackDays", policy.deadlines().acknowledgeDays());
        model.put("responseDays", policy.deadlines().firstResponseDays());
        model.put("resolveDays", policy.deadlines().resolveDays());
        model.put("process", lang == Lang.ZH ? ComplaintPolicy.PROCESS_ZH : ComplaintPolicy.PROCESS_EN);
        model.put("routes", lang == Lang.ZH ? ComplaintPolicy.DISPUTE_ROUTES_ZH : ComplaintPolicy.DISPUTE_ROUTES_EN);
        model.put("odr", lang == Lang.ZH ? ComplaintPolicy.ONLINE_DISPUTE_RESOLUTION_ZH : ComplaintPolicy.ONLINE_DISPUTE_RESOLUTION_EN);
    }

    private static String statusPath(String number, String token, Lang lang) {
        return "/complaints/" + number + "?token=" + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8) + "&lang=" + lang.code();
    }
}
