package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public intake over HTTP (ARCHITECTURE "Public HTTP intake"; Art. 20): JSON filing and status with the
 * secret, bad input of every kind as 400 with field errors in the caller's language and nothing stored,
 * wrong content type 415, oversized bodies 413, never a stack trace; the form without JavaScript with CSRF.
 */
@MicronautTest(environments = "test")
class PublicIntakeIT extends ConsumerApiTest {

    private static final String VALID = """
            {"category":"QUALITY","description":"收到的杯子是坏的","order_id":"order-1001","contact":"zhang@example.cn","requested_remedy":"REFUND"}""";

    @Inject
    JsonMapper json;

    private JsonNode parse(HttpResponse<String> response) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().toString());
        return json.readValue(response.body(), JsonNode.class);
    }

    private List<String> fields(JsonNode body) {
        List<String> fields = new ArrayList<>();
        body.get("error").get("violations").values().forEach(v -> fields.add(v.get("field").getStringValue()));
        return fields;
    }

    @Test
    void aConsumerFilesOverJsonAndReadsTheStatusOnlyWithTheSecret() throws Exception {
        HttpResponse<String> filed = Http.postJson(baseUrl() + "/api/v1/complaints", VALID);
        assertEquals(201, filed.statusCode(), filed.body());
        JsonNode body = parse(filed);
        String number = body.get("number").getStringValue();
        String token = body.get("statusToken").getStringValue();
        assertTrue(number.startsWith("C20261129-"), number);
        assertEquals("RECEIVED", body.get("state").getStringValue());
        assertEquals(3, body.get("deadlines").size());
        assertEquals("HTTP_API", text("SELECT channel FROM complaints WHERE number = '" + number + "'"));
        assertFalse(text("SELECT contact_cipher FROM complaints WHERE number = '" + number + "'").contains("example.cn"), "contact encrypted at rest");
        assertFalse(text("SELECT token_hash FROM complaints WHERE number = '" + number + "'").contains(token), "only the token's hash is stored");

        HttpResponse<String> status = Http.get(baseUrl() + "/api/v1/complaints/" + number, "X-Complaint-Token", token);
        assertEquals(200, status.statusCode(), status.body());
        JsonNode view = parse(status);
        assertEquals("RECEIVED", view.get("state").getStringValue());
        assertEquals("FILED", view.get("timeline").get(0).get("kind").getStringValue());
        assertFalse(status.body().contains("zhang"), "the status view shows no contact");

        HttpResponse<String> wrong = Http.get(baseUrl() + "/api/v1/complaints/" + number, "X-Complaint-Token", token.substring(1) + "A");
        assertEquals(404, wrong.statusCode());
        assertEquals("未找到该投诉，或查询密钥不正确。", parse(wrong).get("error").get("message").getStringValue());
        HttpResponse<String> english = Http.get(baseUrl() + "/api/v1/complaints/" + number + "?lang=en", "X-Complaint-Token", "nope");
        assertEquals("No such complaint, or the status key is wrong.", parse(english).get("error").get("message").getStringValue());
        HttpResponse<String> none = Http.get(baseUrl() + "/api/v1/complaints/" + number);
        assertEquals(400, none.statusCode());
        assertEquals(List.of("X-Complaint-Token"), fields(parse(none)));
        assertEquals(404, Http.get(baseUrl() + "/api/v1/complaints/not-a-number", "X-Complaint-Token", token).statusCode());
    }

    @Test
    void badJsonOfEveryKindIsA400NamingTheFieldInTheCallersLanguageAndStoresNothing() throws Exception {
        String before = text("SELECT COUNT(*) FROM complaints");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"category\":", "body");
        bad.put("[]", "body");
        bad.put("", "body");
        bad.put("{\"category\":\"QUALITY\",\"description\":\"x\"} {}", "body");
        bad.put("{\"category\":\"QUALITY\",\"category\":\"PRICE\",\"description\":\"x\"}", "body");
        bad.put("{\"category\":\"QUALITY\",\"description\":{\"text\":\"x\"}}", "description");
        bad.put("{\"category\":\"QUALITY\",\"description\":42}", "description");
        bad.put("{\"category\":\"QUALITY\",\"description\":\"x\",\"room_operator\":\"roomOperators/1\"}", "room_operator");
        bad.put("{\"category\":\"BANANAS\",\"description\":\"x\"}", "category");
        bad.put("{\"category\":\"AFTER_SALES_HANDOFF\",\"description\":\"x\"}", "category");
        bad.put("{\"description\":\"x\"}", "category");
        bad.put("{\"category\":\"QUALITY\"}", "description");
        bad.put("{\"category\":\"QUALITY\",\"description\":\"" + "长".repeat(2001) + "\"}", "description");
        bad.put("{\"category\":\"QUALITY\",\"description\":\"a\\u0000b\"}", "description");
        bad.put("{\"category\":\"QUALITY\",\"description\":\"x\",\"order_id\":\"<script>\"}", "order_id");
        bad.put("{\"category\":\"QUALITY\",\"description\":\"x\",\"contact\":\"12345\"}", "contact");
        bad.put("{\"category\":\"QUALITY\",\"description\":\"x\",\"requested_remedy\":\"EVERYTHING\"}", "requested_remedy");
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            HttpResponse<String> response = Http.postJson(baseUrl() + "/api/v1/complaints", entry.getKey());
            assertEquals(400, response.statusCode(), entry.getKey() + " -> " + response.body());
            JsonNode body = parse(response);
            assertEquals("INVALID_ARGUMENT", body.get("error").get("reason").getStringValue());
            assertTrue(fields(body).contains(entry.getValue()), entry.getKey() + " -> " + fields(body));
            assertFalse(response.body().contains("Exception") || response.body().contains("at org."), "no stack trace: " + response.body());
        }
        HttpResponse<String> notUtf8 = Http.post(baseUrl() + "/api/v1/complaints", "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        assertEquals(400, notUtf8.statusCode());
        HttpResponse<String> english = Http.postJson(baseUrl() + "/api/v1/complaints?lang=en", "{\"category\":\"QUALITY\"}");
        assertEquals("Describe what happened (1–2000 characters, no control characters).",
                parse(english).get("error").get("violations").get(0).get("description").getStringValue());
        HttpResponse<String> chinese = Http.postJson(baseUrl() + "/api/v1/complaints", "{\"category\":\"QUALITY\"}", "Accept-Language", "zh-CN,zh;q=0.9");
        assertEquals("请填写投诉内容（1–2000 字，不含控制字符）。", parse(chinese).get("error").get("violations").get(0).get("description").getStringValue());
        assertEquals(before, text("SELECT COUNT(*) FROM complaints"));
    }

    @Test
    void aWrongContentTypeIs415AndAnOversizedBodyIs413WithAJsonError() throws Exception {
        HttpResponse<String> plain = Http.post(baseUrl() + "/api/v1/complaints", "text/plain", VALID.getBytes(StandardCharsets.UTF_8));
        assertEquals(415, plain.statusCode());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", parse(plain).get("error").get("reason").getStringValue());
        String big = "{\"category\":\"QUALITY\",\"description\":\"" + "x".repeat(20_000) + "\"}";
        HttpResponse<String> large = Http.postJson(baseUrl() + "/api/v1/complaints", big);
        assertEquals(413, large.statusCode());
        assertEquals("BODY_TOO_LARGE", parse(large).get("error").get("reason").getStringValue());
        String huge = "{\"category\":\"QUALITY\",\"description\":\"" + "x".repeat(200_000) + "\"}";
        HttpResponse<String> hugeResponse = Http.postJson(baseUrl() + "/api/v1/complaints", huge);
        assertEquals(413, hugeResponse.statusCode());
        assertEquals("BODY_TOO_LARGE", parse(hugeResponse).get("error").get("reason").getStringValue());
    }

    @Test
    void theFormFilesWithItsCsrfTokenAndShowsErrorsInThePagesLanguage() throws Exception {
        HttpResponse<String> page = Http.get(baseUrl() + "/complaints/new");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("提交消费投诉"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertTrue(cookie.startsWith("lc_csrf="), cookie);
        String csrf = hidden(page.body(), "csrf");

        HttpResponse<String> forged = postForm(Map.of("category", "QUALITY", "description", "坏了", "csrf", "1.forged"), cookie);
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("表单已过期"), forged.body());
        HttpResponse<String> noCookie = postForm(Map.of("category", "QUALITY", "description", "坏了", "csrf", csrf), null);
        assertEquals(403, noCookie.statusCode());

        HttpResponse<String> invalid = postForm(Map.of("category", "", "description", "", "contact", "abc", "csrf", csrf, "lang", "zh"), cookie);
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("请选择投诉类型。"), invalid.body());
        assertTrue(invalid.body().contains("请填写 11 位手机号或有效的电子邮箱。"));
        assertTrue(invalid.body().contains("value=\"abc\""), "what was typed is kept");
        HttpResponse<String> escaped = postForm(Map.of("category", "QUALITY", "description", "", "order_id", "<script>alert(1)</script>",
                "csrf", csrf, "lang", "en"), cookie);
        assertEquals(400, escaped.statusCode());
        assertFalse(escaped.body().contains("<script>alert(1)</script>"), "typed text is escaped");
        assertTrue(escaped.body().contains("Describe what happened"), "errors in the page's language");

        HttpResponse<String> filed = postForm(Map.of("category", "DELIVERY", "description", "快递三周未到\r\n请处理", "csrf", csrf, "lang", "en"), cookie,
                "Origin", baseUrl());
        assertEquals(303, filed.statusCode(), filed.body());
        String location = filed.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/complaints/C20261129-[A-Z0-9]{6}\\?token=[A-Za-z0-9_-]{43}&lang=en&filed=1"), location);
        HttpResponse<String> status = Http.get(baseUrl() + location);
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("Received") && status.body().contains("Delivery"), status.body());
        String number = location.substring("/complaints/".length(), location.indexOf('?'));
        assertEquals("WEB_FORM", text("SELECT channel FROM complaints WHERE number = '" + number + "'"));
        assertEquals("快递三周未到\n请处理", text("SELECT description FROM complaints WHERE number = '" + number + "'"));
        assertEquals(404, Http.get(baseUrl() + "/complaints/" + number + "?token=wrong").statusCode());
    }

    @Test
    void thePolicyIsPublishedOverHttpAndOnThePage() throws Exception {
        JsonNode policy = parse(Http.get(baseUrl() + "/api/v1/complaint-policy?lang=en"));
        assertEquals(1, policy.get("acknowledgeWorkingDays").getIntValue());
        assertEquals(7, policy.get("resolveWorkingDays").getIntValue());
        assertTrue(policy.get("process").get(0).getStringValue().startsWith("File"));
        HttpResponse<String> page = Http.get(baseUrl() + "/complaint-policy");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("处理时限") && page.body().contains("向人民法院提起诉讼"));
    }

    private HttpResponse<String> postForm(Map<String, String> fields, String cookie, String... headers) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return cookie == null ? Http.post(baseUrl() + "/complaints/new", "application/x-www-form-urlencoded", bytes)
                : Http.post(baseUrl() + "/complaints/new", "application/x-www-form-urlencoded", bytes,
                        java.util.stream.Stream.concat(java.util.stream.Stream.of("Cookie", cookie), java.util.Arrays.stream(headers)).toArray(String[]::new));
    }

    static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(matcher.find(), "no hidden " + name);
        return matcher.group(1);
    }
}
