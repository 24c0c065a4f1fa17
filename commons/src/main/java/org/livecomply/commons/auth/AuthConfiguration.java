package org.livecomply.commons.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * How bearer tokens are checked ({@code livecomply.auth.*}): an HS256 shared secret
 * ({@code LIVECOMPLY_AUTH_HS256_SECRET}, at least 32 bytes) or an RS256 public key in PEM
 * ({@code LIVECOMPLY_AUTH_RS256_PUBLIC_KEY}); optional issuer and audience; the allowed clock skew.
 */
@ConfigurationProperties("livecomply.auth")
public class AuthConfiguration {

    private String hs256Secret;
    private String rs256PublicKey;
    private String issuer;
    private String audience;
    private Duration clockSkew = Duration.ofSeconds(30);

    @Nullable
    public String getHs256Secret() {
        return hs256Secret;
    }

    public void setHs256Secret(@Nullable String hs256Secret) {
        this.hs256Secret = hs256Secret;
    }

    @Nullable
    public String getRs256PublicKey() {
        return rs256PublicKey;
    }

    public void setRs256PublicKey(@Nullable String rs256PublicKey) {
        this.rs256PublicKey = rs256PublicKey;
    }

    @Nullable
    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(@Nullable String issuer) {
        this.issuer = issuer;
    }

    @Nullable
    public String getAudience() {
        return audience;
    }

    public void setAudience(@Nullable String audience) {
        this.audience = audience;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }
}
