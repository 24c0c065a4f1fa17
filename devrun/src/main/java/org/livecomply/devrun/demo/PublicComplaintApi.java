package org.livecomply.devrun.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a consumer's browser or app does with consumer-rights' public JSON intake (Art. 20; ECL Art. 59):
 * file a complaint, then read its status with the secret key the filing returned. No token: it is public.
 */
final class PublicComplaintApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PublicComplaintApi(String base) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
    }

    /** The answer to a filing: the complaint number, the consumer's status key and the published deadlines. */
    record Filed(URI url, int status, String number, String statusToken, String state, JsonNode deadlines) {
    }

    Filed file(String category, String description, String orderId, String contact, String remedy) {
        ObjectNode body = JSON.createObjectNode().put("category", category).put("description", description).put("order_id", orderId)
                .put("contact", contact).put("requested_remedy", remedy);
        URI url = base.resolve("api/v1/complaints");
        HttpResponse<String> response = send(HttpRequest.newBuilder(url).header("Content-Type", "application/json; charset=utf-8")
                .header("Accept-Language", "zh-CN").POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
        DemoFailure.expect(response.statusCode() == 201, "POST " + url + " answered " + response.statusCode() + ": " + response.body());
        JsonNode filed = parse(response);
        return new Filed(url, response.statusCode(), filed.path("number").asText(), filed.path("statusToken").asText(),
                filed.path("state").asText(), filed.path("deadlines"));
    }

    /** The consumer's view of the complaint (state, timeline), read with the status key. */
    JsonNode status(String number, String statusToken) {
        URI url = base.resolve("api/v1/complaints/" + URLEncoder.encode(number, StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(url).header("X-Complaint-Token", statusToken).GET());
        DemoFailure.expect(response.statusCode() == 200, "GET " + url + " answered " + response.statusCode() + ": " + response.body());
        return parse(response);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DemoFailure("consumer-rights' public endpoint " + base + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted", e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new DemoFailure("not JSON: " + response.body(), e);
        }
    }
}
