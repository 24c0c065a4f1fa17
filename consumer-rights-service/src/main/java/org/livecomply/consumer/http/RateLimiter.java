package org.livecomply.consumer.http;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client address: a burst of {@code capacity} requests, then {@code refillPerMinute}.
 * Buckets that have filled up again are forgotten, so the map stays as small as the set of active clients.
 */
@Singleton
public class RateLimiter {

    static final int MAX_CLIENTS = 100_000;

    private final double capacity;
    private final double tokensPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(HttpConfiguration configuration, Clock clock) {
        if (configuration.getRateLimit().getCapacity() < 1 || configuration.getRateLimit().getRefillPerMinute() < 1) {
            throw new io.micronaut.context.exceptions.ConfigurationException("livecomply.consumer.http.rate-limit: capacity and refill-per-minute must be at least 1");
        }
        this.capacity = configuration.getRateLimit().getCapacity();
        this.tokensPerNano = configuration.getRateLimit().getRefillPerMinute() / (double) Duration.ofMinutes(1).toNanos();
        this.clock = clock;
    }

    /** Takes a token for {@code client}: zero when allowed, else how long until the next token. */
    public Duration acquire(String client) {
        long now = nanos();
        if (buckets.size() > MAX_CLIENTS) {
            evictFull(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, tokensPerNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano));
        }
    }

    private void evictFull(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                bucket.refill(now, capacity, tokensPerNano);
                if (bucket.tokens >= capacity) {
                    it.remove();
                }
            }
        }
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static final class Bucket {

        private double tokens;
        private long updated;

        private Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        private void refill(long now, double capacity, double tokensPerNano) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
                updated = now;
            }
        }
    }
}
