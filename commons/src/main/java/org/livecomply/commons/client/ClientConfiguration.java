package org.livecomply.commons.client;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * How this service reaches one of the services it calls, {@code livecomply.clients.<dependency>.*}
 * (env {@code LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS}, ...): the address ({@code host:port} or any gRPC
 * target), the deadline of each call, and its credentials: a static bearer token from a Secret, or, when
 * the suite shares an HS256 secret, a short-lived token this service mints for itself with {@code scopes}.
 */
@EachProperty("livecomply.clients")
public class ClientConfiguration {

    private final String dependency;
    private String address;
    private Duration deadline = Duration.ofSeconds(2);
    private String token;
    private List<String> scopes = List.of();

    public ClientConfiguration(@Parameter String dependency) {
        this.dependency = dependency;
    }

    public String getDependency() {
        return dependency;
    }

    @Nullable
    public String getAddress() {
        return address;
    }

    public void setAddress(@Nullable String address) {
        this.address = address;
    }

    public Duration getDeadline() {
        return deadline;
    }

    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    @Nullable
    public String getToken() {
        return token;
    }

    public void setToken(@Nullable String token) {
        this.token = token;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
