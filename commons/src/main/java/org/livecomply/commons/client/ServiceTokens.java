package org.livecomply.commons.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.livecomply.commons.auth.TokenMinter;

/**
 * The bearer token one client presents: the configured static token, or a token minted with the suite's
 * HS256 secret for the client's scopes, renewed when half its lifetime has passed.
 */
final class ServiceTokens {

    static final Duration MINTED_LIFETIME = Duration.ofMinutes(10);

    private final String staticToken;
    private final String secret;
    private final String subject;
    private final List<String> scopes;
    private final Clock clock;
    private String minted;
    private Instant renewAt = Instant.MIN;

    private ServiceTokens(String staticToken, String secret, String subject, List<String> scopes, Clock clock) {
        this.staticToken = staticToken;
        this.secret = secret;
        this.subject = subject;
        this.scopes = scopes;
        this.clock = clock;
    }

    static ServiceTokens of(ClientConfiguration client, String hs256Secret, String subject, Clock clock) {
        if (!isBlank(client.getToken())) {
            return new ServiceTokens(client.getToken().trim(), null, subject, List.of(), clock);
        }
        if (isBlank(hs256Secret) || client.getScopes().isEmpty()) {
            throw new IllegalStateException("livecomply.clients." + client.getDependency()
                    + ": set a token (LIVECOMPLY_CLIENTS_" + envName(client.getDependency()) + "_TOKEN), or scopes"
                    + " together with the shared HS256 secret so that the service can mint its own");
        }
        return new ServiceTokens(null, hs256Secret, subject, client.getScopes(), clock);
    }

    synchronized String current() {
        if (staticToken != null) {
            return staticToken;
        }
        Instant now = clock.instant();
        if (minted == null || !now.isBefore(renewAt)) {
            minted = TokenMinter.mintHs256(secret, subject, scopes, now, MINTED_LIFETIME);
            renewAt = now.plus(MINTED_LIFETIME.dividedBy(2));
        }
        return minted;
    }

    static String envName(String dependency) {
        return dependency.toUpperCase().replace('-', '_');
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
