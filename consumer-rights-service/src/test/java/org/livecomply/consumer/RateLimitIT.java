package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-client rate limiting of the public endpoints (a token bucket of 3, one more per minute): the client
 * over its limit gets 429 with Retry-After, not a 500; others are not affected; X-Forwarded-For counts only
 * from the configured proxy.
 */
@MicronautTest(environments = "test")
class RateLimitIT extends ConsumerApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("livecomply.consumer.http.rate-limit.capacity", "3",
                "livecomply.consumer.http.rate-limit.refill-per-minute", "1",
                "livecomply.consumer.http.trusted-proxies[0]", "127.0.0.5");
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersAreServed() throws Exception {
        String policy = baseUrl() + "/api/v1/complaint-policy";
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(policy).statusCode());
        }
        HttpResponse<String> limited = Http.get(policy);
        assertEquals(429, limited.statusCode());
        assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(limited.body().contains("\"reason\":\"RATE_LIMITED\""), limited.body());
        assertTrue(limited.body().contains("请求过于频繁"), limited.body());
        assertEquals(429, Http.get(baseUrl() + "/complaints/new?lang=en").statusCode(), "the pages share the limit");
        assertEquals(200, Http.get(baseUrl() + "/health").statusCode(), "management is not limited");

        // A forged X-Forwarded-For from an untrusted peer does not buy a fresh bucket.
        int port = httpServer.getPort();
        assertEquals(429, Http.fromAddress("127.0.0.1", port, "/api/v1/complaint-policy", Map.of("X-Forwarded-For", "203.0.113.9")));
        assertEquals(200, Http.fromAddress("127.0.0.2", port, "/api/v1/complaint-policy", Map.of()), "another client has its own bucket");
        // Behind the trusted proxy, each forwarded client has its own bucket.
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.fromAddress("127.0.0.5", port, "/api/v1/complaint-policy", Map.of("X-Forwarded-For", "198.51.100.7")));
        }
        assertEquals(429, Http.fromAddress("127.0.0.5", port, "/api/v1/complaint-policy", Map.of("X-Forwarded-For", "198.51.100.7")));
        assertEquals(200, Http.fromAddress("127.0.0.5", port, "/api/v1/complaint-policy", Map.of("X-Forwarded-For", "198.51.100.8")));

        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, Http.get(policy).statusCode(), "a minute refills one token");
        assertEquals(429, Http.get(policy).statusCode());
    }
}
