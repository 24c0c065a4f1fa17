package org.livecomply.consumer.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.List;

/** {@code livecomply.consumer.http.*}: the public intake's limits. */
@ConfigurationProperties("livecomply.consumer.http")
public class HttpConfiguration {

    private RateLimit rateLimit = new RateLimit();
    private List<String> trustedProxies = List.of();
    private boolean secureCookies = true;

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(RateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    public boolean isSecureCookies() {
        return secureCookies;
    }

    public void setSecureCookies(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** A token bucket per client: {@code capacity} requests at once, refilled by {@code refillPerMinute}. */
    @ConfigurationProperties("rate-limit")
    public static class RateLimit {

        private int capacity = 20;
        private int refillPerMinute = 10;

        public int getCapacity() {
            return capacity;
        }

        public void setCapacity(int capacity) {
            this.capacity = capacity;
        }

        public int getRefillPerMinute() {
            return refillPerMinute;
        }

        public void setRefillPerMinute(int refillPerMinute) {
            this.refillPerMinute = refillPerMinute;
        }
    }
}
