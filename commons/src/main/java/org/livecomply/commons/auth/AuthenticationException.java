package org.livecomply.commons.auth;

/** A bearer token is missing, malformed, wrongly signed, expired or not yet valid. */
public final class AuthenticationException extends Exception {

    private final String reason;

    public AuthenticationException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
